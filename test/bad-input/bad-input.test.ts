/**
 * Runs the bad-input corpus (corpus.ts): every case must be answered with one of its 4xx statuses
 * and a message that says what is wrong, and must leave every collection it could write to as it
 * was. SQLite here; PostgreSQL too under `npm test`.
 */
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJobs } from '../helpers/credits'
import { as, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'
import { type Actor, CORPUS, type Ids } from './corpus'

const WRITTEN = ['organizations', 'users', 'courses', 'enrollments', 'completions', 'credit-records', 'credit-ledger-events', 'credit-ledger-checkpoints', 'credit-webhooks', 'xapi-statements', 'h5p-packages', 'attendance'] as const

let t: TestApp
const auth: Partial<Record<Actor, string>> = {}
const ids = {} as Ids

beforeAll(async () => {
  t = await startTestApp()
  const uniA = (await createOrganization(t.payload, 'university', '10486', '甲大学')).id
  const uniB = (await createOrganization(t.payload, 'university', '10487', '乙大学')).id
  const enterprise = (await createOrganization(t.payload, 'enterprise', '91441900MA51LP0011', '甲企业')).id
  const jwt = async (roles: Parameters<typeof createUser>[1], org: number | string, extra: Record<string, unknown> = {}) => `JWT ${await login(t.app, (await createUser(t.payload, roles, org, extra)).email)}`
  auth.admin = await jwt(['admin'], enterprise)
  auth.organizer = await jwt(['organizer'], enterprise)
  auth.author = await jwt(['author'], enterprise)
  auth.registrarA = await jwt(['registrar'], uniA)
  await createUser(t.payload, ['registrar'], uniB, { enableAPIKey: true, apiKey: 'key-of-registrar-b' })
  auth.registrarB = 'users API-Key key-of-registrar-b'
  const student = await createUser(t.payload, ['student'], uniA, { homeUniversity: uniA, studentNumber: '20240001' })
  auth.student = `JWT ${await login(t.app, student.email)}`

  const course = await createCourse(t.payload, enterprise)
  ids.course = course.id
  await as(t.app, auth.organizer.slice(4)).post('/api/completions').send({ learner: student.id, source: { relationTo: 'courses', value: course.id }, score: 88 })
  await runJobs(t.payload)
  ids.recordA = ((await t.payload.find({ collection: 'credit-records', limit: 1, overrideAccess: true })).docs[0] as unknown as { id: number }).id
  const now = Date.now()
  const camp = await t.payload.create({ collection: 'camps' as never, data: { title: '训练营', code: 'CAMP-BAD-1', kind: 'political-education', organization: uniA, startsOn: new Date(now - 86_400_000).toISOString(), endsOn: new Date(now + 86_400_000).toISOString(), credits: 1, hours: 8, completionRule: { minAttendanceRate: 50 } } as never, overrideAccess: true })
  ids.camp = (camp as unknown as { id: number }).id
  ids.session = ((await t.payload.create({ collection: 'camp-sessions' as never, data: { camp: ids.camp, title: '讲座', kind: 'lecture', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), place: '报告厅' } as never, overrideAccess: true })) as unknown as { id: number }).id
  ids.studentMbox = `mailto:${student.email}`
  await t.payload.create({ collection: 'enrollments', data: { learner: student.id, source: { relationTo: 'camps', value: ids.camp }, status: 'active' } as never, overrideAccess: true })
})
afterAll(async () => t?.stop())

/** How many documents each collection holds, and when its latest was written: a refused update changes neither. */
const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      WRITTEN.map(async (slug) => {
        const { docs, totalDocs } = await t.payload.find({ collection: slug as never, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, select: { updatedAt: true } as never })
        return [slug, `${totalDocs} @ ${(docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? '-'}`]
      }),
    ),
  )

describe(`bad-input corpus (${CORPUS.length} cases)`, () => {
  it('has at least 300 cases', () => expect(CORPUS.length).toBeGreaterThanOrEqual(300))

  for (const c of CORPUS) {
    it(c.name, async () => {
      const before = await counts()
      let req = request(t.app)[c.method](c.path(ids)).set('Accept-Language', 'en')
      const authorization = typeof c.authorization === 'function' ? await c.authorization(t.payload.secret) : (c.authorization ?? (c.as && c.as !== 'anonymous' ? auth[c.as] : undefined))
      if (authorization) req = req.set('Authorization', authorization)
      for (const [name, value] of Object.entries(c.headers ?? {})) req = req.set(name, value)
      if (c.file) req = req.attach(c.file.field, c.file.data, c.file.name)
      else if (typeof c.body === 'string' || typeof c.body === 'function') req = req.set('Content-Type', c.contentType ?? 'application/json').send(typeof c.body === 'function' ? c.body(ids) : c.body)
      else if (c.body !== undefined) req = req.send(c.body as object)
      const res = await req
      expect(c.status, `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status)
      const message = res.body?.errors?.[0]?.message
      expect(typeof message === 'string' && message.length > 3 && !/something went wrong/i.test(message), `no clear message: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(true)
      expect(await counts()).toEqual(before)
    })
  }
})
