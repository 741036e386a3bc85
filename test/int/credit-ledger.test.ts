/**
 * Credit trust: credentials that follow 1EdTech's schemas and whose ids resolve, revocation any
 * verifier can check (W3C Bitstring Status List), and the tamper-evident ledger (hash chains per
 * university, appended events, signed checkpoints, `npm run ledger:verify`). Runs on SQLite and,
 * under `npm test`, on PostgreSQL, where the concurrent cases matter most.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createLocalJWKSet, generateKeyPair, exportJWK, type JSONWebKeySet, jwtVerify, SignJWT } from 'jose'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signCredential } from '../../src/credentials/signCredential'
import { credentialKeys } from '../../src/credentials/keys'
import { checkpointClaims } from '../../plugins/credits/ledger/checkpoint'
import { GENESIS } from '../../plugins/credits/ledger/hashes'
import { verifyChain } from '../../plugins/credits/ledger/verifyLedger'
import { issueCreditRecord } from '../../plugins/credits/issuing/issueCreditRecord'
import { definitionErrors } from '../helpers/credentialSchemas'
import { revokedAsVerifier } from '../helpers/revocation'
import { runJobs } from '../helpers/credits'
import { as, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
type Doc = Record<string, any>
let t: TestApp
let enterprise: Id
let organizerToken: string
let adminToken: string
let jwks: JSONWebKeySet

beforeAll(async () => {
  t = await startTestApp()
  enterprise = (await createOrganization(t.payload, 'enterprise', '91441900MA51LP0022', '乙企业')).id
  const agency = (await createOrganization(t.payload, 'agency', '12441900MB2C000029')).id
  organizerToken = await login(t.app, (await createUser(t.payload, ['organizer'], agency)).email)
  adminToken = await login(t.app, (await createUser(t.payload, ['admin'], agency)).email)
  jwks = (await request(t.app).get('/.well-known/jwks.json')).body
})
afterAll(async () => t?.stop())

let universities = 0
/** A university of its own for each test, so that one test's tampering breaks no other's chain. */
async function university() {
  universities++
  const code = `8${String(universities).padStart(4, '0')}`
  const uni = await createOrganization(t.payload, 'university', code, `链大学 ${universities}`)
  const registrar = await createUser(t.payload, ['registrar'], uni.id)
  return { id: uni.id as Id, code, chain: String(uni.id), registrarToken: await login(t.app, registrar.email) }
}

let students = 0
async function issue(home: Id, count = 1, score = 88): Promise<Array<Doc & { learnerToken: string }>> {
  const issued = []
  for (let i = 0; i < count; i++) {
    students++
    const learner = await createUser(t.payload, ['student'], home, { homeUniversity: home, studentNumber: `2025${String(students).padStart(4, '0')}` })
    const course = await createCourse(t.payload, enterprise)
    const res = await as(t.app, organizerToken).post('/api/completions').send({ learner: learner.id, source: { relationTo: 'courses', value: course.id }, score, evidence: { modules: 2 } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    await runJobs(t.payload)
    const { docs } = await t.payload.find({ collection: 'credit-records', where: { learner: { equals: learner.id } }, overrideAccess: true, depth: 0 })
    issued.push({ ...(docs[0] as Doc), learnerToken: await login(t.app, learner.email) })
  }
  return issued
}

const verify = (chain: string) => verifyChain(t.payload, chain, jwks)

/** A write straight to the database, as someone with the database password would make it. */
async function tamper(table: 'credit_records' | 'credit_ledger_events', id: Id, change: Record<string, unknown> | 'delete') {
  const db = t.payload.db as unknown as { drizzle: any; tables: Record<string, any>; operators: Record<string, (...a: any[]) => unknown> }
  const where = db.operators.equals(db.tables[table].id, id)
  if (change === 'delete') await db.drizzle.delete(db.tables[table]).where(where)
  else await db.drizzle.update(db.tables[table]).set(change).where(where)
}

async function eventsOf(chain: string) {
  const { docs } = await t.payload.find({ collection: 'credit-ledger-events', where: { chain: { equals: chain } }, sort: 'position', overrideAccess: true, depth: 0, pagination: false })
  return docs as Doc[]
}

describe('the record chain', () => {
  it('links each university’s records, and the feed carries the links for the registrar to check', async () => {
    const uni = await university()
    const other = await university()
    await issue(uni.id, 2)
    await issue(other.id)
    await issue(uni.id)
    const feed = await as(t.app, uni.registrarToken).get('/api/credit-feed?limit=10')
    expect(feed.status).toBe(200)
    const records = feed.body.records as Doc[]
    expect(records).toHaveLength(3)
    // The registrar's continuity check: each record follows the one before it in their feed. A
    // response names the previous hash of its first record, and of any that does not follow.
    expect(records[0].previousHash).toBe(GENESIS)
    expect(records.slice(1).map((r) => r.previousHash)).toEqual([undefined, undefined])
    const stored = await t.payload.find({ collection: 'credit-records', where: { homeUniversity: { equals: uni.id } }, sort: 'sequence', overrideAccess: true, depth: 0 })
    expect(records.map((r) => r.hash)).toEqual(stored.docs.map((d) => d.hash))
    for (let i = 1; i < 3; i++) expect(stored.docs[i].previousHash).toBe(stored.docs[i - 1].hash)
    // …and recomputes each record's hash from what the feed sent, with the recipe in the README.
    const { recomputeFromFeed } = await import('../helpers/ledgerRecipe')
    let last = GENESIS
    for (const r of records) {
      expect(recomputeFromFeed(r, r.previousHash ?? last)).toBe(r.hash)
      last = r.hash
    }
    const next = await as(t.app, uni.registrarToken).get(`/api/credit-feed?limit=10&since=${encodeURIComponent(feed.body.nextCursor)}`)
    expect(next.body.records).toEqual([])
    const csv = await as(t.app, uni.registrarToken).get('/api/credit-feed?format=csv')
    expect(csv.text).toContain(records[2].hash)
    expect(await verify(uni.chain)).toMatchObject({ records: 3, break: null })
    expect(await verify(other.chain)).toMatchObject({ records: 1, break: null })
  })

  it('names a record whose credits or score were edited in the database', async () => {
    const uni = await university()
    const [, second] = await issue(uni.id, 3)
    await tamper('credit_records', second.id, { credits: 9 })
    expect((await verify(uni.chain)).break).toMatchObject({ kind: 'record', id: second.id, sequence: second.sequence, problem: expect.stringContaining('not what was issued') })
    await tamper('credit_records', second.id, { credits: second.credits, score: 99 })
    expect((await verify(uni.chain)).break).toMatchObject({ kind: 'record', id: second.id })
    await tamper('credit_records', second.id, { score: second.score })
    expect((await verify(uni.chain)).break).toBeNull()
  })

  it('breaks at the record after a deleted one, naming where the gap is', async () => {
    const uni = await university()
    const [first, second, third] = await issue(uni.id, 3)
    await tamper('credit_records', second.id, 'delete')
    expect((await verify(uni.chain)).break).toMatchObject({ kind: 'record', id: third.id, problem: expect.stringContaining(`does not follow record sequence ${first.sequence}`) })
  })

  it('names a record whose status was set in the database without its event', async () => {
    const uni = await university()
    const [record] = await issue(uni.id)
    await tamper('credit_records', record.id, { status: 'accepted' })
    expect((await verify(uni.chain)).break).toMatchObject({ kind: 'record', id: record.id, problem: expect.stringContaining('"accepted", but the ledger') })
  })

  it('keeps the chain whole when many records of one university are issued at once', async () => {
    const uni = await university()
    const course = await createCourse(t.payload, enterprise)
    const completions = []
    for (let i = 0; i < 12; i++) {
      const learner = await createUser(t.payload, ['student'], uni.id, { homeUniversity: uni.id })
      completions.push(await t.payload.create({ collection: 'completions', data: { learner: learner.id, source: { relationTo: 'courses', value: course.id }, score: 80, completedAt: new Date().toISOString() } as never, overrideAccess: true }))
    }
    const results = await Promise.all(completions.map((c) => issueCreditRecord(t.payload, c.id)))
    expect(results.every((r) => r.status === 'issued')).toBe(true)
    await runJobs(t.payload)
    expect(await verify(uni.chain)).toMatchObject({ records: 12, break: null })
  })
})

describe('the event chain', () => {
  it('appends deliveries, decisions, revocations and corrections, and finds a deleted event', async () => {
    const uni = await university()
    const [a, b, c, d] = await issue(uni.id, 4)
    expect((await as(t.app, uni.registrarToken).get('/api/credit-feed?limit=2')).status).toBe(200)
    expect((await as(t.app, uni.registrarToken).post(`/api/credit-records/${a.id}/acknowledge`).send({ decision: 'accepted' })).status).toBe(200)
    expect((await as(t.app, uni.registrarToken).post(`/api/credit-records/${b.id}/acknowledge`).send({ decision: 'rejected', reason: '课程内容重复' })).status).toBe(200)
    expect((await as(t.app, adminToken).patch(`/api/credit-records/${c.id}`).send({ status: 'revoked', revocationReason: '成绩录入错误' })).status).toBe(200)
    expect((await as(t.app, adminToken).post(`/api/credit-records/${d.id}/correct`).send({ reason: '学分应为 3', credits: 3 })).status).toBe(201)
    // A pull that delivers nothing new (the same page again, from the start) appends nothing.
    expect((await as(t.app, uni.registrarToken).get('/api/credit-feed?limit=2')).status).toBe(200)
    await runJobs(t.payload)

    const events = await eventsOf(uni.chain)
    expect(events.map((e) => [e.position, e.kind, e.sequence ?? `${e.after}-${e.upTo}`])).toEqual([
      [1, 'delivered', `0-${b.sequence}`],
      [2, 'accepted', a.sequence],
      [3, 'rejected', b.sequence],
      [4, 'revoked', c.sequence],
      [5, 'superseded', d.sequence],
    ])
    expect(events[2].reason).toBe('课程内容重复')
    expect(events[0].previousHash).toBe(GENESIS)
    expect(events[1].previousHash).toBe(events[0].hash)
    expect(await verify(uni.chain)).toMatchObject({ records: 5, events: 5, break: null })

    await tamper('credit_ledger_events', events[2].id, 'delete')
    expect((await verify(uni.chain)).break).toMatchObject({ kind: 'event', id: events[3].id, problem: expect.stringContaining('position 3 is missing') })
  })

  it('names an event whose content was rewritten', async () => {
    const uni = await university()
    const [record] = await issue(uni.id)
    await as(t.app, uni.registrarToken).post(`/api/credit-records/${record.id}/acknowledge`).send({ decision: 'rejected', reason: '不符合要求' })
    const [event] = await eventsOf(uni.chain)
    await tamper('credit_ledger_events', event.id, { kind: 'accepted' })
    await tamper('credit_records', record.id, { status: 'accepted' })
    expect((await verify(uni.chain)).break).toMatchObject({ kind: 'event', id: event.id, problem: expect.stringContaining('content was changed') })
  })

  it('records every one of many simultaneous decisions of one university, each once, in one unbroken chain', async () => {
    const uni = await university()
    const records = await issue(uni.id, 10)
    // Two feed pulls among them: the delivered marking locks the same rows and the same chain.
    const pulls = [as(t.app, uni.registrarToken).get('/api/credit-feed?limit=5'), as(t.app, uni.registrarToken).get('/api/credit-feed?limit=10')]
    const answers = await Promise.all(records.map((r, i) => as(t.app, uni.registrarToken).post(`/api/credit-records/${r.id}/acknowledge`).send(i % 2 ? { decision: 'accepted' } : { decision: 'rejected', reason: '重复' })))
    expect(answers.map((a) => a.status)).toEqual(records.map(() => 200))
    expect((await Promise.all(pulls)).map((p) => p.status)).toEqual([200, 200])
    const events = await eventsOf(uni.chain)
    const decisions = events.filter((e) => e.kind !== 'delivered')
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1))
    expect(new Set(decisions.map((e) => e.sequence)).size).toBe(10)
    expect(await verify(uni.chain)).toMatchObject({ records: 10, break: null })
  })
})

describe('checkpoints', () => {
  it('are signed by administrators on demand, public, and catch a chain rewritten behind them with every hash recomputed', async () => {
    const uni = await university()
    const [first, second] = await issue(uni.id, 2)
    expect((await request(t.app).post('/api/credit-ledger-checkpoints/sign').send({})).status).toBe(401)
    expect((await as(t.app, uni.registrarToken).post('/api/credit-ledger-checkpoints/sign').send({})).status).toBe(403)
    const unknown = await as(t.app, adminToken).post('/api/credit-ledger-checkpoints/sign').send({ university: '00000' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].message).toContain('00000')
    expect((await as(t.app, adminToken).post('/api/credit-ledger-checkpoints/sign').send({ university: 12345 })).status).toBe(400)
    const signed = await as(t.app, adminToken).post('/api/credit-ledger-checkpoints/sign').send({ university: uni.code })
    expect(signed.status, JSON.stringify(signed.body)).toBe(201)
    expect(signed.body.docs).toHaveLength(1)
    expect(signed.body.docs[0]).toMatchObject({ chain: uni.chain, recordSequence: second.sequence, recordHash: second.hash })
    const published = await request(t.app).get(`/api/credit-ledger-checkpoints?where[chain][equals]=${uni.chain}`)
    expect(published.status).toBe(200)
    const claims = await checkpointClaims(published.body.docs[0].jws, jwks)
    expect(claims).toMatchObject({ chain: uni.chain, recordHash: second.hash })

    // Someone with the database and our recipe rewrites the first record and recomputes every
    // hash after it: the links hold again, but not what the checkpoint signed.
    const { link, recordContent } = await import('../../plugins/credits/ledger/hashes')
    const forgedFirst = link(recordContent({ ...first, credits: 8 }), GENESIS)
    const forgedSecond = link(recordContent(second), forgedFirst.hash)
    await tamper('credit_records', first.id, { credits: 8, ...forgedFirst })
    await tamper('credit_records', second.id, forgedSecond)
    expect((await verify(uni.chain)).break).toMatchObject({ kind: 'checkpoint', sequence: second.sequence, problem: expect.stringContaining(`signed record sequence ${second.sequence}`) })
  })

  it('signed before a key rotation still verify after it; one signed by another key does not', async () => {
    const uni = await university()
    await issue(uni.id)
    expect((await as(t.app, adminToken).post('/api/credit-ledger-checkpoints/sign').send({ university: uni.code })).status).toBe(201)
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
    const rotated = { keys: [{ ...(await exportJWK(publicKey)), kid: 'newer', alg: 'EdDSA' }, ...jwks.keys] }
    expect(await verifyChain(t.payload, uni.chain, rotated)).toMatchObject({ checkpoints: 1, break: null })
    const forged = await new SignJWT({ type: 'CreditLedgerCheckpoint', chain: uni.chain }).setProtectedHeader({ alg: 'EdDSA', kid: jwks.keys[0].kid as string }).sign(privateKey)
    await expect(checkpointClaims(forged, jwks)).rejects.toThrow(/signature/)
  })

  it('daily run signs only the chains that moved', async () => {
    const { signCheckpoints } = await import('../../plugins/credits/ledger/checkpoint')
    const uni = await university()
    await issue(uni.id)
    const keys = credentialKeys(t.payload.config)
    const first = await signCheckpoints(t.payload, keys, 'https://issuer.test', { onlyIfMoved: true })
    expect(first.map((c) => c.chain)).toContain(uni.chain)
    const again = await signCheckpoints(t.payload, keys, 'https://issuer.test', { onlyIfMoved: true })
    expect(again.map((c) => c.chain)).not.toContain(uni.chain)
  })
})

describe('records from before the ledger', () => {
  it('are linked by the migration’s backfill, their statuses and corrections given events, and a second run changes nothing', async () => {
    const { ledgerSwitch } = await import('../../plugins/credits/ledger/ledgerSwitch')
    const { backfillLedger } = await import('../../plugins/credits/ledger/backfillLedger')
    const uni = await university()
    ledgerSwitch.hashing = false
    let before: Doc[]
    try {
      before = await issue(uni.id, 4)
      await as(t.app, uni.registrarToken).get('/api/credit-feed?limit=1')
      await t.payload.db.updateOne({ collection: 'credit-records', id: before[1].id, data: { status: 'accepted' } } as never)
      await t.payload.db.updateOne({ collection: 'credit-records', id: before[2].id, data: { supersededBy: before[3].id } } as never)
    } finally {
      ledgerSwitch.hashing = true
    }
    expect((await verify(uni.chain)).break).toMatchObject({ kind: 'record', id: before[0].id, problem: expect.stringContaining('no ledger hashes') })
    expect(await backfillLedger(t.payload)).toBeGreaterThanOrEqual(4)
    expect(await verify(uni.chain)).toMatchObject({ records: 4, events: 3, break: null })
    expect(await backfillLedger(t.payload)).toBe(0)
    const [later] = await issue(uni.id)
    expect(await verify(uni.chain)).toMatchObject({ records: 5, break: null })
    expect(later.previousHash).not.toBe(GENESIS)
  })
})

describe('npm run ledger:verify', () => {
  it('names the first record that breaks a university’s chain, and exits 1; an intact chain exits 0', async () => {
    const good = await university()
    const bad = await university()
    await issue(good.id)
    const [, edited] = await issue(bad.id, 2)
    await tamper('credit_records', edited.id, { score: 100 })
    const run = (code: string) =>
      promisify(execFile)('npx', ['tsx', 'scripts/ledgerVerify.ts', '--university', code], { env: { ...process.env, NODE_OPTIONS: '--conditions=production' } }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}${e.stderr}` }),
      )
    const ok = await run(good.code)
    expect(ok, ok.out).toMatchObject({ code: 0 })
    expect(ok.out).toContain('every chain holds')
    const broken = await run(bad.code)
    expect(broken.code, broken.out).toBe(1)
    expect(broken.out).toContain(`first break: record ${edited.id} (sequence ${edited.sequence})`)
    expect((await run('99999')).out).toContain('no university with code 99999')
  }, 120_000)
})

describe('revocation anyone can check', () => {
  const checkAsVerifier = (jwt: string) => revokedAsVerifier(t.app, jwks, jwt)

  it('flips a revoked or corrected record’s entry at once, and leaves the others', async () => {
    const uni = await university()
    const [kept, revoked, corrected] = await issue(uni.id, 3)
    const credentialOf = async (r: Doc) => {
      const res = await as(t.app, r.learnerToken).get(`/api/credit-records/${r.id}/credential`)
      expect(res.status).toBe(200)
      return res.text
    }
    const jwts = [await credentialOf(kept), await credentialOf(revoked), await credentialOf(corrected)]
    for (const jwt of jwts) expect(await checkAsVerifier(jwt)).toEqual({ revoked: false })
    await as(t.app, adminToken).patch(`/api/credit-records/${revoked.id}`).send({ status: 'revoked', revocationReason: '作弊' })
    await as(t.app, adminToken).post(`/api/credit-records/${corrected.id}/correct`).send({ reason: '成绩更正', score: 95 })
    expect(await checkAsVerifier(jwts[0])).toEqual({ revoked: false })
    expect(await checkAsVerifier(jwts[1])).toEqual({ revoked: true })
    expect(await checkAsVerifier(jwts[2])).toEqual({ revoked: true })
  })

  it('refuses a status list number that is not one', async () => {
    for (const bad of ['-1', 'abc', '1.5', '99999999999999999999']) {
      const res = await request(t.app).get(`/api/credit-records/status-lists/${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.body.errors[0].message).toContain('numbered')
    }
  })
})

describe('conformant credentials whose ids resolve', () => {
  it('publishes the issuer’s Profile at the issuer id every credential names', async () => {
    const uni = await university()
    const [record] = await issue(uni.id)
    const { payload } = await jwtVerify((await as(t.app, record.learnerToken).get(`/api/credit-records/${record.id}/credential`)).text, createLocalJWKSet(jwks))
    const vc = payload.vc as Doc
    const profile = await request(t.app).get(new URL(vc.issuer.id).pathname)
    expect(profile.status).toBe(200)
    expect(profile.body).toMatchObject({ id: vc.issuer.id, type: ['Profile'], name: expect.any(String), url: expect.any(String), email: expect.stringContaining('@') })
    expect(definitionErrors('Profile', profile.body)).toEqual([])
    expect(vc.credentialSubject.identifier).toEqual([{ type: 'IdentityObject', identityHash: record.studentNumber, identityType: 'sisSourcedId', hashed: false }])

    const achievement = await request(t.app).get(new URL(vc.credentialSubject.achievement.id).pathname)
    expect(achievement.status).toBe(200)
    expect(achievement.body).toMatchObject({ id: vc.credentialSubject.achievement.id, type: ['Achievement'], name: vc.credentialSubject.achievement.name, creditsAvailable: 2 })
    expect(definitionErrors('Achievement', achievement.body)).toEqual([])
  })

  it('answers 404 for an achievement that is not public or not a learning source', async () => {
    const draft = await t.payload.create({ collection: 'courses', data: { title: '草稿课程', code: 'DRAFT-1', organization: enterprise, credits: 2, _status: 'draft' } as never, overrideAccess: true, draft: true })
    expect((await request(t.app).get(`/api/achievements/courses/${draft.id}`)).status).toBe(404)
    expect((await request(t.app).get('/api/achievements/users/1')).status).toBe(404)
    expect((await request(t.app).get('/api/achievements/courses/999999')).status).toBe(404)
  })

  it('checks every credential it signs against 1EdTech’s schema (the check is live)', async () => {
    const keys = await credentialKeys(t.payload.config)()
    const bad = { '@context': [], id: 'urn:x', type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { id: 'urn:i' }, validFrom: '2026-01-01T00:00:00Z', credentialSubject: { id: 'urn:s', type: ['AchievementSubject'], identifier: [{ type: ['IdentityObject'], identityHash: '1', identityType: 'studentId', hashed: false }], achievement: { id: 'urn:a' } } }
    await expect(signCredential(keys, bad)).rejects.toThrow(/1EdTech's JSON schema/)
  })
})
