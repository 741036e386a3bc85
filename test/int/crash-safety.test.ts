/**
 * Crash safety (issue 16): the server is killed with SIGKILL while it ingests batches of xAPI
 * statements, issues credit records and delivers a webhook, then started again on the same
 * database. Every statement it acknowledged with a 2xx is stored; every completion has exactly
 * one credit record; the interrupted webhook delivery is made after the restart, and every
 * record reaches the receiver. SQLite here, PostgreSQL too under `npm test`.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/database'

let db: TestDatabase
let server: ChildProcess | undefined
let base = ''
const PASSWORD = 'crash-test-password-1'

/** Starts the API server on the test database and waits until it listens. */
function start(): Promise<void> {
  return new Promise((resolve, reject) => {
    // node itself, with tsx as its loader: `npx tsx` would put two processes between the test
    // and the server, and a SIGKILL to the first leaves the server running.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/crashServer.ts'], {
      env: {
        ...process.env,
        NODE_OPTIONS: '--conditions=production',
        DATABASE_URI: db.uri,
        DATA_DIR: db.dataDir,
        SEED_DEMO: 'never',
        JOBS_AUTORUN: 'true',
        // Jobs left processing by the killed server go back to the queue two seconds on.
        JOBS_STALE_AFTER_SECONDS: '2',
        RATE_LIMIT_SCALE: '0',
        WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
        LOG_LEVEL: 'error',
        PAYLOAD_SECRET: 'crash-test-secret-0123456789abcdef0123456789',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    server = child
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /listening (\d+)/.exec(out)
      if (match) {
        base = `http://127.0.0.1:${match[1]}`
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened: ${out}`)))
  })
}

async function kill() {
  const child = server!
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
  server = undefined
}

const api = async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}
const login = async (email: string) => (await api('POST', '/api/users/login', undefined, { email, password: PASSWORD })).body.token as string
const until = async (what: string, check: () => Promise<boolean>, seconds = 60) => {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; ) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`timed out waiting for ${what}`)
}

beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(async () => {
  if (server) await kill()
  await db?.drop()
})

describe('crash safety', () => {
  it('loses no acknowledged statement, issues each credit once and delivers the interrupted webhook after a SIGKILL', async () => {
    // A receiver that holds every delivery open until the server is killed (they are in flight
    // when it dies), and accepts every delivery after the restart.
    const received: Array<{ id: number | string }> = []
    let restarted = false
    let heldArrived: () => void = () => {}
    const firstDelivery = new Promise<void>((resolve) => (heldArrived = resolve))
    const receiver = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        if (!restarted) return heldArrived() // never answered
        received.push(JSON.parse(body).record)
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/credits`

    try {
      await start()
      const first = await api('POST', '/api/users/first-register', undefined, { email: 'admin@crash.test', password: PASSWORD, name: '管理员', roles: ['admin'] })
      expect(first.status, JSON.stringify(first.body)).toBe(200)
      const admin = await login('admin@crash.test')
      const org = async (kind: string, code: string, name: string) => (await api('POST', '/api/organizations', admin, { kind, code, name })).body.doc.id
      const university = await org('university', '10910', '崩溃大学')
      const enterprise = await org('enterprise', '91441900MA51LP0910', '崩溃企业')
      const user = async (email: string, roles: string[], organization: unknown, extra: Record<string, unknown> = {}) => {
        const res = await api('POST', '/api/users', admin, { email, password: PASSWORD, name: email.split('@')[0], roles, organization, ...extra })
        expect(res.status, JSON.stringify(res.body)).toBe(201)
        return res.body.doc.id
      }
      await user('registrar@crash.test', ['registrar'], university)
      await user('organizer@crash.test', ['organizer'], enterprise)
      const learners = []
      for (let i = 0; i < 12; i++) learners.push(await user(`s${i}@crash.test`, ['student'], university, { homeUniversity: university, studentNumber: `2026${i}` }))
      const registrar = await login('registrar@crash.test')
      const organizer = await login('organizer@crash.test')
      const student = await login('s0@crash.test')
      expect((await api('POST', '/api/credit-webhooks', registrar, { url: hookUrl, secret: 'crash-test-webhook-secret-0123456789' })).status).toBe(201)
      const course = await api('POST', '/api/courses', admin, { title: '崩溃课程', code: 'CRASH-1', organization: enterprise, credits: 2, hours: 32, creditCategory: 'course', grading: { scheme: 'percentage', passMark: 60 }, _status: 'published' })
      expect(course.status, JSON.stringify(course.body)).toBe(201)

      // Statements in batches, four senders at once, until the server dies.
      const acknowledged: string[] = []
      let sending = true
      const sender = async () => {
        while (sending) {
          const batch = Array.from({ length: 20 }, () => ({ id: randomUUID(), actor: { mbox: 'mailto:s0@crash.test' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: `https://crash.test/activities/${randomUUID()}` } }))
          try {
            const res = await api('POST', '/api/xapi/statements', student, batch, { 'X-Experience-API-Version': '1.0.3' })
            if (res.status >= 200 && res.status < 300) acknowledged.push(...batch.map((s) => s.id))
          } catch {
            return // the connection died with the server: not acknowledged
          }
        }
      }
      const senders = [sender(), sender(), sender(), sender()]
      // Completions to issue, posted one after another while the server issues and delivers; it
      // is killed as soon as the first delivery is in flight.
      const completed: unknown[] = []
      const completing = (async () => {
        for (const learner of learners) {
          try {
            const res = await api('POST', '/api/completions', organizer, { learner, source: { relationTo: 'courses', value: course.body.doc.id }, score: 90 })
            if (res.status === 201) completed.push(learner)
          } catch {
            return
          }
        }
      })()
      await firstDelivery
      await kill()
      sending = false
      await Promise.all([...senders, completing])
      expect(acknowledged.length).toBeGreaterThan(0)
      expect(completed.length).toBeGreaterThan(0)

      restarted = true
      await start()
      const stored = new Set(((await api('GET', '/api/xapi-statements?limit=0&depth=0', admin)).body.docs as Array<{ statementId: string }>).map((s) => s.statementId))
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])

      // Each completion gets its record, once; every record reaches the receiver.
      const records = async () => (await api('GET', `/api/credit-records?limit=0&depth=0`, admin)).body.docs as Array<{ id: number; key: string }>
      await until('a credit record for every completion', async () => (await records()).length >= completed.length)
      await new Promise((r) => setTimeout(r, 2000))
      const issued = await records()
      expect(issued).toHaveLength(completed.length)
      expect(new Set(issued.map((r) => r.key)).size).toBe(completed.length)
      await until('every record delivered to the receiver', async () => issued.every((r) => received.some((d) => d.id === r.id)), 90)
      // The ledger holds, as ledger:verify walks it beside the running server.
      const verified = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ledgerVerify.ts'], { env: { ...process.env, NODE_OPTIONS: '--conditions=production', DATABASE_URI: db.uri, DATA_DIR: db.dataDir, JOBS_AUTORUN: 'false', LOG_LEVEL: 'error', PAYLOAD_SECRET: 'crash-test-secret-0123456789abcdef0123456789' } })
        let out = ''
        child.stdout.on('data', (c) => (out += c))
        child.stderr.on('data', (c) => (out += c))
        child.once('exit', (code) => resolve({ code, out }))
      })
      expect(verified, verified.out).toMatchObject({ code: 0 })
      expect(verified.out).toContain('every chain holds')
    } finally {
      receiver.closeAllConnections()
      receiver.close()
    }
  }, 300_000)
})
