import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { ADMITTED } from '../../collections/enrollmentPlaces'
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

  it('lets a learner who left come back to the same enrolment, by the course’s rules as they are now', async () => {
    const rejoin = (token: string, id: Id) => as(t.app, token).post(`/api/enrollments/${id}/rejoin`).set('Accept-Language', 'en')
    const withdraw = (token: string, id: Id) => as(t.app, token).post(`/api/enrollments/${id}/withdraw`)
    // Only one's own, only once left, and the same row with its progress.
    const open = await createCourse(t.payload, org)
    const s = await student()
    const other = await student()
    const first = (await enrol(s.token, open.id)).body.doc
    expect((await rejoin(s.token, first.id)).status).toBe(409)
    await t.payload.update({ collection: 'enrollments', id: first.id, data: { progress: 40 } as never, overrideAccess: true })
    expect((await withdraw(s.token, first.id)).status).toBe(200)
    expect((await rejoin(other.token, first.id)).status).toBe(404)
    expect((await as(t.app, undefined).post(`/api/enrollments/${first.id}/rejoin`)).status).toBe(401)
    const back = await rejoin(s.token, first.id)
    expect(back.status, JSON.stringify(back.body)).toBe(200)
    expect(back.body.doc).toMatchObject({ id: first.id, status: 'active', progress: 40, withdrawnAt: null })
    expect(back.body.doc.place).toBe(first.place)
    expect(await enrolments(open.id)).toBe(1)

    // A place given back is gone once another takes it; freed again, it is the rejoining learner's.
    const small = await createCourse(t.payload, org, { enrollment: { capacity: 1 } })
    const [a, b] = [await student(), await student()]
    const mine = (await enrol(a.token, small.id)).body.doc
    expect(mine.place).toBe(`place:courses:${small.id}:1`)
    await withdraw(a.token, mine.id)
    const theirs = (await enrol(b.token, small.id)).body.doc
    const full = await rejoin(a.token, mine.id)
    expect(full.status).toBe(409)
    expect(full.body.errors[0].message).toMatch(/full/)
    expect((await t.payload.findByID({ collection: 'enrollments', id: mine.id, overrideAccess: true })).status).toBe('withdrawn')
    await withdraw(b.token, theirs.id)
    const again = await rejoin(a.token, mine.id)
    expect(again.status).toBe(200)
    expect(again.body.doc.place).toBe(`place:courses:${small.id}:1`)

    // Approval again; a closed window refuses and changes nothing.
    const approval = await createCourse(t.payload, org, { enrollment: { mode: 'approval' } })
    const c = await student()
    const pending = (await enrol(c.token, approval.id)).body.doc
    await withdraw(c.token, pending.id)
    expect((await rejoin(c.token, pending.id)).body.doc.status).toBe('pending')
    await withdraw(c.token, pending.id)
    await t.payload.update({ collection: 'courses', id: approval.id, data: { enrollment: { mode: 'approval', closesAt: new Date(Date.now() - 60_000).toISOString() } } as never, overrideAccess: true })
    const closed = await rejoin(c.token, pending.id)
    expect(closed.status).toBe(400)
    expect(closed.body.errors[0].message).toMatch(/closed at/)
    expect((await t.payload.findByID({ collection: 'enrollments', id: pending.id, overrideAccess: true })).status).toBe('withdrawn')
  })

  it('keeps a staff decision: a rejected enrolment is neither left nor rejoined', async () => {
    const course = await createCourse(t.payload, org, { enrollment: { mode: 'approval' } })
    const s = await student()
    const id = (await enrol(s.token, course.id)).body.doc.id
    expect((await as(t.app, organizerToken).patch(`/api/enrollments/${id}`).send({ status: 'rejected' })).status).toBe(200)
    const leave = await as(t.app, s.token).post(`/api/enrollments/${id}/withdraw`).set('Accept-Language', 'en')
    expect(leave.status).toBe(409)
    expect(leave.body.errors[0].message).toMatch(/rejected/)
    const back = await as(t.app, s.token).post(`/api/enrollments/${id}/rejoin`).set('Accept-Language', 'en')
    expect(back.status).toBe(409)
    expect(back.body.errors[0].message).toBe('only a course you left can be rejoined (status: Rejected)')
    expect((await t.payload.findByID({ collection: 'enrollments', id, overrideAccess: true })).status).toBe('rejected')
  })

  it('counts every place held when one is given again: a capacity lowered since, or staff enrolling beyond it', async () => {
    const rejoin = (token: string, id: Id) => as(t.app, token).post(`/api/enrollments/${id}/rejoin`).set('Accept-Language', 'en')
    const held = async (course: Id) => (await t.payload.count({ collection: 'enrollments', where: { and: [{ key: { like: `%:courses:${course}` } }, { status: { in: ['active', 'pending', 'completed'] } }] }, overrideAccess: true })).totalDocs
    // Five places taken, the capacity then lowered to three: one leaving frees nothing to rejoin.
    const lowered = await createCourse(t.payload, org, { enrollment: { capacity: 5 } })
    const five = [] as Array<{ token: string; id: Id }>
    for (let i = 0; i < 5; i++) {
      const s = await student()
      five.push({ token: s.token, id: (await enrol(s.token, lowered.id)).body.doc.id })
    }
    await t.payload.update({ collection: 'courses', id: lowered.id, data: { enrollment: { capacity: 3 } } as never, overrideAccess: true })
    await as(t.app, five[0]!.token).post(`/api/enrollments/${five[0]!.id}/withdraw`)
    expect((await rejoin(five[0]!.token, five[0]!.id)).status).toBe(409)
    expect(await held(lowered.id)).toBe(4)
    // Three places, a fourth learner added by staff without one: the first to leave cannot come back.
    const staffed = await createCourse(t.payload, org, { enrollment: { capacity: 3 } })
    const three = [] as Array<{ token: string; id: Id }>
    for (let i = 0; i < 3; i++) {
      const s = await student()
      three.push({ token: s.token, id: (await enrol(s.token, staffed.id)).body.doc.id })
    }
    await as(t.app, three[0]!.token).post(`/api/enrollments/${three[0]!.id}/withdraw`)
    const extra = await student()
    expect((await as(t.app, organizerToken).post('/api/enrollments').send({ learner: extra.id, source: { relationTo: 'courses', value: staffed.id } })).status).toBe(201)
    expect((await rejoin(three[0]!.token, three[0]!.id)).status).toBe(409)
    expect(await held(staffed.id)).toBe(3)
  })

  it('gives the place it admits with only to the enrolment rejoining, not to other writes in the same request', async () => {
    const course = await createCourse(t.payload, org, { enrollment: { capacity: 2 } })
    const [s, other] = [await student(), await student()]
    const mine = (await enrol(s.token, course.id)).body.doc
    const theirs = (await enrol(other.token, course.id)).body.doc
    // A nested write to another enrolment (as a completion's hooks make) under the rejoin's context keeps its own place.
    const updated = await t.payload.update({ collection: 'enrollments', id: theirs.id, data: { progress: 10 } as never, overrideAccess: true, context: { [ADMITTED]: { id: mine.id, place: mine.place } } })
    expect(updated.place).toBe(theirs.place)
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
