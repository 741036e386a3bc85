/**
 * Enrolments and completions are one row per learner × source, held by a unique key in the
 * database, so concurrent writes cannot make two (a peer plugin lost 48 of 50 such writes on
 * PostgreSQL by keeping them in an array on one document).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let organizerToken: string
let university: { id: number | string }

beforeAll(async () => {
  t = await startTestApp()
  university = await createOrganization(t.payload, 'university', '10611')
  const agency = await createOrganization(t.payload, 'agency', '12441900MB2C000018')
  const organizer = await createUser(t.payload, ['organizer'], agency.id)
  organizerToken = await login(t.app, organizer.email)
})
afterAll(async () => t?.stop())

describe('one row per learner × source', () => {
  it('keeps exactly one of 20 concurrent completions for the same learner and course', async () => {
    const learner = await createUser(t.payload, ['student'], university.id, { homeUniversity: university.id })
    const course = await createCourse(t.payload, university.id)
    const body = { learner: learner.id, source: { relationTo: 'courses', value: course.id }, score: 90 }
    const responses = await Promise.all(Array.from({ length: 20 }, () => as(t.app, organizerToken).post('/api/completions').send(body)))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s !== 201).every((s) => s === 400)).toBe(true)
    const rejected = responses.find((r) => r.status === 400)
    expect(JSON.stringify(rejected?.body)).toMatch(/key|unique/i)
    const stored = await t.payload.count({ collection: 'completions', where: { learner: { equals: learner.id } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(1)
  })

  it('keeps all of 30 concurrent completions of different learners', async () => {
    const course = await createCourse(t.payload, university.id)
    const learners = await Promise.all(Array.from({ length: 30 }, () => createUser(t.payload, ['student'], university.id, { homeUniversity: university.id })))
    const responses = await Promise.all(
      learners.map((l) => as(t.app, organizerToken).post('/api/completions').send({ learner: l.id, source: { relationTo: 'courses', value: course.id }, score: 75 })),
    )
    expect(responses.map((r) => r.status)).toEqual(learners.map(() => 201))
    const stored = await t.payload.count({ collection: 'completions', where: { 'source.value': { equals: course.id } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(30)
  })

  it('refuses a second enrolment of the same learner in the same course', async () => {
    const learner = await createUser(t.payload, ['student'], university.id, { homeUniversity: university.id })
    const token = await login(t.app, learner.email)
    const course = await createCourse(t.payload, university.id)
    const body = { source: { relationTo: 'courses', value: course.id } }
    const first = await as(t.app, token).post('/api/enrollments').send(body)
    expect(first.status).toBe(201)
    expect(first.body.doc.learner.id ?? first.body.doc.learner).toBe(learner.id)
    const second = await as(t.app, token).post('/api/enrollments').send(body)
    expect(second.status).toBe(400)
    const stored = await t.payload.count({ collection: 'enrollments', where: { learner: { equals: learner.id } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(1)
  })

  it('records who entered a completion by hand and refuses a score over 100', async () => {
    const learner = await createUser(t.payload, ['student'], university.id, { homeUniversity: university.id })
    const course = await createCourse(t.payload, university.id)
    const bad = await as(t.app, organizerToken).post('/api/completions').send({ learner: learner.id, source: { relationTo: 'courses', value: course.id }, score: 101 })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body.errors)).toContain('score')
    const ok = await as(t.app, organizerToken).post('/api/completions').send({ learner: learner.id, source: { relationTo: 'courses', value: course.id }, score: 100, evidence: { kind: 'offline-practice' } })
    expect(ok.status).toBe(201)
    expect(ok.body.doc.recordedBy.id ?? ok.body.doc.recordedBy).toBeDefined()
  })
})
