/**
 * Programmes and camps through the REST API: checking in with the rotating code (its window, its
 * misuse, once per learner, late), organisers' marks and the attendance rate, timed contests whose
 * answers never reach a learner before submission, the leaderboard, completion into credits, and
 * session reminders sent once. The clock is moved, not waited for.
 */
import { createLocalReq } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { scanSessionReminders } from '../../plugins/camps'
import { sanitizeOptions } from '../../plugins/camps/types'
import { clock } from '../../src/clock'
import { as, createOrganization, createSignedInUser, createUser, type SignedInUser } from '../helpers/fixtures'
import { startSmtpServer, textOf } from '../helpers/smtp'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
type Doc = Record<string, any>
let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let university: Id
let organizer: SignedInUser
let seq = 0
const MINUTE = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

beforeAll(async () => {
  smtp = await startSmtpServer()
  t = await startTestApp({ env: { SMTP_URL: smtp.url } })
  university = (await createOrganization(t.payload, 'university', '10201', '嵩山大学')).id
  organizer = await createSignedInUser(t, ['organizer'], university)
})
afterEach(() => clock.shift(0))
afterAll(async () => {
  await t?.stop()
  await smtp?.close()
})

const learner = async () => {
  const s = await createSignedInUser(t, ['student'], university, { homeUniversity: university, studentNumber: `S-CAMP-${++seq}` })
  return s
}
const staff = (path: string) => as(t.app, organizer.token).get(path)

async function camp(extra: Record<string, unknown> = {}) {
  seq++
  const now = Date.now()
  const res = await as(t.app, organizer.token).post('/api/camps').send({ title: `思政训练营 ${seq}`, code: `CAMP-${seq}-${now.toString(36)}`, kind: 'political-education', organization: university, startsOn: iso(now - 86_400_000), endsOn: iso(now + 7 * 86_400_000), credits: 1, hours: 16, completionRule: { minAttendanceRate: 50 }, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as Doc
}
async function session(campId: Id, startsInMinutes = 0, lengthMinutes = 90) {
  const start = Date.now() + startsInMinutes * MINUTE
  const res = await as(t.app, organizer.token).post('/api/camp-sessions').send({ camp: campId, title: `专题讲座 ${++seq}`, kind: 'lecture', startsAt: iso(start), endsAt: iso(start + lengthMinutes * MINUTE), place: '学术报告厅' })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as Doc
}
const enrol = async (who: SignedInUser, campId: Id) => expect((await as(t.app, who.token).post('/api/enrollments').send({ source: { relationTo: 'camps', value: campId } })).status).toBe(201)
const codeOf = async (sessionId: Id) => (await staff(`/api/camp-sessions/${sessionId}/check-in-code`)).body.code as string
const checkIn = (who: SignedInUser, sessionId: Id, code: string) => as(t.app, who.token).post(`/api/camp-sessions/${sessionId}/check-in`).send({ code })
const attendanceOf = async (sessionId: Id) => (await t.payload.find({ collection: 'attendance' as never, where: { session: { equals: sessionId } }, depth: 0, pagination: false, overrideAccess: true })).docs as Doc[]

describe('check-in', () => {
  it('records a check-in with the code shown now, once, for enrolled learners only', async () => {
    const c = await camp()
    const s = await session(c.id)
    const other = await session(c.id, 0)
    const a = await learner()
    const stranger = await learner()
    await enrol(a, c.id)
    const code = await codeOf(s.id)
    expect(code).toMatch(/^\d{6}$/)
    expect((await as(t.app, a.token).get(`/api/camp-sessions/${s.id}/check-in-code`)).status).toBe(403)
    expect((await as(t.app, a.token).get(`/api/camp-sessions/${s.id}`)).body.checkInSecret).toBeUndefined()

    const foreign = await checkIn(a, s.id, await codeOf(other.id) === code ? '000000' : await codeOf(other.id))
    expect(foreign.status).toBe(400)
    expect(foreign.body.errors[0].message).toMatch(/wrong or has expired/)
    expect((await checkIn(a, s.id, 'abc')).status).toBe(400)
    expect((await checkIn(stranger, s.id, code)).status).toBe(403)
    const ok = await checkIn(a, s.id, code)
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body.doc.status).toBe('present')
    const again = await checkIn(a, s.id, code)
    expect(again.status).toBe(409)
    expect(await attendanceOf(s.id)).toHaveLength(1)
    expect((await staff(`/api/camp-sessions/${s.id}/arrivals`)).body).toEqual({ arrived: 1, enrolled: 1 })
  })

  it('refuses a code two periods old, and checking in outside the window; counts late after ten minutes', async () => {
    const c = await camp()
    const s = await session(c.id)
    const a = await learner()
    const b = await learner()
    await enrol(a, c.id)
    await enrol(b, c.id)
    const old = await codeOf(s.id)
    clock.shift(61_000)
    const stale = await checkIn(a, s.id, old)
    expect(stale.status).toBe(400)
    clock.shift(15 * MINUTE)
    const late = await checkIn(a, s.id, await codeOf(s.id))
    expect(late.status).toBe(201)
    expect(late.body.doc.status).toBe('late')
    clock.shift(3 * 60 * MINUTE)
    expect((await staff(`/api/camp-sessions/${s.id}/check-in-code`)).status).toBe(409)
    clock.shift(0)
    const code = await codeOf(s.id)
    clock.shift(3 * 60 * MINUTE)
    const closed = await checkIn(b, s.id, code)
    expect(closed.status).toBe(400)
    expect(closed.body.errors[0].message).toMatch(/closed at/)
    const future = await session(c.id, 120)
    clock.shift(0)
    expect((await checkIn(b, future.id, '123456')).body.errors[0].message).toMatch(/opens at/)
    expect(await attendanceOf(s.id)).toHaveLength(1)
  })

  it('sees a session moved or a session added at once, though check-ins cache what they read of both', async () => {
    const c = await camp({ completionRule: { minAttendanceRate: 100 } })
    const now = await session(c.id)
    const later = await session(c.id, 120)
    const [a, b] = [await learner(), await learner()]
    await enrol(a, c.id)
    await enrol(b, c.id)
    const completed = async (who: SignedInUser) => (await t.payload.count({ collection: 'completions', where: { key: { equals: `${who.id}:camps:${c.id}` } }, overrideAccess: true })).totalDocs

    const early = await checkIn(a, later.id, '000000')
    expect(early.status).toBe(400)
    expect(early.body.errors[0].message).toMatch(/checking in opens at/)
    const moved = await as(t.app, organizer.token).patch(`/api/camp-sessions/${later.id}`).send({ startsAt: iso(Date.now()), endsAt: iso(Date.now() + 90 * MINUTE) })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect((await checkIn(a, later.id, await codeOf(later.id))).status).toBe(201)

    // Two sessions of two attended completes; a third session, added after that was read, makes it two of three.
    expect((await checkIn(a, now.id, await codeOf(now.id))).status).toBe(201)
    expect(await completed(a)).toBe(1)
    expect((await checkIn(b, later.id, await codeOf(later.id))).status).toBe(201)
    await session(c.id, 24 * 60)
    expect((await checkIn(b, now.id, await codeOf(now.id))).status).toBe(201)
    expect(await completed(b)).toBe(0)
  })

  it('writes on a repeated check-in the completion that the first one did not get to write', async () => {
    const c = await camp({ completionRule: { minAttendanceRate: 100 } })
    const s = await session(c.id)
    const a = await learner()
    await enrol(a, c.id)
    // As a check-in whose completion failed after its record was stored leaves it.
    await t.payload.db.create({ collection: 'attendance', data: { key: `${s.id}:${a.id}`, session: s.id, camp: c.id, learner: a.id, status: 'present', method: 'code', checkedInAt: iso(Date.now()) } })
    const completions = async () => (await t.payload.count({ collection: 'completions', where: { key: { equals: `${a.id}:camps:${c.id}` } }, overrideAccess: true })).totalDocs
    expect(await completions()).toBe(0)
    const again = await checkIn(a, s.id, await codeOf(s.id))
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toMatch(/already checked in/)
    expect(await completions()).toBe(1)
    expect((await attendanceOf(s.id)).length).toBe(1)
  })

  it('lets organisers mark attendance, once per learner and session, and computes the rate into completion and credits', async () => {
    const c = await camp({ completionRule: { minAttendanceRate: 60 } })
    const sessions = [await session(c.id), await session(c.id, 60 * 24), await session(c.id, 60 * 48)]
    const a = await learner()
    await enrol(a, c.id)
    const mark = (sessionId: Id, status: string) => as(t.app, organizer.token).post('/api/attendance').send({ session: sessionId, learner: a.id, status })
    expect((await mark(sessions[0].id, 'present')).status).toBe(201)
    expect((await mark(sessions[0].id, 'absent')).status).toBe(409)
    expect((await as(t.app, a.token).post('/api/attendance').send({ session: sessions[1].id, learner: a.id, status: 'present' })).status).toBe(403)
    expect((await mark(sessions[1].id, 'absent')).status).toBe(201)
    const completions = async () => (await t.payload.count({ collection: 'completions', where: { key: { equals: `${a.id}:camps:${c.id}` } }, overrideAccess: true })).totalDocs
    expect(await completions()).toBe(0)
    expect((await mark(sessions[2].id, 'excused')).status).toBe(201)
    expect(await completions()).toBe(1)
    await t.payload.jobs.run({ limit: 100 })
    const records = (await as(t.app, a.token).get('/api/credit-records')).body.docs as Doc[]
    expect(records.some((r) => r.sourceType === 'camps' && r.credits === 1)).toBe(true)
  })
})

describe('knowledge contests', () => {
  async function contest(campId: Id, extra: Record<string, unknown> = {}) {
    const now = Date.now()
    const res = await as(t.app, organizer.token).post('/api/contests').send({
      title: `二十大精神知识竞赛 ${++seq}`,
      camp: campId,
      opensAt: iso(now - MINUTE),
      closesAt: iso(now + 60 * MINUTE),
      timeLimitSeconds: 300,
      questions: [
        { text: '中国共产党第二十次全国代表大会于哪一年召开？', kind: 'single', points: 1, choices: [{ text: '2021', correct: false }, { text: '2022', correct: true }, { text: '2023', correct: false }] },
        { text: '以下哪些属于新发展理念？', kind: 'multiple', points: 2, choices: [{ text: '创新', correct: true }, { text: '协调', correct: true }, { text: '封闭', correct: false }] },
        { text: '产教融合是职业教育的基本办学模式。', kind: 'true-false', points: 1, choices: [{ text: '对', correct: true }, { text: '错', correct: false }] },
      ],
      ...extra,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.doc as Doc
  }
  const right = (c: Doc) => (c.questions as Doc[]).map((q) => ({ question: q.id, choices: (q.choices as Doc[]).filter((ch) => ch.correct).map((ch) => ch.id) }))

  it('never sends the answers before submission, scores on the server, and takes one attempt', async () => {
    const c = await camp()
    const k = await contest(c.id)
    const a = await learner()
    await enrol(a, c.id)
    const seen = await as(t.app, a.token).get(`/api/contests/${k.id}`)
    expect(seen.status).toBe(200)
    expect(seen.body.title).toBe(k.title)
    expect(seen.body.questions ?? []).toEqual([])
    expect(seen.text).not.toContain(k.questions[0].text)
    const gql = await as(t.app, a.token).post('/api/graphql').send({ query: `{ Contests { docs { questions { choices { correct } } } } }` })
    expect(JSON.stringify(gql.body)).not.toMatch(/"correct":true/)
    const start = await as(t.app, a.token).post(`/api/contests/${k.id}/start`)
    expect(start.status).toBe(201)
    expect(start.text).not.toMatch(/correct/)
    expect(start.body.questions).toHaveLength(3)
    const attempt = start.body.attempt.id
    const submit = (answers: unknown) => as(t.app, a.token).post(`/api/contests/${k.id}/submit`).send({ attempt, answers })
    expect((await submit([{ question: 'nope', choices: [] }])).status).toBe(400)
    const q0 = k.questions[0]
    expect((await submit([{ question: q0.id, choices: [q0.choices[0].id, q0.choices[1].id] }])).status).toBe(400)
    const answers = right(k)
    answers[1].choices = answers[1].choices.slice(0, 1)
    const scored = await submit(answers)
    expect(scored.status).toBe(200)
    expect(scored.body.score).toBe(50)
    expect((await submit(right(k))).status).toBe(409)
    expect((await as(t.app, a.token).post(`/api/contests/${k.id}/start`)).status).toBe(409)
  })

  it('refuses a submission after the time limit with nothing written, and ranks ties by time taken', async () => {
    const c = await camp()
    const k = await contest(c.id)
    const [a, b, late] = [await learner(), await learner(), await learner()]
    for (const who of [a, b, late]) await enrol(who, c.id)
    const attemptOf = async (who: SignedInUser) => (await as(t.app, who.token).post(`/api/contests/${k.id}/start`)).body.attempt.id
    const [ta, tb, tl] = [await attemptOf(a), await attemptOf(b), await attemptOf(late)]
    clock.shift(20_000)
    expect((await as(t.app, a.token).post(`/api/contests/${k.id}/submit`).send({ attempt: ta, answers: right(k) })).status).toBe(200)
    clock.shift(40_000)
    expect((await as(t.app, b.token).post(`/api/contests/${k.id}/submit`).send({ attempt: tb, answers: right(k) })).status).toBe(200)
    clock.shift(306_000)
    const tooLate = await as(t.app, late.token).post(`/api/contests/${k.id}/submit`).send({ attempt: tl, answers: right(k) })
    expect(tooLate.status).toBe(400)
    expect(tooLate.body.errors[0].message).toMatch(/time limit passed/)
    const lateAttempt = (await t.payload.findByID({ collection: 'contest-attempts' as never, id: tl, overrideAccess: true })) as Doc
    expect(lateAttempt.submittedAt ?? null).toBeNull()
    const board = (await as(t.app, a.token).get(`/api/contests/${k.id}/leaderboard`)).body.entries as Doc[]
    expect(board.map((e) => [e.rank, e.score])).toEqual([[1, 100], [2, 100]])
    expect(board[0].timeTakenSeconds).toBeLessThan(board[1].timeTakenSeconds)
  })
})

describe('session reminders', () => {
  it('emails the enrolled learners of a session starting within a day, once', async () => {
    const c = await camp()
    const s = await session(c.id, 120)
    const [a, b] = [await learner(), await learner()]
    await enrol(a, c.id)
    await enrol(b, c.id)
    const options = sanitizeOptions()
    const req = await createLocalReq({}, t.payload)
    await t.payload.jobs.run({ limit: 1000 })
    smtp.received.length = 0
    await scanSessionReminders(req, options)
    await scanSessionReminders(req, options)
    await t.payload.jobs.run({ limit: 100 })
    const mine = smtp.received.filter((m) => m.to.includes(a.email) || m.to.includes(b.email)).map((m) => textOf(m.raw))
    expect(mine).toHaveLength(2)
    expect(mine[0]).toContain(s.title)
  })
})
