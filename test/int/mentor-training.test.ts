/**
 * Mentor training through the REST API: the registry and its public search, a track finished into
 * a certification (and its credential), expiry and renewal on a moved clock, the dual-mentor
 * assignment rules (with 20 concurrent assignments for one last place), yearly evaluations, and
 * the expiry reminders' timing and once-only sending.
 */
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clock } from '../../src/clock'
import { scanExpiries } from '../../plugins/mentor-training'
import { certifyFinishedTracks } from '../../plugins/mentor-training/training/certify'
import { sanitizeOptions } from '../../plugins/mentor-training/types'
import { as, createCourse, createOrganization, createSignedInUser, createUser, type SignedInUser } from '../helpers/fixtures'
import { startSmtpServer, textOf } from '../helpers/smtp'
import { definitionErrors } from '../helpers/credentialSchemas'
import { revokedAsVerifier } from '../helpers/revocation'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
type Doc = Record<string, any>
type Person = SignedInUser
let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let university: Id
let enterprise: Id
let admin: Person
let organizer: Person
let seq = 0
const DAY = 86_400_000

const person = (roles: Parameters<typeof createUser>[1], org: Id, extra: Record<string, unknown> = {}): Promise<Person> => createSignedInUser(t, roles, org, extra)

beforeAll(async () => {
  smtp = await startSmtpServer()
  t = await startTestApp({ env: { SMTP_URL: smtp.url } })
  university = (await createOrganization(t.payload, 'university', '10101', '嵩山大学')).id
  enterprise = (await createOrganization(t.payload, 'enterprise', '91410100MA0000MT01', '嵩山机器人')).id
  admin = await person(['admin'], university)
  organizer = await person(['organizer'], university)
})
afterEach(() => clock.shift(0))
afterAll(async () => {
  await t?.stop()
  await smtp?.close()
})

async function mentor(tier = 'industry-mentor', extra: Record<string, unknown> = {}) {
  seq++
  const kind = tier.startsWith('industry') ? 'enterprise' : 'university'
  const who = await person(['mentor'], kind === 'enterprise' ? enterprise : university)
  const res = await as(t.app, organizer.token).post('/api/mentors').send({ user: who.id, name: `导师 ${seq}`, kind, tier, organization: kind === 'enterprise' ? enterprise : university, expertise: ['工业机器人', `领域${seq}`], maxStudents: 2, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { ...who, profile: res.body.doc as Doc }
}

async function track(tier = 'industry-mentor', extra: Record<string, unknown> = {}) {
  seq++
  const course = await createCourse(t.payload, university, { hours: 16 })
  const res = await as(t.app, organizer.token).post('/api/mentor-tracks').send({ title: `导师培训 ${seq}`, code: `MT-${seq}-${Date.now().toString(36)}`, tier, requiredCourses: [course.id], minHours: 16, offlineItems: [{ key: 'workshop', title: '企业导师工作坊', kind: 'workshop' }], organization: university, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { ...(res.body.doc as Doc), id: res.body.doc.id as Id, course: course.id as Id }
}

const enrol = (who: Person, trackId: Id) => as(t.app, who.token).post('/api/enrollments').send({ source: { relationTo: 'mentor-tracks', value: trackId } })
const complete = (learner: Id, course: Id) => t.payload.create({ collection: 'completions', data: { learner, source: { relationTo: 'courses', value: course }, score: 90, completedAt: clock.date().toISOString() } as never, overrideAccess: true })
const record = (mentorId: Id, trackId: Id, item = 'workshop') => as(t.app, organizer.token).post('/api/mentor-activities').send({ mentor: mentorId, track: trackId, item, happenedOn: clock.date().toISOString() })
const profile = async (id: Id) => (await t.payload.findByID({ collection: 'mentors' as never, id, overrideAccess: true, depth: 0 })) as Doc
const certifications = async (id: Id) => (await t.payload.find({ collection: 'mentor-certifications' as never, where: { mentor: { equals: id } }, sort: 'issuedAt', overrideAccess: true, depth: 0, pagination: false })).docs as Doc[]

/** A mentor certified through a track of their tier. */
async function certified(tier = 'industry-mentor', extra: Record<string, unknown> = {}) {
  const m = await mentor(tier, extra)
  const tr = await track(tier)
  expect((await enrol(m, tr.id)).status).toBe(201)
  await complete(m.id, tr.course)
  expect((await record(m.profile.id, tr.id)).status).toBe(201)
  expect((await profile(m.profile.id)).status).toBe('certified')
  return { ...m, track: tr }
}

describe('registry', () => {
  it('keeps the tier within the kind, one profile per account, and an applicant’s status its own', async () => {
    const who = await person(['mentor'], enterprise)
    const wrongTier = await as(t.app, organizer.token).post('/api/mentors').send({ user: who.id, name: '错层级', kind: 'enterprise', tier: 'doctoral-supervisor', organization: enterprise })
    expect(wrongTier.status).toBe(400)
    expect(JSON.stringify(wrongTier.body)).toMatch(/not a tier of enterprise mentors/)
    const self = await as(t.app, who.token).post('/api/mentors').send({ user: who.id, name: '自荐导师', kind: 'enterprise', tier: 'industry-lecturer', organization: enterprise, status: 'certified' })
    expect(self.status, JSON.stringify(self.body)).toBe(201)
    expect(self.body.doc.status).toBe('applicant')
    expect((await as(t.app, organizer.token).post('/api/mentors').send({ user: who.id, name: '重复', kind: 'enterprise', tier: 'industry-lecturer', organization: enterprise })).status).toBe(409)
    // Certified comes from training, not by hand.
    const byHand = await as(t.app, admin.token).patch(`/api/mentors/${self.body.doc.id}`).send({ status: 'certified' })
    expect(byHand.status).toBe(409)
  })

  it('finds certified mentors by expertise, tier and organisation, without login, and hides the rest', async () => {
    const found = await certified('industry-professor', { expertise: ['数字孪生', '柔性产线'] })
    const applicant = await mentor('industry-professor', { expertise: ['数字孪生'] })
    const search = (q: string) => as(t.app).get(`/api/mentors/registry?${q}`)
    const res = await search(`q=${encodeURIComponent('数字孪生')}&tier=industry-professor`)
    expect(res.status).toBe(200)
    const ids = res.body.docs.map((d: Doc) => d.id)
    expect(ids).toContain(found.profile.id)
    expect(ids).not.toContain(applicant.profile.id)
    const shown = res.body.docs.find((d: Doc) => d.id === found.profile.id)
    expect(shown.organization.name).toBe('嵩山机器人')
    expect(shown.places).toBe(2)
    expect(shown).not.toHaveProperty('user')
    expect(JSON.stringify(shown)).not.toContain(found.email)
    expect((await search(`organization=${university}&kind=enterprise`)).body.docs.map((d: Doc) => d.id)).not.toContain(found.profile.id)
    expect((await search('tier=chief')).status).toBe(400)
    expect((await search('limit=1000')).status).toBe(400)
  })
})

describe('training to certification', () => {
  it('certifies when the last requirement arrives, writes the completion, and signs a credential', async () => {
    const m = await mentor()
    const tr = await track()
    expect((await profile(m.profile.id)).status).toBe('applicant')
    expect((await enrol(m, tr.id)).status).toBe(201)
    expect((await profile(m.profile.id)).status).toBe('in-training')
    await complete(m.id, tr.course)
    expect(await certifications(m.profile.id)).toHaveLength(0)
    expect((await record(m.profile.id, tr.id, 'site-visit')).status).toBe(400)
    expect((await record(m.profile.id, tr.id)).status).toBe(201)
    expect((await record(m.profile.id, tr.id)).status).toBe(400)
    const [cert] = await certifications(m.profile.id)
    expect(cert.kind).toBe('initial')
    const months = (Date.parse(cert.validUntil) - Date.parse(cert.validFrom)) / DAY
    expect(months).toBeGreaterThan(36 * 30)
    expect(months).toBeLessThan(36 * 31 + 1)
    expect((await profile(m.profile.id)).status).toBe('certified')
    const completion = await t.payload.count({ collection: 'completions', where: { key: { equals: `${m.id}:mentor-tracks:${tr.id}` } }, overrideAccess: true })
    expect(completion.totalDocs).toBe(1)
    const enrolment = (await t.payload.find({ collection: 'enrollments', where: { key: { equals: `${m.id}:mentor-tracks:${tr.id}` } }, overrideAccess: true })).docs[0]
    expect(enrolment.status).toBe('completed')

    const res = await as(t.app, m.token).get(`/api/mentor-certifications/${cert.id}/credential`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/application\/vc\+jwt/)
    const jwks = (await as(t.app).get('/.well-known/jwks.json')).body
    const key = jwks.keys.find((k: Doc) => k.kid === decodeProtectedHeader(res.text).kid)
    const { payload } = await jwtVerify(res.text, await importJWK(key, 'EdDSA'))
    expect((payload.vc as Doc).credentialSubject.achievement.achievementType).toBe('Certification')
    expect((payload.vc as Doc).validUntil).toBe(cert.validUntil)
    // Its issuer and achievement resolve, for anyone, to what the credential says they are.
    const achievement = await as(t.app).get(new URL((payload.vc as Doc).credentialSubject.achievement.id).pathname)
    expect(achievement.status).toBe(200)
    expect(achievement.body).toMatchObject({ type: ['Achievement'], achievementType: 'Certification', name: (payload.vc as Doc).credentialSubject.achievement.name })
    expect(definitionErrors('Achievement', achievement.body)).toEqual([])
    expect((await as(t.app).get(new URL((payload.vc as Doc).issuer.id).pathname)).body.id).toBe((payload.vc as Doc).issuer.id)
    expect((await as(t.app).get('/api/mentor-tracks/999999/achievement')).status).toBe(404)
    const stranger = await person(['mentor'], enterprise)
    expect((await as(t.app, stranger.token).get(`/api/mentor-certifications/${cert.id}/credential`)).status).toBe(404)
  })

  it('lets any verifier see a revoked certification as revoked, through its credential’s status list', async () => {
    const jwks = (await as(t.app).get('/.well-known/jwks.json')).body
    const credentialOf = async (m: Person, certId: Id) => {
      const res = await as(t.app, m.token).get(`/api/mentor-certifications/${certId}/credential`)
      expect(res.status, res.text).toBe(200)
      return res.text
    }
    const withCertification = async () => {
      const m = await certified()
      return { m, cert: (await certifications(m.profile.id))[0]! }
    }
    const kept = await withCertification()
    const withdrawn = await withCertification()
    expect(Number(kept.cert.statusIndex)).not.toBe(Number(withdrawn.cert.statusIndex))
    const keptJwt = await credentialOf(kept.m, kept.cert.id)
    const withdrawnJwt = await credentialOf(withdrawn.m, withdrawn.cert.id)
    expect(await revokedAsVerifier(t.app, jwks, keptJwt)).toEqual({ revoked: false })
    expect(await revokedAsVerifier(t.app, jwks, withdrawnJwt)).toEqual({ revoked: false })
    expect((await as(t.app).get(`/api/mentor-certifications/${withdrawn.cert.id}/status`)).body).toEqual({ id: withdrawn.cert.id, status: 'valid', revoked: false })

    const revoked = await as(t.app, admin.token).patch(`/api/mentor-certifications/${withdrawn.cert.id}`).send({ status: 'revoked', revocationReason: '培训记录不实' })
    expect(revoked.status, revoked.text).toBe(200)
    expect(await revokedAsVerifier(t.app, jwks, withdrawnJwt)).toEqual({ revoked: true })
    expect(await revokedAsVerifier(t.app, jwks, keptJwt)).toEqual({ revoked: false })
    // Its status for the verify page, without the reason, which stays with the registry's staff.
    expect((await as(t.app).get(`/api/mentor-certifications/${withdrawn.cert.id}/status`)).body).toEqual({ id: withdrawn.cert.id, status: 'revoked', revoked: true })
    expect((await as(t.app, withdrawn.m.token).get(`/api/mentor-certifications/${withdrawn.cert.id}/credential`)).status).toBe(410)
    // Expired as soon as its period ends, before the daily scan marks it.
    clock.shift(Date.parse(kept.cert.validUntil) - Date.now() + DAY)
    expect((await as(t.app).get(`/api/mentor-certifications/${kept.cert.id}/status`)).body).toEqual({ id: kept.cert.id, status: 'expired', revoked: false })
    clock.shift(0)
    // Its place cannot be moved once issued.
    const moved = await as(t.app, admin.token).patch(`/api/mentor-certifications/${kept.cert.id}`).send({ statusIndex: 99_999 })
    expect(moved.status).toBe(409)
    expect((await as(t.app).get('/api/mentor-certifications/status-lists/x')).status).toBe(400)
    expect((await as(t.app).get('/api/mentor-certifications/999999/status')).status).toBe(404)
  })

  it('gives each of many certifications issued at once its own place in the status list', async () => {
    const mentors = await Promise.all([1, 2, 3, 4, 5, 6].map(() => certified()))
    // Back to the moment before certifying, for all six at once, each in a transaction of its own (PostgreSQL).
    const ids = mentors.map((m) => m.profile.id)
    await t.payload.db.deleteMany({ collection: 'mentor-certifications', where: { mentor: { in: ids } } } as never)
    await t.payload.db.updateMany({ collection: 'enrollments', where: { learner: { in: mentors.map((m) => m.id) } }, data: { status: 'active' } } as never)
    const issued = await Promise.all(
      mentors.map(async (m) => {
        const req = await createLocalReq({}, t.payload)
        const owned = await initTransaction(req)
        try {
          const certs = await certifyFinishedTracks(req, await profile(m.profile.id), sanitizeOptions())
          if (owned) await commitTransaction(req)
          return certs
        } catch (error) {
          if (owned) await killTransaction(req)
          throw error
        }
      }),
    )
    expect(issued.map((certs) => certs.length)).toEqual([1, 1, 1, 1, 1, 1])
    const places = (await Promise.all(ids.map(certifications))).map(([c]) => Number(c!.statusIndex))
    expect(new Set(places).size).toBe(6)
  })

  it('lets only a mentor of the track’s tier enrol', async () => {
    const tr = await track('industry-professor')
    const lecturer = await mentor('industry-lecturer')
    const res = await enrol(lecturer, tr.id)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/this track is for industry-professor/)
    const student = await person(['student'], university)
    expect((await enrol(student, tr.id)).status).toBe(403)
  })

  it('expires a certification on a moved clock, then renews it through the renewal track', async () => {
    const m = await certified()
    const [first] = await certifications(m.profile.id)
    clock.shift(Date.parse(first.validUntil) - Date.now() + DAY)
    const req = await (await import('payload')).createLocalReq({}, t.payload)
    expect((await scanExpiries(req)).expired).toBeGreaterThanOrEqual(1)
    expect((await profile(m.profile.id)).status).toBe('expired')
    expect((await certifications(m.profile.id))[0].status).toBe('expired')
    const student = await person(['student'], university)
    const refused = await as(t.app, organizer.token).post('/api/mentor-assignments').send({ student: student.id, mentor: m.profile.id })
    expect(refused.status).toBe(409)

    const renewal = await track('industry-mentor', { purpose: 'renewal', offlineItems: [] })
    expect((await enrol(m, renewal.id)).status).toBe(201)
    expect((await profile(m.profile.id)).status).toBe('in-training')
    await complete(m.id, renewal.course)
    const all = await certifications(m.profile.id)
    expect(all).toHaveLength(2)
    expect(all[1].kind).toBe('renewal')
    expect(Date.parse(all[1].validFrom)).toBeGreaterThanOrEqual(clock.now() - 60_000)
    const after = await profile(m.profile.id)
    expect(after.status).toBe('certified')
    expect(after.certifiedUntil).toBe(all[1].validUntil)
  })

  it('keeps a suspended mentor suspended when they finish a track, and skips reminding one who has renewed', async () => {
    const m = await certified()
    const renewal = await track('industry-mentor', { purpose: 'renewal', offlineItems: [] })
    expect((await enrol(m, renewal.id)).status).toBe(201)
    expect((await as(t.app, admin.token).patch(`/api/mentors/${m.profile.id}`).send({ status: 'suspended', statusReason: '核查中' })).status).toBe(200)
    await complete(m.id, renewal.course)
    const after = await profile(m.profile.id)
    expect(after.status).toBe('suspended')
    const [first, second] = await certifications(m.profile.id)
    expect(after.certifiedUntil).toBe(second.validUntil)
    clock.shift(Date.parse(first.validUntil) - 10 * DAY - Date.now())
    await scanExpiries(await (await import('payload')).createLocalReq({}, t.payload))
    expect((await t.payload.count({ collection: 'mentor-reminders' as never, where: { certification: { equals: first.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('starts a renewal finished before expiry where the current certification ends', async () => {
    const m = await certified()
    const [first] = await certifications(m.profile.id)
    const renewal = await track('industry-mentor', { purpose: 'renewal', offlineItems: [] })
    await enrol(m, renewal.id)
    await complete(m.id, renewal.course)
    const [, second] = await certifications(m.profile.id)
    expect(second.validFrom).toBe(first.validUntil)
  })
})

describe('dual-mentor assignments', () => {
  it('gives a student one university and one enterprise mentor, never two of a kind, never an uncertified or full one', async () => {
    const e1 = await certified('industry-mentor')
    const e2 = await certified('industry-lecturer')
    const u1 = await certified('masters-supervisor')
    const student = await person(['student'], university, { homeUniversity: university })
    const assign = (mentorId: Id, who = student.id, token = organizer.token) => as(t.app, token).post('/api/mentor-assignments').send({ student: who, mentor: mentorId, reason: '研究方向一致' })
    const first = await assign(e1.profile.id)
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.doc.kind).toBe('enterprise')
    expect((await assign(u1.profile.id)).status).toBe(201)
    const second = await assign(e2.profile.id)
    expect(second.status).toBe(409)
    expect(second.body.errors[0].message).toMatch(/already has an enterprise mentor/)
    const applicant = await mentor('industry-mentor')
    const uncertified = await assign(applicant.profile.id, (await person(['student'], university)).id)
    expect(uncertified.status).toBe(409)
    expect(uncertified.body.errors[0].message).toMatch(/only certified mentors/)
    expect((await assign(e2.profile.id, e2.id)).status).toBe(400)
    expect((await assign(e1.profile.id, student.id, student.token)).status).toBe(403)
    // Capacity 2: one more fits, the next does not.
    expect((await assign(e1.profile.id, (await person(['student'], university)).id)).status).toBe(201)
    const full = await assign(e1.profile.id, (await person(['student'], university)).id)
    expect(full.status).toBe(409)
    expect(full.body.errors[0].message).toMatch(/is full \(2 students\)/)

    // A change: end with a reason, then assign anew; the ended row stays as history.
    const noReason = await as(t.app, organizer.token).patch(`/api/mentor-assignments/${first.body.doc.id}`).send({ status: 'ended' })
    expect(noReason.status).toBe(400)
    expect((await as(t.app, organizer.token).patch(`/api/mentor-assignments/${first.body.doc.id}`).send({ status: 'ended', endReason: '研究方向调整' })).status).toBe(200)
    expect((await assign(e2.profile.id)).status).toBe(201)
    const history = (await as(t.app, student.token).get(`/api/mentor-assignments?where[student][equals]=${student.id}&sort=createdAt`)).body.docs.map((a: Doc) => a.status)
    expect(history).toEqual(['ended', 'active', 'active'])
    expect((await as(t.app, organizer.token).patch(`/api/mentor-assignments/${first.body.doc.id}`).send({ status: 'active' })).status).toBe(409)
    // The places are the plugin's: a PATCH cannot move them, and places in use cannot be taken away.
    const active = (await as(t.app, organizer.token).get(`/api/mentor-assignments?where[mentor][equals]=${e1.profile.id}&where[status][equals]=active`)).body.docs[0]
    await as(t.app, organizer.token).patch(`/api/mentor-assignments/${active.id}`).send({ slotKey: 'forged', studentKey: 'forged', reason: '备注' })
    const stored = (await t.payload.findByID({ collection: 'mentor-assignments' as never, id: active.id, overrideAccess: true })) as Doc
    expect(stored.slotKey).not.toBe('forged')
    const lower = await as(t.app, organizer.token).patch(`/api/mentors/${e1.profile.id}`).send({ maxStudents: 1 })
    expect(lower.status).toBe(400)
    expect(JSON.stringify(lower.body)).toMatch(/holds place 2/)
  })

  it('gives the last place to exactly one of 20 concurrent assignments', async () => {
    const m = await certified('industry-mentor', { maxStudents: 3 })
    for (let i = 0; i < 2; i++) expect((await as(t.app, organizer.token).post('/api/mentor-assignments').send({ student: (await person(['student'], university)).id, mentor: m.profile.id })).status).toBe(201)
    const students = await Promise.all(Array.from({ length: 20 }, () => createUser(t.payload, ['student'], university)))
    const results = await Promise.all(students.map((s) => as(t.app, organizer.token).post('/api/mentor-assignments').send({ student: s.id, mentor: m.profile.id })))
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)])
    const active = await t.payload.count({ collection: 'mentor-assignments' as never, where: { and: [{ mentor: { equals: m.profile.id } }, { status: { equals: 'active' } }] }, overrideAccess: true })
    expect(active.totalDocs).toBe(3)
  })
})

describe('evaluations', () => {
  it('takes one evaluation a year from each of the mentor’s students and organisations, and keeps the average on the profile', async () => {
    const m = await certified()
    const student = await person(['student'], university, { homeUniversity: university })
    await as(t.app, organizer.token).post('/api/mentor-assignments').send({ student: student.id, mentor: m.profile.id })
    const evaluate = (token: string, scores: Record<string, unknown>) => as(t.app, token).post('/api/mentor-evaluations').send({ mentor: m.profile.id, ...scores })
    expect((await evaluate(student.token, { guidance: 6, expertise: 4, availability: 4 })).status).toBe(400)
    expect((await evaluate(student.token, { guidance: 5, expertise: 4, availability: 3 })).status).toBe(201)
    expect((await evaluate(student.token, { guidance: 1, expertise: 1, availability: 1 })).status).toBe(409)
    expect((await evaluate(organizer.token, { guidance: 3, expertise: 3, availability: 3 })).status).toBe(201)
    const stranger = await person(['student'], university)
    expect((await evaluate(stranger.token, { guidance: 1, expertise: 1, availability: 1 })).status).toBe(403)
    const shown = await profile(m.profile.id)
    expect(shown.evaluation).toMatchObject({ average: 3.5, count: 2 })
    expect(await t.payload.count({ collection: 'mentor-evaluations' as never, where: { mentor: { equals: m.profile.id } }, overrideAccess: true }).then((r) => r.totalDocs)).toBe(2)
    // Low ratings can lead an administrator to suspend, with a reason.
    expect((await as(t.app, organizer.token).patch(`/api/mentors/${m.profile.id}`).send({ status: 'suspended', statusReason: '评价偏低' })).status).toBe(403)
    expect((await as(t.app, admin.token).patch(`/api/mentors/${m.profile.id}`).send({ status: 'suspended' })).status).toBe(400)
    expect((await as(t.app, admin.token).patch(`/api/mentors/${m.profile.id}`).send({ status: 'suspended', statusReason: '评价偏低，暂停指导' })).status).toBe(200)
  })
})

describe('expiry reminders', () => {
  it('reminds 60, 30 and 7 days before expiry, once each, and only the nearest when several are due', async () => {
    const m = await certified()
    const [cert] = await certifications(m.profile.id)
    const ends = Date.parse(cert.validUntil)
    const req = async () => (await import('payload')).createLocalReq({}, t.payload)
    // Reminders only: the mentor's course completions bring credit emails too.
    const remindersTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email)).map((mail) => textOf(mail.raw)).filter((text) => text.includes('导师认证'))
    const sentTo = () => remindersTo(m.email)
    const at = async (daysBefore: number) => {
      clock.shift(ends - daysBefore * DAY - Date.now())
      const result = await scanExpiries(await req())
      await t.payload.jobs.run({ limit: 100 })
      return result
    }
    await t.payload.jobs.run({ limit: 1000 })
    await at(61)
    expect(sentTo(), sentTo().join('\n---\n')).toHaveLength(0)
    await at(59)
    expect(sentTo()).toHaveLength(1)
    expect(sentTo()[0]).toMatch(/还有 60 天|60 天/)
    await at(58)
    expect(sentTo()).toHaveLength(1)
    await at(29)
    await at(6)
    await at(6)
    expect(sentTo()).toHaveLength(3)
    const rows = (await t.payload.find({ collection: 'mentor-reminders' as never, where: { certification: { equals: cert.id } }, overrideAccess: true })).docs as Doc[]
    expect(rows.map((r) => r.days).sort((a, b) => a - b)).toEqual([7, 30, 60])

    const late = await certified()
    const [lateCert] = await certifications(late.profile.id)
    clock.shift(Date.parse(lateCert.validUntil) - 5 * DAY - Date.now())
    await scanExpiries(await req())
    await t.payload.jobs.run({ limit: 100 })
    const lateRows = (await t.payload.find({ collection: 'mentor-reminders' as never, where: { certification: { equals: lateCert.id } }, overrideAccess: true })).docs as Doc[]
    expect(lateRows.filter((r) => r.sent).map((r) => r.days)).toEqual([7])
    expect(remindersTo(late.email)).toHaveLength(1)
  })
})
