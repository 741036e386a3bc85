/**
 * Server-side request forgery through credit webhooks: with no network allowed
 * (WEBHOOK_ALLOWED_NETWORKS unset), a registrar can neither register a receiver on an internal
 * address nor get a delivery to one — also when the host is a name that resolves there, or comes
 * to resolve there after registration. And the guard itself (src/http/outboundGuard.ts).
 */
import dns from 'node:dns'
import http from 'node:http'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOutboundGuard, OutboundAddressError, parseNetworks } from '../../src/http/outboundGuard'
import { runJobs } from '../helpers/credits'
import { as, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
let t: TestApp
let enterprise: Id
let organizerToken: string
let universityCode = 10600

beforeAll(async () => {
  t = await startTestApp()
  enterprise = (await createOrganization(t.payload, 'enterprise', '91441900MA51LP0044', '测试企业')).id
  const agency = (await createOrganization(t.payload, 'agency', '12441900MB2C000018')).id
  organizerToken = await login(t.app, (await createUser(t.payload, ['organizer'], agency)).email)
})
afterAll(async () => t?.stop())

/** A university of its own and its registrar, so that no other test's webhooks fire. */
async function university() {
  const id = (await createOrganization(t.payload, 'university', String(++universityCode))).id
  const registrar = await login(t.app, (await createUser(t.payload, ['registrar'], id)).email)
  return { id, registrar }
}

/** A local receiver that counts what reaches it. */
async function receiver() {
  const hits: string[] = []
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    req.resume()
    res.end('ok')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { hits, port: (server.address() as { port: number }).port, close: () => server.close() }
}

const webhookCount = async () => (await t.payload.count({ collection: 'credit-webhooks', overrideAccess: true })).totalDocs

describe('registering a webhook', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:3000/hook'],
    ['loopback written as a number', 'http://2130706433/hook'],
    ['cloud metadata (link-local)', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    ['private 10/8', 'http://10.1.2.3/hook'],
    ['private 172.16/12', 'https://172.20.0.5/hook'],
    ['private 192.168/16', 'http://192.168.1.1/hook'],
    ['carrier-grade NAT 100.64/10', 'http://100.64.0.1/hook'],
    ['unspecified', 'http://0.0.0.0:3000/hook'],
    ['multicast', 'http://224.0.0.1/hook'],
    ['IPv6 loopback', 'http://[::1]:3000/hook'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:3000/hook'],
    ['IPv6 unique local', 'http://[fd00::1]/hook'],
    ['IPv6 link-local', 'http://[fe80::1]/hook'],
  ])('refuses %s with 400 saying the address is internal, and writes nothing', async (_label, url) => {
    const { registrar } = await university()
    const before = await webhookCount()
    const res = await as(t.app, registrar).post('/api/credit-webhooks').send({ url, secret: 'x'.repeat(20) })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'url', message: expect.stringMatching(/is a loopback, private, link-local or other internal address, which webhooks may not reach.*WEBHOOK_ALLOWED_NETWORKS/) })
    expect(await webhookCount()).toBe(before)
  })

  it('refuses a name that resolves only to internal addresses (localhost), in Chinese by default', async () => {
    const { registrar } = await university()
    const before = await webhookCount()
    const en = await as(t.app, registrar).post('/api/credit-webhooks').send({ url: 'http://localhost:3000/hook', secret: 'x'.repeat(20) })
    expect(en.status).toBe(400)
    expect(JSON.stringify(en.body)).toMatch(/url host localhost resolves only to loopback, private, link-local or other internal addresses/)
    const zh = await request(t.app).post('/api/credit-webhooks').set('Authorization', `JWT ${registrar}`).send({ url: 'http://localhost:3000/hook', secret: 'x'.repeat(20) })
    expect(zh.status).toBe(400)
    expect(JSON.stringify(zh.body)).toContain('只解析到本机、内网、链路本地或其他内部地址')
    expect(await webhookCount()).toBe(before)
  })

  it('refuses a name that does not resolve, saying so', async () => {
    const { registrar } = await university()
    const res = await as(t.app, registrar).post('/api/credit-webhooks').send({ url: 'https://no-such-registry.invalid/hook', secret: 'x'.repeat(20) })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/url host no-such-registry\.invalid could not be resolved/)
  })

  it('refuses moving an existing webhook to an internal address', async () => {
    const { registrar } = await university()
    const hook = await as(t.app, registrar).post('/api/credit-webhooks').send({ url: 'https://198.51.100.7/hook', secret: 'x'.repeat(20), active: false })
    expect(hook.status, JSON.stringify(hook.body)).toBe(201)
    const moved = await as(t.app, registrar).patch(`/api/credit-webhooks/${hook.body.doc.id}`).send({ url: 'http://169.254.169.254/' })
    expect(moved.status).toBe(400)
    const after = await t.payload.findByID({ collection: 'credit-webhooks', id: hook.body.doc.id, overrideAccess: true })
    expect(after.url).toBe('https://198.51.100.7/hook')
  })
})

describe('delivering', () => {
  // A host allowed at registration that later points somewhere internal: we cannot change what a
  // public name resolves to here, so the stored URL is changed behind the API's back, to a name
  // that resolves to 127.0.0.1 (localhost) and to a literal loopback address (a row from before
  // these checks). Either way the delivery must not connect.
  it.each([
    ['a name that now resolves to loopback', (port: number) => `http://localhost:${port}/hook`],
    ['a literal loopback address', (port: number) => `http://127.0.0.1:${port}/hook`],
  ])('refuses %s at delivery: nothing is sent and the log says only that the address is not allowed', async (_label, urlOf) => {
    const { id: uni, registrar } = await university()
    const local = await receiver()
    try {
      const hook = await as(t.app, registrar).post('/api/credit-webhooks').send({ url: 'https://198.51.100.7/hook', secret: 'x'.repeat(20) })
      expect(hook.status, JSON.stringify(hook.body)).toBe(201)
      await t.payload.db.updateOne({ collection: 'credit-webhooks', id: hook.body.doc.id, data: { url: urlOf(local.port) }, req: {} as never })

      const learner = await createUser(t.payload, ['student'], uni, { homeUniversity: uni, studentNumber: `S${universityCode}` })
      const course = await createCourse(t.payload, enterprise)
      const done = await as(t.app, organizerToken).post('/api/completions').send({ learner: learner.id, source: { relationTo: 'courses', value: course.id }, score: 90 })
      expect(done.status, JSON.stringify(done.body)).toBe(201)
      await runJobs(t.payload)

      expect(local.hits).toEqual([])
      const { docs } = await t.payload.find({ collection: 'credit-webhook-deliveries', where: { webhook: { equals: hook.body.doc.id } }, overrideAccess: true, depth: 0 })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ attempt: 1, succeeded: false, httpStatus: null, durationMs: null })
      expect(docs[0].error).toMatch(/^address not allowed/)
      expect(docs[0].error).not.toContain(String(local.port))
      expect(docs[0].error).not.toContain('127.0.0.1')
    } finally {
      local.close()
    }
  })
})

describe('the outbound guard', () => {
  const guard = createOutboundGuard()

  it('refuses internal addresses of both families and allows public ones', () => {
    const refused = ['127.0.0.1', '127.255.0.9', '0.0.0.0', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.10.1', '100.64.0.1', '100.127.255.254',
      '169.254.169.254', '224.0.0.251', '255.255.255.255', '::', '::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', 'fc00::1', 'fd12:3456::1',
      'fe80::1', 'fe80::1%eth0', 'ff02::1', '64:ff9b::7f00:1', '2002:a00:1::1', 'not an address']
    const allowed = ['8.8.8.8', '198.51.100.7', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808']
    expect(refused.filter((a) => guard.allows(a))).toEqual([])
    expect(allowed.filter((a) => !guard.allows(a))).toEqual([])
  })

  it('allows the networks an administrator lists, and only those', () => {
    const campus = createOutboundGuard({ allowedNetworks: ['10.20.0.0/16', '127.0.0.1/32', 'fd00:abcd::/32'] })
    expect(['10.20.3.4', '127.0.0.1', '::ffff:127.0.0.1', 'fd00:abcd::5'].every((a) => campus.allows(a))).toBe(true)
    expect(['10.21.0.1', '127.0.0.2', '169.254.169.254', 'fd00:abce::5'].some((a) => campus.allows(a))).toBe(false)
  })

  it('refuses a bad network list, naming the bad entries', () => {
    expect(() => parseNetworks('10.0.0.0/8, campus, 1.2.3.4, ::1/129')).toThrow(/"campus", "1\.2\.3\.4", "::1\/129"/)
    expect(() => createOutboundGuard({ allowedNetworks: ['10.0.0.0/33'] })).toThrow(/"10\.0\.0\.0\/33"/)
  })

  it('checks every connection after DNS, so a name that passed a check and then resolves to loopback does not connect (DNS rebinding)', async () => {
    const local = await receiver()
    // A resolver that answers a public address the first time and loopback afterwards.
    let lookups = 0
    const rebinding = createOutboundGuard({
      resolve: (_host, _options, callback) => callback(null, [{ address: lookups++ === 0 ? '198.51.100.7' : '127.0.0.1', family: 4 }]),
    })
    try {
      expect(await rebinding.checkHost('rebind.example')).toEqual({ ok: true })
      const url = new URL(`http://rebind.example:${local.port}/hook`)
      const error = await new Promise<Error>((resolve) => {
        const req = http.request(url, { method: 'POST', agent: false, ...rebinding.connectOptions(url) }, () => resolve(new Error('connected')))
        req.on('error', resolve)
        req.end('{}')
      })
      expect(error).toBeInstanceOf(OutboundAddressError)
      expect(local.hits).toEqual([])
      expect(lookups).toBe(2)
    } finally {
      local.close()
    }
  })

  it('connects a name that resolves to internal and public addresses only to the public ones', async () => {
    const mixed = createOutboundGuard({
      resolve: (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }, { address: '198.51.100.7', family: 4 }]),
    })
    const { lookup } = mixed.connectOptions(new URL('http://mixed.example/'))
    const all = await new Promise<dns.LookupAddress[]>((resolve, reject) => lookup('mixed.example', { all: true }, (e, a) => (e ? reject(e) : resolve(a as dns.LookupAddress[]))))
    expect(all).toEqual([{ address: '198.51.100.7', family: 4 }])
    const one = await new Promise<string>((resolve, reject) => lookup('mixed.example', {}, (e, a) => (e ? reject(e) : resolve(a as string))))
    expect(one).toBe('198.51.100.7')
  })

  it('refuses a literal internal address before any connection', () => {
    expect(() => guard.connectOptions(new URL('http://[::ffff:169.254.169.254]/'))).toThrow(OutboundAddressError)
    expect(() => guard.connectOptions(new URL('http://169.254.169.254/'))).toThrow(OutboundAddressError)
    expect(guard.connectOptions(new URL('https://198.51.100.7/')).lookup).toBeTypeOf('function')
  })
})
