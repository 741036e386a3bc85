import { existsSync, readdirSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let adminToken: string

beforeAll(async () => {
  t = await startTestApp({ env: { UPLOAD_LIMIT_MB: '1' } })
  const org = await createOrganization(t.payload, 'agency', '12441900MB2C000018')
  const admin = await createUser(t.payload, ['admin'], org.id)
  adminToken = await login(t.app, admin.email)
})
afterAll(async () => t?.stop())

describe('express host', () => {
  it('answers health with the database kind', async () => {
    const res = await request(t.app).get('/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', db: t.db.kind })
  })

  it('answers HEAD /api/health like GET, without a body', async () => {
    const res = await request(t.app).head('/api/health')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(res.text ?? '').toBe('')
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify({ status: 'ok', db: t.db.kind }))))
  })

  it('keeps the connection open after HEAD /api/health, for a prober that reuses it', async () => {
    const server = t.app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const head = () =>
      new Promise<{ status?: number; reusedSocket: boolean }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/api/health', method: 'HEAD', agent }, (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode, reusedSocket: req.reusedSocket }))
        })
        req.on('error', reject)
        req.end()
      })
    try {
      const first = await head()
      const second = await head()
      expect(first.status).toBe(200)
      expect(second.status).toBe(200)
      expect(second.reusedSocket).toBe(true)
    } finally {
      agent.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('sends security headers and hides the framework', async () => {
    const res = await request(t.app).get('/api/health')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    // Referrers never leave the site; same-site forms still carry their Origin (test/e2e/portal-account.test.ts).
    expect(res.headers['referrer-policy']).toBe('same-origin')
    expect(res.headers['x-powered-by']).toBeUndefined()
  })

  it('passes Set-Cookie from Payload through and accepts the cookie back', async () => {
    const admin = await createUser(t.payload, ['admin'], (await createOrganization(t.payload, 'agency', '12441900MB2C00002X')).id)
    const res = await request(t.app).post('/api/users/login').send({ email: admin.email, password: 'test-password-1' })
    expect(res.status).toBe(200)
    const cookie = res.headers['set-cookie'] as unknown as string[]
    expect(cookie.some((c) => c.startsWith('payload-token='))).toBe(true)
    const me = await request(t.app).get('/api/users/me').set('Cookie', cookie.map((c) => c.split(';')[0]).join('; '))
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(admin.email)
  })

  it('serves GraphQL under /api/graphql', async () => {
    const res = await as(t.app, adminToken).post('/api/graphql').send({ query: '{ Organizations { totalDocs } }' })
    expect(res.status).toBe(200)
    expect(res.body.data.Organizations.totalDocs).toBeGreaterThanOrEqual(1)
  })

  it('answers unknown routes with a JSON 404', async () => {
    const res = await request(t.app).get('/api/no-such-collection')
    expect(res.status).toBe(404)
    const outside = await request(t.app).get('/nowhere')
    expect(outside.status).toBe(404)
    expect(outside.body.errors[0].message).toContain('/nowhere')
  })

  it('refuses malformed JSON with 400 and writes nothing', async () => {
    const before = await t.payload.count({ collection: 'organizations' })
    const res = await as(t.app, adminToken)
      .post('/api/organizations')
      .set('Content-Type', 'application/json')
      .send('{"kind": "university", "name": ')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/json/i)
    expect((await t.payload.count({ collection: 'organizations' })).totalDocs).toBe(before.totalDocs)
  })

  it('refuses a field of the wrong type with 400 naming the field', async () => {
    const res = await as(t.app, adminToken).post('/api/organizations').send({ kind: 'galaxy', name: 'X', code: '10001' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('kind')
  })

  it('checks official codes by organisation kind', async () => {
    const bad = await as(t.app, adminToken).post('/api/organizations').send({ kind: 'university', name: '某大学', code: 'ABC' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('5 digits')
    const badEnterprise = await as(t.app, adminToken).post('/api/organizations').send({ kind: 'enterprise', name: '某公司', code: '12345' })
    expect(badEnterprise.status).toBe(400)
    expect(JSON.stringify(badEnterprise.body)).toContain('unified social credit code')
    const good = await as(t.app, adminToken).post('/api/organizations').send({ kind: 'university', name: '某大学', code: '10698' })
    expect(good.status).toBe(201)
  })

  it('speaks Chinese by default and English on request', async () => {
    const zh = await request(t.app).post('/api/users/login').send({ email: 'nobody@test.lianpei', password: 'x' })
    expect(zh.status).toBe(401)
    expect(zh.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/)
    const en = await request(t.app).post('/api/users/login').set('Accept-Language', 'en').send({ email: 'nobody@test.lianpei', password: 'x' })
    expect(en.body.errors[0].message).toMatch(/incorrect/i)
  })
})

describe('media uploads', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  )
  const mediaDir = () => path.join(t.db.dataDir, 'media')
  const files = () => (existsSync(mediaDir()) ? readdirSync(mediaDir()) : [])

  it('stores an allowed file streamed as multipart', async () => {
    const res = await as(t.app, adminToken).post('/api/media').field('_payload', JSON.stringify({ alt: '封面' })).attach('file', png, 'cover.png')
    expect(res.status).toBe(201)
    expect(res.body.doc.mimeType).toBe('image/png')
    expect(files()).toContain(res.body.doc.filename)
  })

  it('refuses a type outside the allow-list and keeps nothing', async () => {
    const before = files().length
    const count = (await t.payload.count({ collection: 'media' })).totalDocs
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const res = await as(t.app, adminToken).post('/api/media').attach('file', svg, 'evil.svg')
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/file type|mime/i)
    expect(files().length).toBe(before)
    expect((await t.payload.count({ collection: 'media' })).totalDocs).toBe(count)
  })

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const before = files().length
    const count = (await t.payload.count({ collection: 'media' })).totalDocs
    const limit = 1024 * 1024
    const big = Buffer.concat([png, Buffer.alloc(limit + 1024)])
    const res = await as(t.app, adminToken).post('/api/media').attach('file', big, 'huge.png')
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/limit|large/i)
    expect(files().length).toBe(before)
    expect((await t.payload.count({ collection: 'media' })).totalDocs).toBe(count)
  })
})
