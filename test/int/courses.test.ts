import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, courseData, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let university: { id: number | string }
let enterprise: { id: number | string }
let authorToken: string
let otherAuthorToken: string

beforeAll(async () => {
  t = await startTestApp()
  university = await createOrganization(t.payload, 'university', '10561')
  enterprise = await createOrganization(t.payload, 'enterprise', '91441900MA51LP0011')
  const author = await createUser(t.payload, ['author'], university.id)
  const otherAuthor = await createUser(t.payload, ['author'], enterprise.id)
  authorToken = await login(t.app, author.email)
  otherAuthorToken = await login(t.app, otherAuthor.email)
})
afterAll(async () => t?.stop())

const countCourses = async () => (await t.payload.count({ collection: 'courses', overrideAccess: true })).totalDocs

describe('courses', () => {
  it('lets an author create a draft for their own organisation, with them as author', async () => {
    const res = await as(t.app, authorToken).post('/api/courses?draft=true').send({ ...courseData(university.id), _status: 'draft' })
    expect(res.status).toBe(201)
    expect(res.body.doc._status).toBe('draft')
    expect(res.body.doc.organization.id ?? res.body.doc.organization).toBe(university.id)
    expect(res.body.doc.authors.map((a: { id: unknown }) => a.id ?? a)).toHaveLength(1)
  })

  it('fills in the author’s organisation when none is given', async () => {
    const { organization: _ignored, ...data } = courseData(university.id)
    const res = await as(t.app, authorToken).post('/api/courses').send(data)
    expect(res.status).toBe(201)
    expect(res.body.doc.organization.id ?? res.body.doc.organization).toBe(university.id)
  })

  it('forbids an author to create a course for another organisation', async () => {
    const before = await countCourses()
    const res = await as(t.app, authorToken).post('/api/courses').send(courseData(enterprise.id))
    expect(res.status).toBe(403)
    expect(await countCourses()).toBe(before)
  })

  it.each([
    [-1, /negative/],
    [1.25, /multiple of 0.5/],
    ['two', /credits/i],
  ])('refuses credits %s with 400 and writes nothing', async (credits, message) => {
    const before = await countCourses()
    const res = await as(t.app, authorToken).post('/api/courses').send(courseData(university.id, { credits }))
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toMatch(message)
    expect(await countCourses()).toBe(before)
  })

  it('says what is wrong in Chinese unless English is asked for', async () => {
    const res = await request(t.app).post('/api/courses').set('Authorization', `JWT ${authorToken}`).send(courseData(university.id, { credits: 0.3 }))
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('学分应为 0.5 的整数倍')
  })

  it('refuses negative credits in a draft too', async () => {
    const res = await as(t.app, authorToken).post('/api/courses?draft=true').send({ ...courseData(university.id, { credits: -2 }), _status: 'draft' })
    expect(res.status).toBe(400)
  })

  it('accepts half credits', async () => {
    const res = await as(t.app, authorToken).post('/api/courses').send(courseData(university.id, { credits: 1.5 }))
    expect(res.status).toBe(201)
    expect(res.body.doc.credits).toBe(1.5)
  })

  it('refuses a duplicate course code with 400 naming the code', async () => {
    const first = await as(t.app, authorToken).post('/api/courses').send(courseData(university.id, { code: 'DUP-001' }))
    expect(first.status).toBe(201)
    const before = await countCourses()
    const second = await as(t.app, authorToken).post('/api/courses').send(courseData(university.id, { code: 'DUP-001' }))
    expect(second.status).toBe(400)
    expect(JSON.stringify(second.body.errors)).toMatch(/code/)
    expect(await countCourses()).toBe(before)
  })

  it('refuses a malformed course code', async () => {
    const res = await as(t.app, authorToken).post('/api/courses').send(courseData(university.id, { code: 'has spaces' }))
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('capitals')
  })

  it('refuses an unknown grading scheme and a pass mark over 100', async () => {
    const scheme = await as(t.app, authorToken).post('/api/courses').send(courseData(university.id, { grading: { scheme: 'letters' } }))
    expect(scheme.status).toBe(400)
    const mark = await as(t.app, authorToken).post('/api/courses').send(courseData(university.id, { grading: { scheme: 'percentage', passMark: 120 } }))
    expect(mark.status).toBe(400)
  })

  it('keeps drafts away from the public and other organisations, shows published courses to all', async () => {
    const draft = await as(t.app, authorToken).post('/api/courses?draft=true').send({ ...courseData(university.id), _status: 'draft' })
    const published = await createCourse(t.payload, university.id)
    const anonymous = await as(t.app).get('/api/courses?limit=100')
    const ids = anonymous.body.docs.map((d: { id: unknown }) => d.id)
    expect(ids).toContain(published.id)
    expect(ids).not.toContain(draft.body.doc.id)
    const other = await as(t.app, otherAuthorToken).get(`/api/courses/${draft.body.doc.id}`)
    expect(other.status).toBe(404)
  })

  it('keeps a course’s drafts in its history (versions) to its own organisation’s authors', async () => {
    const draft = await as(t.app, authorToken).post('/api/courses?draft=true').send({ ...courseData(university.id), title: '未发布的草稿课程', _status: 'draft' })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const student = await login(t.app, (await createUser(t.payload, ['student'], university.id)).email)
    const titles = (res: { body: { docs?: Array<{ version: { title: string } }> } }) => (res.body.docs ?? []).map((d) => d.version.title)
    const own = await as(t.app, authorToken).get('/api/courses/versions?limit=100')
    expect(own.status).toBe(200)
    expect(titles(own)).toContain('未发布的草稿课程')
    const version = own.body.docs.find((d: { version: { title: string } }) => d.version.title === '未发布的草稿课程')
    for (const token of [student, otherAuthorToken, undefined]) {
      const res = await as(t.app, token).get('/api/courses/versions?limit=100')
      expect([200, 403]).toContain(res.status)
      expect(titles(res)).not.toContain('未发布的草稿课程')
      expect((await as(t.app, token).get(`/api/courses/versions/${version.id}`)).status).not.toBe(200)
    }
  })

  it('forbids another organisation’s author to edit a course, and an author to move one', async () => {
    const course = await createCourse(t.payload, university.id)
    const foreign = await as(t.app, otherAuthorToken).patch(`/api/courses/${course.id}`).send({ title: '改名' })
    expect(foreign.status).toBe(403)
    const move = await as(t.app, authorToken).patch(`/api/courses/${course.id}`).send({ organization: enterprise.id })
    const after = await t.payload.findByID({ collection: 'courses', id: course.id, depth: 0 })
    expect(move.status).toBeLessThan(500)
    expect(after.organization).toBe(university.id)
    expect(after.title).toBe(course.title)
  })
})

describe('modules', () => {
  it('lets an author add modules to their own course only', async () => {
    const own = await createCourse(t.payload, university.id)
    const foreign = await createCourse(t.payload, enterprise.id)
    const ok = await as(t.app, authorToken).post('/api/modules').send({ course: own.id, title: '第一讲', order: 1, kind: 'lesson' })
    expect(ok.status).toBe(201)
    const before = (await t.payload.count({ collection: 'modules' })).totalDocs
    const denied = await as(t.app, authorToken).post('/api/modules').send({ course: foreign.id, title: '越权', order: 1, kind: 'lesson' })
    expect(denied.status).toBe(403)
    expect((await t.payload.count({ collection: 'modules' })).totalDocs).toBe(before)
  })

  it('refuses an unknown module kind', async () => {
    const own = await createCourse(t.payload, university.id)
    const res = await as(t.app, authorToken).post('/api/modules').send({ course: own.id, title: 'X', order: 1, kind: 'hologram' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('kind')
  })
})
