/**
 * bench/xapi-ingest: statements per second and p99 latency for POST /api/xapi/statements, single
 * statements and batches of 100, 32 concurrent clients, beside a bare express JSON route and
 * Payload's plain create of the same documents, in one run. Clients run in a worker thread.
 *
 *   npm run bench:xapi-ingest            # SQLite
 *
 * Targets on SQLite on a 2-core machine, every acknowledged statement durable: single-statement
 * POSTs ≥ 1 000 statements/s with p99 < 100 ms; batches of 100 ≥ 8 000 statements/s.
 * The clients use node:http with keep-alive: fetch's own overhead capped the bare route.
 */
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import { startBenchApp } from './benchApp'
import express from 'express'

const CONCURRENCY = 32
const SINGLES = Number(process.env.SINGLES ?? 4000)
const BATCHES = Number(process.env.BATCHES ?? 300)
const { payload, base, stop } = await startBenchApp()

const org = await payload.create({ collection: 'organizations', data: { kind: 'university', name: '基准大学', code: '19999' }, overrideAccess: true })
const email = 'bench-learner@lianpei.bench'
const learner = await payload.create({ collection: 'users', data: { email, password: 'bench-password', name: '基准学生', roles: ['student'], organization: org.id, homeUniversity: org.id }, overrideAccess: true })
const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password' }) })
const { token } = (await login.json()) as { token: string }

// The comparison routes: a bare express JSON route, and Payload's plain create behind express.
const side = express()
side.use(express.json({ limit: '5mb' }))
side.post('/bare', (req, res) => {
  res.json([req.body?.id ?? null])
})
side.post('/payload-create', async (req, res) => {
  const s = req.body
  const doc = await payload.create({
    collection: 'xapi-statements',
    data: { statementId: s.id, learner: learner.id, verb: s.verb.id, activityId: s.object.id, stored: new Date().toISOString(), statement: s },
    overrideAccess: true,
    depth: 0,
  })
  res.json([doc.statementId])
})
const sideServer = side.listen(0, '127.0.0.1')
await new Promise((r) => sideServer.once('listening', r))
const sideBase = `http://127.0.0.1:${(sideServer.address() as AddressInfo).port}`

const CLIENT = `
  const { parentPort, workerData } = require('node:worker_threads')
  const { randomUUID } = require('node:crypto')
  const http = require('node:http')
  const { url, headers, requests, perRequest, concurrency, email } = workerData
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const target = new URL(url)
  const send = (body) => new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    })
    req.on('error', reject)
    req.end(body)
  })
  const statement = () => ({ id: randomUUID(), actor: { objectType: 'Agent', mbox: 'mailto:' + email }, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: 'https://lianpei.bench/activities/question-1' }, result: { score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, success: true } })
  ;(async () => {
    const latencies = []
    let next = 0
    let failed = 0
    const started = performance.now()
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++
        const body = JSON.stringify(perRequest === 1 ? statement() : Array.from({ length: perRequest }, statement))
        const t0 = performance.now()
        const status = await send(body)
        if (status >= 300) failed++
        latencies.push(performance.now() - t0)
      }
    }))
    parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies, failed })
  })()
`
type Result = { seconds: number; latencies: number[]; failed: number }
const load = (url: string, requests: number, perRequest: number) =>
  new Promise<Result>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', authorization: `JWT ${token}`, 'x-experience-api-version': '1.0.3' }
    const worker = new Worker(CLIENT, { eval: true, workerData: { url, headers, requests, perRequest, concurrency: CONCURRENCY, email } })
    worker.once('message', resolve)
    worker.once('error', reject)
  })

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? 0
const rows: Array<{ label: string; statements: number; result: Result }> = []
async function run(label: string, url: string, requests: number, perRequest: number) {
  const before = (await payload.count({ collection: 'xapi-statements', overrideAccess: true })).totalDocs
  const result = await load(url, requests, perRequest)
  if (result.failed > 0) throw new Error(`${label}: ${result.failed} requests failed`)
  const after = (await payload.count({ collection: 'xapi-statements', overrideAccess: true })).totalDocs
  const statements = requests * perRequest
  if (!url.endsWith('/bare') && after - before !== statements) throw new Error(`${label}: ${after - before} of ${statements} statements stored`)
  rows.push({ label, statements, result })
}

await run('bare express JSON route (baseline)', `${sideBase}/bare`, SINGLES, 1)
await run('Payload create behind express', `${sideBase}/payload-create`, Math.min(SINGLES, 1500), 1)
await run('POST /api/xapi/statements, 1 statement', `${base}/api/xapi/statements`, SINGLES, 1)
await run('POST /api/xapi/statements, batches of 100', `${base}/api/xapi/statements`, BATCHES, 100)

const baseline = rows[0].statements / rows[0].result.seconds
process.stdout.write(`\nxAPI ingest, ${CONCURRENCY} concurrent clients, ${payload.db.name}\n`)
process.stdout.write('| run | statements/s | × bare express | p99 ms | statements |\n| --- | ---: | ---: | ---: | ---: |\n')
for (const r of rows) {
  const perSecond = r.statements / r.result.seconds
  process.stdout.write(`| ${r.label} | ${Math.round(perSecond).toLocaleString('en')} | ${(perSecond / baseline).toFixed(2)} | ${p99(r.result.latencies).toFixed(0)} | ${r.statements} |\n`)
}
const single = rows[2]
const batch = rows[3]
process.stdout.write('\ntargets (SQLite, 2 cores): single ≥ 1 000/s with p99 < 100 ms; batches of 100 ≥ 8 000/s\n')
process.stdout.write(`${single.statements / single.result.seconds >= 1000 && p99(single.result.latencies) < 100 ? 'met' : 'NOT met'}: single statements\n`)
process.stdout.write(`${batch.statements / batch.result.seconds >= 8000 ? 'met' : 'NOT met'}: batches of 100\n`)
sideServer.close()
await stop()
process.exit(0)
