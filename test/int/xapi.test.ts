import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJobs } from '../helpers/credits'
import { createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'
import { createPackage, installLibraries } from '../helpers/h5p'

type Id = number | string
let t: TestApp
let org: Id
let learner: { id: Id; email: string; token: string }
let other: { id: Id; email: string; token: string }

const VERB = (v: string) => ({ id: `http://adlnet.gov/expapi/verbs/${v}`, display: { 'en-US': v } })
const activity = (moduleId: Id) => `https://lianpei.test/modules/${moduleId}`

beforeAll(async () => {
  t = await startTestApp()
  org = (await createOrganization(t.payload, 'university', '10651')).id
  const mk = async () => {
    const u = await createUser(t.payload, ['student'], org, { homeUniversity: org })
    return { ...u, token: await login(t.app, u.email) }
  }
  learner = await mk()
  other = await mk()
})
afterAll(async () => t?.stop())

const post = (body: unknown, who = learner, version: string | null = '1.0.3') => {
  const req = request(t.app).post('/api/xapi/statements').set('Authorization', `JWT ${who.token}`).set('Accept-Language', 'en')
  if (version) req.set('X-Experience-API-Version', version)
  return req.send(body as object)
}
const statement = (extra: Record<string, unknown> = {}, who = learner) => ({
  actor: { objectType: 'Agent', mbox: `mailto:${who.email}` },
  verb: VERB('answered'),
  object: { objectType: 'Activity', id: 'https://lianpei.test/activities/demo' },
  ...extra,
})
const stored = async () => (await t.payload.count({ collection: 'xapi-statements', overrideAccess: true })).totalDocs

async function courseWithModules(rule = { minAverageScore: 60, scorePolicy: 'best' }) {
  const course = await createCourse(t.payload, org, { completionRule: rule })
  const lesson = await t.payload.create({ collection: 'modules', data: { course: course.id, title: '课文', order: 1, kind: 'lesson' } as never, overrideAccess: true })
  const h5p = await t.payload.create({ collection: 'modules', data: { course: course.id, title: '互动题', order: 2, kind: 'h5p' } as never, overrideAccess: true })
  const enrol = await request(t.app).post('/api/enrollments').set('Authorization', `JWT ${learner.token}`).send({ source: { relationTo: 'courses', value: course.id } })
  expect(enrol.status).toBe(201)
  return { course, lesson, h5p, enrollmentId: enrol.body.doc.id as Id }
}

describe('POST /api/xapi/statements', () => {
  it('stores one statement or an array and answers their ids', async () => {
    const id = randomUUID()
    const one = await post(statement({ id }))
    expect(one.status).toBe(200)
    expect(one.body).toEqual([id])
    const many = await post([statement(), statement({ verb: VERB('completed') })])
    expect(many.status).toBe(200)
    expect(many.body).toHaveLength(2)
    for (const sid of many.body) expect(sid).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('gives a statement sent without an id a time-ordered UUID (version 7), as the player sends them', async () => {
    const before = Date.now()
    const first = await post(statement())
    const second = await post([statement(), statement()])
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    const ids = [...first.body, ...second.body] as string[]
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      const at = parseInt(id.replace(/-/g, '').slice(0, 12), 16)
      expect(at).toBeGreaterThanOrEqual(before)
      expect(at).toBeLessThanOrEqual(Date.now())
    }
    expect(new Set(ids).size).toBe(3)
    // Later ids sort after earlier ones (within one millisecond their order is random).
    expect(ids[0] < ids[1] || ids[0].slice(0, 13) === ids[1].slice(0, 13)).toBe(true)
  })

  it('stores every field as sent and reads it back as Payload does: text, numbers, booleans, the statement itself', async () => {
    const id = randomUUID()
    const sent: Record<string, any> = statement({
      id,
      object: { objectType: 'Activity', id: 'https://lianpei.test/activities/引号"与\'反斜杠\\', definition: { name: { 'zh-CN': '安全生产 "判断题" \u{1F600}' } } },
      result: { score: { raw: 7, min: 0, max: 8 }, success: false, completion: true, response: 'a\nbc' },
      context: { contextActivities: { parent: [{ id: 'https://lianpei.test/activities/quiz' }] } },
    })
    expect((await post(sent)).status).toBe(200)
    const row = (await t.payload.find({ collection: 'xapi-statements' as never, where: { statementId: { equals: id } }, overrideAccess: true, depth: 0 })).docs[0] as Record<string, any>
    expect(row).toMatchObject({ activityId: sent.object.id, verb: sent.verb.id, scoreRaw: 7, scoreMax: 8, scoreScaled: 0.875, success: false, completion: true, subStatement: true })
    expect(typeof row.success).toBe('boolean')
    expect(row.statement).toMatchObject({ id, object: sent.object, result: sent.result, context: sent.context })
    const read = await request(t.app).get('/api/xapi/statements').query({ activity: sent.object.id }).set('Authorization', `JWT ${learner.token}`)
    expect(read.body.statements.map((s: { id: string; object: unknown }) => [s.id, s.object])).toEqual([[id, sent.object]])
  })

  it.each([
    ['a missing version header', null, () => statement(), 400, /X-Experience-API-Version/],
    ['a bad version header', '0.95', () => statement(), 400, /X-Experience-API-Version/],
    ['a missing actor', '1.0.3', () => ({ verb: VERB('answered'), object: { id: 'https://x.test/a' } }), 400, /actor/],
    ['a missing verb', '1.0.3', () => ({ actor: { mbox: 'mailto:x@y.z' }, object: { id: 'https://x.test/a' } }), 400, /verb/],
    ['a missing object', '1.0.3', () => ({ actor: { mbox: 'mailto:x@y.z' }, verb: VERB('answered') }), 400, /object/],
    ['a scaled score over 1', '1.0.3', () => statement({ result: { score: { scaled: 1.5 } } }), 400, /scaled/],
    ['a raw score over max', '1.0.3', () => statement({ result: { score: { raw: 12, min: 0, max: 10 } } }), 400, /raw/],
    ['an id that is not a UUID', '1.0.3', () => statement({ id: 'not-a-uuid' }), 400, /UUID/],
    ['a NUL character, which PostgreSQL cannot store', '1.0.3', () => statement({ result: { response: 'a\u0000b' } }), 400, /statement\.result\.response: must not contain the character U\+0000/],
    ['a NUL character in a key', '1.0.3', () => statement({ context: { extensions: { 'https://x.test/\u0000': 1 } } }), 400, /statement\.context\.extensions\.https:\/\/x\.test\/\u0000: must not contain/],
    ['an unpaired surrogate, which PostgreSQL cannot store', '1.0.3', () => statement({ object: { objectType: 'Activity', id: 'https://lianpei.test/activities/\ud800' } }), 400, /statement\.object\.id: must be well-formed Unicode/],
    ['a raw score SQLite could not read back', '1.0.3', () => statement({ result: { score: { raw: 1e16, min: 0, max: 2e16 } } }), 400, /statement\.result\.score\.raw: score\.raw must be ≤ 9007199254740991/],
    ['a timestamp in the year 0', '1.0.3', () => statement({ timestamp: '0000-06-01T00:00:00Z' }), 400, /statement\.timestamp: timestamp must fall within the years 1 to 9999/],
    ['a timestamp past the year 9999 in UTC', '1.0.3', () => statement({ timestamp: '9999-12-31T23:00:00-05:00' }), 400, /statement\.timestamp: timestamp must fall within the years 1 to 9999/],
    ['an actor that is not the caller', '1.0.3', () => ({ ...statement(), actor: { mbox: 'mailto:someone-else@lianpei.test' } }), 403, /actor must be you/],
  ] as const)('refuses %s and writes nothing', async (_label, version, body, status, message) => {
    const before = await stored()
    const res = await post(body(), learner, version)
    expect(res.status).toBe(status)
    expect(res.body.errors[0].message).toMatch(message)
    expect(await stored()).toBe(before)
  })

  it('refuses a whole batch when one statement is bad', async () => {
    const before = await stored()
    const res = await post([statement(), statement({ result: { score: { scaled: -2 } } })])
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toContain('statements[1]')
    expect(await stored()).toBe(before)
  })

  it('refuses anonymous callers', async () => {
    const res = await request(t.app).post('/api/xapi/statements').set('X-Experience-API-Version', '1.0.3').send(statement())
    expect(res.status).toBe(401)
  })

  it('accepts a repeated statement id with the same content, and refuses different content with 409', async () => {
    const id = randomUUID()
    expect((await post(statement({ id }))).status).toBe(200)
    const before = await stored()
    expect((await post(statement({ id }))).status).toBe(200)
    expect(await stored()).toBe(before)
    const conflict = await post(statement({ id, verb: VERB('passed') }))
    expect(conflict.status).toBe(409)
    expect(await stored()).toBe(before)
  })

  it('keeps every one of 40 concurrent statements', async () => {
    const before = await stored()
    const results = await Promise.all(Array.from({ length: 40 }, () => post(statement())))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(await stored()).toBe(before + 40)
  })
})

describe('scores above the package', () => {
  it('refuses a score above the H5P package’s maximum and writes nothing', async () => {
    await installLibraries(t.payload)
    const pkg = await createPackage(t.payload, 'true-false.h5p', undefined, { maxScore: 1 })
    const course = await createCourse(t.payload, org)
    const module = await t.payload.create({ collection: 'modules', data: { course: course.id, title: '判断', order: 1, kind: 'h5p', h5pPackage: pkg.id } as never, overrideAccess: true })
    const before = await stored()
    const res = await post(statement({ object: { id: activity(module.id) }, result: { score: { raw: 5, min: 0, max: 5 } } }))
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/above the package's maximum of 1/)
    expect(await stored()).toBe(before)
    expect((await post(statement({ object: { id: activity(module.id) }, result: { score: { raw: 1, min: 0, max: 1 } } }))).status).toBe(200)
  })
})

describe('GET /api/xapi/statements', () => {
  it('gives learners their own statements, filtered by verb and activity', async () => {
    const mine = `https://lianpei.test/activities/${randomUUID()}`
    await post(statement({ object: { id: mine }, verb: VERB('experienced') }))
    await post(statement({ object: { id: mine }, verb: VERB('experienced') }, other), other)
    const res = await request(t.app).get(`/api/xapi/statements?activity=${encodeURIComponent(mine)}`).set('Authorization', `JWT ${learner.token}`)
    expect(res.status).toBe(200)
    expect(res.body.statements).toHaveLength(1)
    expect(res.body.statements[0].actor.mbox).toBe(`mailto:${learner.email}`)
    const byVerb = await request(t.app).get(`/api/xapi/statements?verb=${encodeURIComponent(VERB('experienced').id)}&activity=${encodeURIComponent(mine)}`).set('Authorization', `JWT ${learner.token}`)
    expect(byVerb.body.statements).toHaveLength(1)
    const bad = await request(t.app).get('/api/xapi/statements?since=yesterday').set('Authorization', `JWT ${learner.token}`)
    expect(bad.status).toBe(400)
  })
})

describe('progress and completion', () => {
  it('moves the enrolment’s progress, then completes the course once and issues its credits', async () => {
    const { course, lesson, h5p, enrollmentId } = await courseWithModules()
    expect((await post(statement({ object: { id: activity(lesson.id) }, verb: VERB('experienced') }))).status).toBe(200)
    let enrollment = await t.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true })
    expect(enrollment.progress).toBe(50)
    // A sub-question's answer (it has a parent) does not complete the module.
    await post(statement({ object: { id: `${activity(h5p.id)}?subContentId=1` }, verb: VERB('answered'), context: { contextActivities: { parent: [{ id: activity(h5p.id) }] } }, result: { score: { raw: 1, max: 1 } } }))
    enrollment = await t.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true })
    expect(enrollment.progress).toBe(50)
    expect((await post(statement({ object: { id: activity(h5p.id) }, verb: VERB('answered'), result: { score: { raw: 9, min: 0, max: 10 }, completion: true, success: true } }))).status).toBe(200)
    enrollment = await t.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true })
    expect(enrollment.progress).toBe(100)
    await runJobs(t.payload)
    enrollment = await t.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true })
    expect(enrollment.status).toBe('completed')
    expect((await post(statement({ object: { id: activity(h5p.id) }, verb: VERB('completed'), result: { score: { scaled: 1 }, completion: true } }))).status).toBe(200)
    const completions = await t.payload.find({ collection: 'completions', where: { key: { equals: `${learner.id}:courses:${course.id}` } }, overrideAccess: true })
    expect(completions.docs).toHaveLength(1)
    await runJobs(t.payload)
    const records = await t.payload.find({ collection: 'credit-records', where: { learner: { equals: learner.id } }, overrideAccess: true })
    expect(records.docs.some((r) => r.sourceId === String(course.id))).toBe(true)
  })

  it('does not complete a course whose average score is below its rule, and uses the last attempt when told', async () => {
    const { course, lesson, h5p, enrollmentId } = await courseWithModules({ minAverageScore: 80, scorePolicy: 'last' })
    // A good attempt, then a poor one; the lesson last, so the rule is judged on both attempts.
    expect((await post(statement({ object: { id: activity(h5p.id) }, verb: VERB('completed'), result: { score: { scaled: 0.9 }, completion: true } }))).status).toBe(200)
    expect((await post(statement({ object: { id: activity(h5p.id) }, verb: VERB('completed'), result: { score: { scaled: 0.5 }, completion: true } }))).status).toBe(200)
    expect((await post(statement({ object: { id: activity(lesson.id) }, verb: VERB('experienced') }))).status).toBe(200)
    const enrollment = await t.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true })
    expect(enrollment.progress).toBe(100)
    expect(enrollment.status).toBe('active')
    const completions = await t.payload.count({ collection: 'completions', where: { key: { equals: `${learner.id}:courses:${course.id}` } }, overrideAccess: true })
    expect(completions.totalDocs).toBe(0)
  })
})
