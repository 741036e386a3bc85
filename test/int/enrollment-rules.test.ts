import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
let t: TestApp
let org: Id
let organizerToken: string
let seq = 0

beforeAll(async () => {
  t = await startTestApp()
  org = (await createOrganization(t.payload, 'university', '10701')).id
  organizerToken = await login(t.app, (await createUser(t.payload, ['organizer'], org)).email)
})
afterAll(async () => t?.stop())

async function student() {
  seq++
  const u = await createUser(t.payload, ['student'], org, { homeUniversity: org, studentNumber: `S-RULE-${seq}` })
  return { ...u, studentNumber: `S-RULE-${seq}`, token: await login(t.app, u.email) }
}
const enrol = (token: string, course: Id) => as(t.app, token).post('/api/enrollments').send({ source: { relationTo: 'courses', value: course } })
const enrolments = async (course: Id) => (await t.payload.count({ collection: 'enrollments', where: { key: { like: `%:courses:${course}` } }, overrideAccess: true })).totalDocs

describe('enrolment rules', () => {
  it('enrols in an open course, and refuses enrolling twice with the first enrolment’s status', async () => {
    const course = await createCourse(t.payload, org)
    const s = await student()
    expect((await enrol(s.token, course.id)).body.doc.status).toBe('active')
    const again = await enrol(s.token, course.id)
    expect(again.status).toBe(400)
    expect(again.body.errors[0].message).toMatch(/already enrolled.*active/)
  })

  it('starts an approval-required enrolment as pending, whatever the learner asks for', async () => {
    const course = await createCourse(t.payload, org, { enrollment: { mode: 'approval' } })
    const s = await student()
    const res = await as(t.app, s.token).post('/api/enrollments').send({ source: { relationTo: 'courses', value: course.id }, status: 'active' })
    expect(res.status).toBe(201)
    expect(res.body.doc.status).toBe('pending')
  })

  it('takes only the invited into an invite-only course', async () => {
    const invited = await student()
    const stranger = await student()
    const course = await createCourse(t.payload, org, { enrollment: { mode: 'invite', invitees: `${invited.email}\nsomeone@else.test` } })
    expect((await enrol(stranger.token, course.id)).status).toBe(403)
    expect((await enrol(invited.token, course.id)).status).toBe(201)
    expect(await enrolments(course.id)).toBe(1)
  })

  it('shows an invite-only course’s invited addresses only to those who may edit the course', async () => {
    const invited = await student()
    const course = await createCourse(t.payload, org, { enrollment: { mode: 'invite', invitees: `${invited.email}\nsomeone@else.test` } })
    const author = await login(t.app, (await createUser(t.payload, ['author'], org)).email)
    const otherOrg = (await createOrganization(t.payload, 'university', '10799')).id
    const otherAuthor = await login(t.app, (await createUser(t.payload, ['author'], otherOrg)).email)
    const invitees = (res: { body: { enrollment?: { invitees?: string } } }) => res.body.enrollment?.invitees
    const anonymous = await request(t.app).get(`/api/courses/${course.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.enrollment.mode).toBe('invite')
    expect(invitees(anonymous)).toBeUndefined()
    expect(invitees(await as(t.app, invited.token).get(`/api/courses/${course.id}`))).toBeUndefined()
    expect(invitees(await as(t.app, otherAuthor).get(`/api/courses/${course.id}`))).toBeUndefined()
    const listed = (await request(t.app).get(`/api/catalogue?q=${encodeURIComponent(course.code)}`)).body.docs.find((c: { id: Id }) => String(c.id) === String(course.id))
    expect(listed.enrollment.mode).toBe('invite')
    expect(listed.enrollment.invitees).toBeUndefined()
    expect(invitees(await as(t.app, author).get(`/api/courses/${course.id}`))).toContain(invited.email)
    // A duplicate is copied from the stored row: another organisation's author gets no list with it; the course's own author keeps it.
    const theirs = await as(t.app, otherAuthor).post(`/api/courses/${course.id}/duplicate`).send({ code: `${course.code}-B`, organization: otherOrg })
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(200)
    expect(theirs.body.doc.enrollment.mode).toBe('invite')
    expect(theirs.body.doc.enrollment.invitees ?? null).toBeNull()
    expect((await t.payload.findByID({ collection: 'courses', id: theirs.body.doc.id, overrideAccess: true, draft: true })).enrollment?.invitees ?? null).toBeNull()
    const ours = await as(t.app, author).post(`/api/courses/${course.id}/duplicate`).send({ code: `${course.code}-A` })
    expect(ours.status, JSON.stringify(ours.body)).toBe(200)
    expect(ours.body.doc.enrollment.invitees).toContain(invited.email)
    // Still enforced for those who cannot read the list.
    expect((await enrol(invited.token, course.id)).status).toBe(201)
  })

  it('refuses enrolment outside the window', async () => {
    const early = await createCourse(t.payload, org, { enrollment: { opensAt: new Date(Date.now() + 86_400_000).toISOString() } })
    const late = await createCourse(t.payload, org, { enrollment: { closesAt: new Date(Date.now() - 86_400_000).toISOString() } })
    const s = await student()
    const a = await enrol(s.token, early.id)
    expect(a.status).toBe(400)
    expect(a.body.errors[0].message).toMatch(/opens at/)
    const b = await enrol(s.token, late.id)
    expect(b.status).toBe(400)
    expect(b.body.errors[0].message).toMatch(/closed at/)
    expect(await enrolments(early.id)).toBe(0)
    expect(await enrolments(late.id)).toBe(0)
  })

  it('refuses enrolment over capacity with 409', async () => {
    const course = await createCourse(t.payload, org, { enrollment: { capacity: 2 } })
    for (let i = 0; i < 2; i++) expect((await enrol((await student()).token, course.id)).status).toBe(201)
    const full = await enrol((await student()).token, course.id)
    expect(full.status).toBe(409)
    expect(full.body.errors[0].message).toMatch(/full/)
    expect(await enrolments(course.id)).toBe(2)
  })

  it('refuses a draft course', async () => {
    const course = await createCourse(t.payload, org, { _status: 'draft' })
    expect((await enrol((await student()).token, course.id)).status).toBe(404)
  })

  it('lets a learner leave, and only their own enrolment', async () => {
    const course = await createCourse(t.payload, org)
    const s = await student()
    const other = await student()
    const id = (await enrol(s.token, course.id)).body.doc.id
    expect((await as(t.app, other.token).post(`/api/enrollments/${id}/withdraw`)).status).toBe(404)
    const left = await as(t.app, s.token).post(`/api/enrollments/${id}/withdraw`)
    expect(left.status).toBe(200)
    expect(left.body.doc.status).toBe('withdrawn')
  })
})

describe('bulk enrolment from CSV', () => {
  const upload = (course: Id, csv: string, token = organizerToken) =>
    request(t.app).post(`/api/courses/${course}/enroll-csv`).set('Authorization', `JWT ${token}`).set('Content-Type', 'text/csv').send(csv)

  it('enrols every row by student number or email', async () => {
    const course = await createCourse(t.payload, org)
    const [a, b] = [await student(), await student()]
    const byNumber = await upload(course.id, `studentNumber\n${a.studentNumber}\n`)
    expect(byNumber.status).toBe(201)
    const byEmail = await upload(course.id, `email,name\n${b.email},某同学\n`)
    expect(byEmail.status).toBe(201)
    expect(byEmail.body.report).toEqual([{ row: 2, identifier: b.email, status: 'enrolled' }])
    expect(await enrolments(course.id)).toBe(2)
  })

  it('reports every failed row and writes nothing when any row fails', async () => {
    const course = await createCourse(t.payload, org)
    const a = await student()
    const res = await upload(course.id, `studentNumber\n${a.studentNumber}\nNO-SUCH-NUMBER\n\n${a.studentNumber}\n`)
    expect(res.status).toBe(400)
    expect(res.body.report).toEqual([
      { row: 2, identifier: a.studentNumber, status: 'enrolled' },
      { row: 3, identifier: 'NO-SUCH-NUMBER', status: 'failed', reason: 'no user with studentNumber NO-SUCH-NUMBER' },
      { row: 4, identifier: a.studentNumber, status: 'failed', reason: 'listed twice' },
    ])
    expect(await enrolments(course.id)).toBe(0)
  })

  it('refuses a CSV without a usable header, a malformed CSV, and a student', async () => {
    const course = await createCourse(t.payload, org)
    expect((await upload(course.id, 'name\n张三\n')).status).toBe(400)
    expect((await upload(course.id, 'email,name\n"unterminated,x\n')).status).toBe(400)
    expect((await upload(course.id, 'email\nx@y.z\n', (await student()).token)).status).toBe(403)
    expect(await enrolments(course.id)).toBe(0)
  })
})
