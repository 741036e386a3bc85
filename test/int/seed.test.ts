import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { courses } from '../../seed/data/courses'
import { DEMO_PASSWORD, users } from '../../seed/data/users'
import { resetDatabase } from '../../seed/resetDatabase'
import { seedDemo } from '../../seed/seedDemo'
import { seedIfEmpty } from '../../seed/seedIfEmpty'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
const messages: string[] = []

beforeAll(async () => {
  t = await startTestApp()
  await seedIfEmpty(t.payload)
})
afterAll(async () => t?.stop())

const count = async (collection: string, where?: object) =>
  (await t.payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs

describe('demo data', () => {
  it('has at least 3 universities, 3 enterprises and an agency', async () => {
    expect(await count('organizations', { kind: { equals: 'university' } })).toBeGreaterThanOrEqual(3)
    expect(await count('organizations', { kind: { equals: 'enterprise' } })).toBeGreaterThanOrEqual(3)
    expect(await count('organizations', { kind: { equals: 'agency' } })).toBeGreaterThanOrEqual(1)
  })

  it('has at least 6 published courses, each with modules, readable anonymously', async () => {
    const res = await request(t.app).get('/api/courses?limit=100&depth=0')
    expect(res.body.docs.length).toBeGreaterThanOrEqual(6)
    expect(res.body.docs.length).toBe(courses.length)
    for (const course of res.body.docs) {
      const modules = await request(t.app).get(`/api/modules?where[course][equals]=${course.id}&depth=0`)
      expect(modules.body.docs.length, course.code).toBeGreaterThan(0)
    }
  })

  it.each(users.map((u) => [u.email]))('lets %s log in with the demo password', async (email) => {
    const res = await request(t.app).post('/api/users/login').send({ email, password: DEMO_PASSWORD })
    expect(res.status).toBe(200)
  })

  it('gives the two registrars API keys of two different universities, the student’s being the first', async () => {
    const me = async (key: string) => (await request(t.app).get('/api/users/me').set('Authorization', `users API-Key ${key}`)).body.user
    const first = await me('lianpei-demo-registrar-key')
    const second = await me('lianpei-demo-registrar2-key')
    expect(first.email).toBe('registrar@lianpei.demo')
    expect(second.email).toBe('registrar2@lianpei.demo')
    expect(first.organization).not.toEqual(second.organization)
    const [student] = (await t.payload.find({ collection: 'users', where: { email: { equals: 'student@lianpei.demo' } }, overrideAccess: true, depth: 0 })).docs
    expect(student.homeUniversity).toEqual(first.organization)
  })

  it('gives the demo student credit records in their registrar’s feed, one mapped to a local course', async () => {
    const feed = await request(t.app).get('/api/credit-feed?limit=100').set('Authorization', 'users API-Key lianpei-demo-registrar-key')
    expect(feed.status).toBe(200)
    expect(feed.body.records.length).toBeGreaterThanOrEqual(2)
    expect(feed.body.records.some((r: { mapping: { localCourseCode: string } | null }) => r.mapping?.localCourseCode === 'GS085501')).toBe(true)
    // Under her official name, not the display name she goes by on the platform.
    expect(feed.body.records.every((r: { learner: { name: string } }) => r.learner.name !== '晓彤')).toBe(true)
    expect(feed.body.records.some((r: { learner: { name: string } }) => r.learner.name === '林晓彤')).toBe(true)
    const other = await request(t.app).get('/api/credit-feed?limit=100').set('Authorization', 'users API-Key lianpei-demo-registrar2-key')
    expect(other.body.records).toHaveLength(0)
  })

  it('shows the featured-course workflow: an open round with proposals in several states, a decided round with awards', async () => {
    const rounds = (await t.payload.find({ collection: 'proposal-rounds' as never, depth: 0, overrideAccess: true, sort: 'opensAt' })).docs as Array<{ id: number; closesAt: string }>
    expect(rounds).toHaveLength(2)
    expect(Date.parse(rounds[0].closesAt)).toBeLessThan(Date.now())
    expect(Date.parse(rounds[1].closesAt)).toBeGreaterThan(Date.now())
    const states = async (round: number) => ((await t.payload.find({ collection: 'course-proposals' as never, where: { round: { equals: round } }, depth: 0, overrideAccess: true })).docs as Array<{ status: string }>).map((p) => p.status).sort()
    expect(await states(rounds[0].id)).toEqual(['approved', 'approved', 'rejected'])
    expect(await states(rounds[1].id)).toEqual(['draft', 'revision-requested', 'under-review'])
    expect(await count('proposal-reviews', { status: { equals: 'submitted' } })).toBe(14)
    expect(await count('funding-awards', { round: { equals: rounds[0].id } })).toBe(2)
    // The featured courses came out of the decided round: published, and designated.
    const res = await request(t.app).get('/api/catalogue?featured=true')
    expect(res.body.docs.map((c: { designation: string }) => c.designation).sort()).toEqual(['provincial', 'school'])
  })

  it('shows mentor training: mentors of every tier and status, a track per tier, a certification ending within 30 days, dual mentors', async () => {
    const mentors = (await t.payload.find({ collection: 'mentors' as never, depth: 0, pagination: false, overrideAccess: true })).docs as Array<{ tier: string; status: string }>
    expect(new Set(mentors.map((m) => m.tier))).toEqual(new Set(['industry-professor', 'industry-mentor', 'industry-lecturer', 'doctoral-supervisor', 'masters-supervisor']))
    expect(new Set(mentors.map((m) => m.status))).toEqual(new Set(['applicant', 'in-training', 'certified', 'suspended', 'expired']))
    const tracks = (await t.payload.find({ collection: 'mentor-tracks' as never, depth: 0, pagination: false, overrideAccess: true })).docs as Array<{ tier: string }>
    expect(new Set(tracks.map((tr) => tr.tier)).size).toBe(5)
    const soon = await count('mentor-certifications', { and: [{ status: { equals: 'valid' } }, { validUntil: { less_than: new Date(Date.now() + 30 * 86_400_000).toISOString() } }] })
    expect(soon).toBe(1)
    const [student] = (await t.payload.find({ collection: 'users', where: { email: { equals: 'student@lianpei.demo' } }, overrideAccess: true, depth: 0 })).docs
    const kinds = ((await t.payload.find({ collection: 'mentor-assignments' as never, where: { and: [{ student: { equals: student.id } }, { status: { equals: 'active' } }] }, overrideAccess: true, depth: 0 })).docs as Array<{ kind: string }>).map((a) => a.kind).sort()
    expect(kinds).toEqual(['enterprise', 'university'])
    const registry = await request(t.app).get(`/api/mentors/registry?q=${encodeURIComponent('数字孪生')}`)
    expect(registry.body.docs.map((m: { name: string }) => m.name)).toContain('赵明远')
  })

  it('shows programmes and camps: a political-education programme and a vocational camp with sessions past and coming, attendance and a contest with a leaderboard', async () => {
    const camps = (await t.payload.find({ collection: 'camps' as never, depth: 0, overrideAccess: true })).docs as Array<{ id: number; kind: string }>
    expect(camps.map((c) => c.kind).sort()).toEqual(['political-education', 'vocational-camp'])
    for (const camp of camps) {
      expect(await count('camp-sessions', { and: [{ camp: { equals: camp.id } }, { startsAt: { less_than: new Date().toISOString() } }] })).toBeGreaterThan(0)
      expect(await count('camp-sessions', { and: [{ camp: { equals: camp.id } }, { startsAt: { greater_than: new Date().toISOString() } }] })).toBeGreaterThan(0)
      expect(await count('attendance', { camp: { equals: camp.id } })).toBeGreaterThan(0)
    }
    const [contest] = (await t.payload.find({ collection: 'contests' as never, depth: 0, overrideAccess: true })).docs as Array<{ id: number }>
    const student = await request(t.app).post('/api/users/login').send({ email: 'student@lianpei.demo', password: DEMO_PASSWORD })
    const board = await request(t.app).get(`/api/contests/${contest.id}/leaderboard`).set('Authorization', `JWT ${student.body.token}`)
    expect(board.body.entries.map((e: { learner: string }) => e.learner)[0]).toBe('晓彤')
  })

  it('leaves every ledger chain whole, with a signed checkpoint for each university that has records', async () => {
    const { ledgerChains } = await import('../../plugins/credits/ledger/checkpoint')
    const { verifyChain } = await import('../../plugins/credits/ledger/verifyLedger')
    const jwks = (await request(t.app).get('/.well-known/jwks.json')).body
    let records = 0
    for (const { chain } of await ledgerChains(t.payload)) {
      const report = await verifyChain(t.payload, chain, jwks)
      expect(report.break, chain).toBeNull()
      if (report.records > 0) expect(report.checkpoints, chain).toBeGreaterThan(0)
      records += report.records
    }
    expect(records).toBe(await count('credit-records'))
  })

  it('is idempotent: seeding again creates nothing', async () => {
    const before = { users: await count('users'), courses: await count('courses'), modules: await count('modules'), records: await count('credit-records') }
    const result = await seedDemo(t.payload, (m) => messages.push(m))
    expect(result.created).toBe(0)
    await t.payload.jobs.run({ limit: 100 })
    expect({ users: await count('users'), courses: await count('courses'), modules: await count('modules'), records: await count('credit-records') }).toEqual(before)
    expect(messages.at(-1)).toMatch(/0 created/)
  })

  it('seedIfEmpty leaves a database with users alone', async () => {
    const before = await count('organizations')
    await seedIfEmpty(t.payload)
    expect(await count('organizations')).toBe(before)
  })

  it('--reset wipes everything and seeds again', async () => {
    await t.payload.create({ collection: 'organizations', data: { kind: 'university', name: '临时', code: '18888' }, overrideAccess: true })
    await resetDatabase(t.payload)
    expect(await count('organizations')).toBe(0)
    expect(await count('users')).toBe(0)
    const result = await seedDemo(t.payload, () => {})
    expect(result.existing).toBe(0)
    expect(await count('organizations', { code: { equals: '18888' } })).toBe(0)
    expect(await count('courses')).toBe(courses.length)
  })
})
