/**
 * Limits (issue 16): per-address and per-user request rates with Retry-After on sign-in, password
 * reset, xAPI ingest and the credit feed; the JSON body size; Payload's login lockout beside them.
 * Limits are scaled down here (setRateLimitScale) so that a few requests reach them.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RATE_LIMITS, setRateLimitScale } from '../../src/http/rateLimit'
import { as, createOrganization, createUser, login, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let university: number | string

beforeAll(async () => {
  t = await startTestApp()
  university = (await createOrganization(t.payload, 'university', '10561')).id
})
afterEach(() => setRateLimitScale(0))
afterAll(async () => t?.stop())

const retryAfter = (res: request.Response) => Number(res.headers['retry-after'])

describe('rate limits', () => {
  it('sign-in: per address, 429 with Retry-After once the window is used up', async () => {
    const user = await createUser(t.payload, ['student'], university)
    setRateLimitScale(0.1) // 20 per minute → 2
    const signIn = () => request(t.app).post('/api/users/login').send({ email: user.email, password: PASSWORD })
    expect((await signIn()).status).toBe(200)
    expect((await signIn()).status).toBe(200)
    const refused = await signIn()
    expect(refused.status).toBe(429)
    expect(retryAfter(refused)).toBeGreaterThan(0)
    expect(retryAfter(refused)).toBeLessThanOrEqual(RATE_LIMITS.loginPerAddress.seconds)
    expect(refused.body.errors[0].message).toMatch(/too many sign-in attempts from this address; try again in \d+ s/)
  })

  it('sign-in: Payload’s lockout still locks an account after five wrong passwords', async () => {
    const user = await createUser(t.payload, ['student'], university)
    for (let i = 0; i < 5; i++) expect((await request(t.app).post('/api/users/login').send({ email: user.email, password: 'wrong-password' })).status).toBe(401)
    const locked = await request(t.app).post('/api/users/login').set('Accept-Language', 'en').send({ email: user.email, password: PASSWORD })
    expect(locked.status).toBe(401)
    expect(JSON.stringify(locked.body)).toMatch(/locked/i)
  })

  it('password reset: per email (same answer whether the account exists) and per address', async () => {
    setRateLimitScale(0.4) // per address 5 → 2 in 15 min, per email 3 → 1 an hour
    const reset = (email: string) => request(t.app).post('/api/users/forgot-password').set('Accept-Language', 'en').send({ email })
    expect((await reset('nobody-1@lianpei.test')).status).toBe(200)
    const again = await reset('nobody-1@lianpei.test')
    expect(again.status).toBe(429)
    expect(again.body.errors[0].message).toMatch(/too many password reset requests for this address/)
    const fromAddress = await reset('nobody-2@lianpei.test')
    expect(fromAddress.status).toBe(429)
    expect(retryAfter(fromAddress)).toBeGreaterThan(60)
  })

  it('xAPI: per user, so one learner’s runaway player does not stop another’s', async () => {
    const tokens = [await login(t.app, (await createUser(t.payload, ['student'], university)).email), await login(t.app, (await createUser(t.payload, ['student'], university)).email)]
    setRateLimitScale(0.01) // per user 600 → 6, per address 3000 → 30
    const statement = { actor: { mbox: 'mailto:x@lianpei.test' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'https://lianpei.test/activities/1' } }
    const post = (token: string) => as(t.app, token).post('/api/xapi/statements').set('X-Experience-API-Version', '1.0.3').send(statement)
    for (let i = 0; i < 6; i++) expect((await post(tokens[0])).status).not.toBe(429)
    const before = await t.payload.count({ collection: 'xapi-statements' as never, overrideAccess: true })
    const refused = await post(tokens[0])
    expect(refused.status).toBe(429)
    expect(retryAfter(refused)).toBeGreaterThan(0)
    expect(refused.body.errors[0].message).toContain('xAPI requests from your account')
    expect((await t.payload.count({ collection: 'xapi-statements' as never, overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    expect((await post(tokens[1])).status).not.toBe(429)
  })

  it('credit feed: per registrar, and per address', async () => {
    const registrars = []
    for (let i = 0; i < 3; i++) registrars.push(await login(t.app, (await createUser(t.payload, ['registrar'], university)).email))
    setRateLimitScale(0.01) // per user 300 → 3, per address 600 → 6
    for (let i = 0; i < 3; i++) expect((await as(t.app, registrars[0]).get('/api/credit-feed')).status).toBe(200)
    const refused = await as(t.app, registrars[0]).get('/api/credit-feed')
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0].message).toContain('credit feed requests from your account')
    expect(retryAfter(refused)).toBeGreaterThan(0)
    // The refused request counted against the address too: two more fill its six.
    for (let i = 0; i < 2; i++) expect((await as(t.app, registrars[1]).get('/api/credit-feed')).status).toBe(200)
    const fromAddress = await as(t.app, registrars[2]).get('/api/credit-feed')
    expect(fromAddress.status).toBe(429)
    expect(fromAddress.body.errors[0].message).toContain('credit feed requests from this address')
  })
})

describe('body size', () => {
  it('refuses a JSON body over the limit with 413 before anything is read, and writes nothing', async () => {
    const admin = await login(t.app, (await createUser(t.payload, ['admin'], university)).email)
    const before = await t.payload.count({ collection: 'organizations', overrideAccess: true })
    const res = await as(t.app, admin).post('/api/organizations').send({ kind: 'enterprise', name: 'x'.repeat(1100 * 1024), code: '91441900MA51LP0777' })
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/at most 1048576 bytes/)
    expect((await t.payload.count({ collection: 'organizations', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  /** A JSON body sent in chunks, with no Content-Length to check before it is read. */
  async function chunked(path: string, token: string, body: string): Promise<{ status: number; text: string }> {
    const server = t.app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      return await new Promise((resolve, reject) => {
        const req = http.request({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', path, method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', Authorization: `JWT ${token}`, 'Accept-Language': 'en' } }, (res) => {
          let text = ''
          res.on('data', (c) => (text += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
        })
        // The server reads the rest of a refused body rather than cut the connection: any error here fails the test.
        req.on('error', reject)
        for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024))
        req.end()
      })
    } finally {
      server.close()
    }
  }

  it('measures a chunked JSON body as it arrives: over the limit a 413 and nothing written, under it the request goes through', async () => {
    const admin = await login(t.app, (await createUser(t.payload, ['admin'], university)).email)
    const before = (await t.payload.count({ collection: 'organizations', overrideAccess: true })).totalDocs
    const tooLong = await chunked('/api/organizations', admin, JSON.stringify({ kind: 'enterprise', name: 'x'.repeat(1100 * 1024), code: '91441900MA51LP0778' }))
    expect(tooLong.status).toBe(413)
    expect(tooLong.text).toMatch(/at most 1048576 bytes/)
    expect((await t.payload.count({ collection: 'organizations', overrideAccess: true })).totalDocs).toBe(before)
    const fine = await chunked('/api/organizations', admin, JSON.stringify({ kind: 'enterprise', name: '分块企业', code: '91441900MA51LP0779' }))
    expect(fine.status, fine.text).toBe(201)
    expect(JSON.parse(fine.text).doc.name).toBe('分块企业')
  })

  it('measures every body the API reads, not JSON only: a long CSV to the bulk enrolment is a 413', async () => {
    const admin = await login(t.app, (await createUser(t.payload, ['admin'], university)).email)
    const csv = `email\n${'someone@test.lianpei\n'.repeat(60_000)}`
    const res = await request(t.app).post('/api/courses/1/enroll-csv').set('Authorization', `JWT ${admin}`).set('Content-Type', 'text/csv').send(csv)
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/at most 1048576 bytes/)
  })
})

describe('what counts as the limited route', () => {
  it('counts a trailing slash and a method override as the route they reach', async () => {
    setRateLimitScale(0.1)
    const attempt = (path: string) => request(t.app).post(path).send({ email: 'nobody@test.lianpei', password: 'x' })
    expect((await attempt('/api/users/login')).status).toBe(401)
    expect((await attempt('/api/users/login/')).status).toBe(401)
    const third = await attempt('/api/users/login//')
    expect(third.status).toBe(429)
    expect(retryAfter(third)).toBeGreaterThan(0)
    // Signed out, so that only the per-address limit (60 a minute at this scale) can refuse.
    const overridden = () => request(t.app).post('/api/credit-feed').set('X-HTTP-Method-Override', 'GET')
    const statuses: number[] = []
    for (let i = 0; i < RATE_LIMITS.feedPerAddress.requests * 0.1 + 1; i++) statuses.push((await overridden()).status)
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })
})

describe('a query sent as a body', () => {
  const asGet = (body: string, header = 'X-Payload-HTTP-Method-Override') =>
    request(t.app).post('/api/organizations').set(header, 'GET').set('Content-Type', 'application/x-www-form-urlencoded').set('Accept-Language', 'en').send(body)

  it('is guarded like one in the URL (Payload reads a POST with a method override as a GET)', async () => {
    for (const header of ['X-Payload-HTTP-Method-Override', 'X-HTTP-Method-Override']) {
      const injected = await asGet('where[name][$ne]=x', header)
      expect(injected.status, header).toBe(400)
      expect(injected.body.errors[0].message).toMatch(/"\$ne" is not an operator/)
      expect((await asGet('limit=ten', header)).status).toBe(400)
      const fine = await asGet('where[code][equals]=10561&depth=0', header)
      expect(fine.status, fine.text).toBe(200)
      expect(fine.body.docs.map((d: { id: unknown }) => d.id)).toEqual([university])
    }
  })
})
