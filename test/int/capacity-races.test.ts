/**
 * Every "at most N" rule under concurrent requests (issue 16), run on PostgreSQL by `npm test` as
 * well as on SQLite: a course's and a programme's capacity here; a mentor's capacity
 * (test/int/mentor-training.test.ts, 20 concurrent assignments for one last place) and a round's
 * funding budget (test/int/featured-courses.test.ts, 20 concurrent awards) beside them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createCourse, createOrganization, createSignedInUser, type SignedInUser } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
let t: TestApp
let university: Id
let organizer: SignedInUser

beforeAll(async () => {
  t = await startTestApp()
  university = (await createOrganization(t.payload, 'university', '10711', '名额大学')).id
  organizer = await createSignedInUser(t, ['organizer'], university)
})
afterAll(async () => t?.stop())

const learners = async (n: number) => {
  const list: SignedInUser[] = []
  for (let i = 0; i < n; i++) list.push(await createSignedInUser(t, ['student'], university, { homeUniversity: university }))
  return list
}
const holding = async (relationTo: string, id: Id) =>
  (await t.payload.count({ collection: 'enrollments', where: { and: [{ 'source.relationTo': { equals: relationTo } }, { 'source.value': { equals: id } }, { status: { in: ['active', 'pending', 'completed'] } }] }, overrideAccess: true })).totalDocs

async function race(relationTo: string, id: Id, who: SignedInUser[]) {
  const answers = await Promise.all(who.map((l) => as(t.app, l.token).post('/api/enrollments').set('Accept-Language', 'en').send({ source: { relationTo, value: id } })))
  for (const a of answers.filter((x) => x.status !== 201)) {
    expect(a.status, JSON.stringify(a.body)).toBe(409)
    expect(a.body.errors[0].message).toMatch(/is full \(\d+ places\)|the last places were just taken/)
  }
  return answers.filter((a) => a.status === 201).length
}

describe('capacity under concurrent enrolments', () => {
  it('a course with 5 places takes exactly 5 of 20 learners enrolling at once, and a withdrawal frees one place', async () => {
    const course = await createCourse(t.payload, university, { enrollment: { mode: 'open', capacity: 5 } })
    const crowd = await learners(20)
    expect(await race('courses', course.id, crowd)).toBe(5)
    expect(await holding('courses', course.id)).toBe(5)

    const [first] = (await t.payload.find({ collection: 'enrollments', where: { 'source.value': { equals: course.id } }, limit: 1, overrideAccess: true, depth: 0 })).docs
    expect((await as(t.app, organizer.token).patch(`/api/enrollments/${first.id}`).send({ status: 'withdrawn' })).status).toBe(200)
    const late = await learners(3)
    expect(await race('courses', course.id, late)).toBe(1)
    expect(await holding('courses', course.id)).toBe(5)
  })

  it('a programme with 4 places takes exactly 4 of 12 learners enrolling at once; staff still enrol beyond it, and that counts', async () => {
    const now = Date.now()
    const camp = await as(t.app, organizer.token).post('/api/camps').send({ title: '名额训练营', code: `CAMP-RACE-${now.toString(36)}`, kind: 'political-education', organization: university, startsOn: new Date(now - 86_400_000).toISOString(), endsOn: new Date(now + 7 * 86_400_000).toISOString(), capacity: 4, credits: 1, hours: 8, completionRule: { minAttendanceRate: 50 } })
    expect(camp.status, JSON.stringify(camp.body)).toBe(201)
    const id = camp.body.doc.id
    expect(await race('camps', id, await learners(12))).toBe(4)
    expect(await holding('camps', id)).toBe(4)
    const [extra] = await learners(1)
    expect((await as(t.app, organizer.token).post('/api/enrollments').send({ learner: extra.id, source: { relationTo: 'camps', value: id } })).status).toBe(201)
    expect(await holding('camps', id)).toBe(5)
  })

  it('a course’s last place, freed, goes to one of 8 learners who left rejoining at once', async () => {
    const course = await createCourse(t.payload, university, { enrollment: { mode: 'open', capacity: 8 } })
    const crowd = await learners(8)
    expect(await race('courses', course.id, crowd)).toBe(8)
    const { docs } = await t.payload.find({ collection: 'enrollments', where: { 'source.value': { equals: course.id } }, overrideAccess: true, depth: 0, pagination: false })
    const ids = new Map(docs.map((d) => [String(d.learner), d.id]))
    for (const l of crowd) expect((await as(t.app, l.token).post(`/api/enrollments/${ids.get(String(l.id))}/withdraw`)).status).toBe(200)
    // Seven places taken meanwhile by newcomers: one is left for the eight who left.
    expect(await race('courses', course.id, await learners(7))).toBe(7)
    const answers = await Promise.all(crowd.map((l) => as(t.app, l.token).post(`/api/enrollments/${ids.get(String(l.id))}/rejoin`).set('Accept-Language', 'en')))
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status, JSON.stringify(a.body)).toBe(409)
      expect(a.body.errors[0].message).toMatch(/is full \(\d+ places\)|the last places were just taken/)
    }
    expect(await holding('courses', course.id)).toBe(8)
  })

  it('gives no place to an enrolment that holds none: a withdrawn one made by staff blocks nobody', async () => {
    const course = await createCourse(t.payload, university, { enrollment: { mode: 'open', capacity: 2 } })
    const [gone, a, b, c] = await learners(4)
    const made = await as(t.app, organizer.token).post('/api/enrollments').send({ learner: gone.id, source: { relationTo: 'courses', value: course.id }, status: 'withdrawn' })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body.doc.place).toMatch(/^open:/)
    expect(await race('courses', course.id, [a, b, c])).toBe(2)
  })

  it('keeps the place a learner may not set for themself', async () => {
    const course = await createCourse(t.payload, university, { enrollment: { mode: 'open', capacity: 2 } })
    const [l] = await learners(1)
    const res = await as(t.app, l.token).post('/api/enrollments').send({ source: { relationTo: 'courses', value: course.id }, place: 'place:courses:999:1' })
    expect(res.status).toBe(201)
    expect(res.body.doc.place).toBe(`place:courses:${course.id}:1`)
  })
})
