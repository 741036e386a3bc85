import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, type RunningServer } from '../../src/lifecycle'
import { createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let running: RunningServer
let token: string

beforeAll(async () => {
  t = await startTestApp()
  const org = await createOrganization(t.payload, 'agency', '12441900MB2C000018')
  const admin = await createUser(t.payload, ['admin'], org.id)
  token = await login(t.app, admin.email)
  running = await listen(t, 0, '127.0.0.1')
})
afterAll(async () => t?.db.drop())

const get = (path: string) =>
  new Promise<number>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: running.port, path, agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    }).on('error', reject)
  })

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, then closes the database', async () => {
    expect(await get('/api/health')).toBe(200)
    const body = JSON.stringify({ kind: 'university', name: '停机测试大学', code: '13579' })
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1', port: running.port, path: '/api/organizations', method: 'POST', agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `JWT ${token}` },
        },
        (res) => {
          let text = ''
          res.on('data', (c) => (text += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        },
      )
      req.on('error', reject)
      // Half the body now, the rest after shutdown has begun.
      req.write(body.slice(0, 20))
      setTimeout(() => req.end(body.slice(20)), 400)
    })
    await new Promise((r) => setTimeout(r, 100))
    const stopped = running.shutdown(5_000)
    await new Promise((r) => setTimeout(r, 50))
    await expect(get('/api/health')).rejects.toThrow(/ECONNREFUSED/)
    const finished = await inFlight
    expect(finished.status).toBe(201)
    await stopped
    await expect(t.payload.count({ collection: 'organizations' })).rejects.toThrow()
  })
})
