/**
 * bench/portal-pages: requests per second for the portal's catalogue and course pages against
 * `GET /api/catalogue` for the same data, same process, same run (the target: each page
 * ≥ 0.5 × the API). 16 concurrent keep-alive clients in a worker thread, anonymous and signed in.
 *
 *   npm run bench:portal-pages       # needs the admin panel and portal built (npm run build)
 *
 * COURSES published courses (default 300) of 6 modules each; ROUNDS rounds (default 3) that
 * alternate the three runs, verdicts on the median ratio.
 */
import { Worker } from 'node:worker_threads'
import { startBenchApp } from './benchApp'

const CONCURRENCY = 16
const COURSES = Number(process.env.COURSES ?? 300)
const REQUESTS = Number(process.env.REQUESTS ?? 1500)
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const PASSWORD = 'bench-password'

const { payload, base, stop } = await startBenchApp({ next: true })
process.stdout.write(`database: ${payload.db.name}\n`)

const org = await payload.create({ collection: 'organizations', data: { kind: 'university', name: '基准大学', code: '19999' }, overrideAccess: true })
const partner = await payload.create({ collection: 'organizations', data: { kind: 'enterprise', name: '基准企业', code: '91440000BENCH00001' }, overrideAccess: true })
const courseIds: Array<number | string> = []
const round = await payload.create({ collection: 'proposal-rounds', data: { title: '基准批次', opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), budget: 0 } as never, overrideAccess: true })
for (let i = 0; i < COURSES; i++) {
  const course = await payload.create({
    collection: 'courses',
    data: {
      title: `智能制造课程 ${i}`,
      code: `BENCH-${i}`,
      summary: '高校与企业联合开发的课程，面向智能制造产线的选型、集成与调试。',
      organization: org.id,
      partners: [partner.id],
      credits: 1 + (i % 4),
      hours: 16,
      creditCategory: 'course',
      discipline: 'engineering',
      featured: i % 10 === 0,
      grading: { scheme: 'percentage', passMark: 60 },
      // A featured course is published only once its proposal is approved (the featured-courses plugin's gate).
      _status: i % 10 === 0 ? 'draft' : 'published',
    } as never,
    ...(i % 10 === 0 && { draft: true }),
    overrideAccess: true,
  })
  if (i % 10 === 0) {
    const proposal = await payload.create({ collection: 'course-proposals', data: { title: `申报 ${i}`, round: round.id, course: course.id, leadOrganization: org.id } as never, overrideAccess: true })
    await payload.update({ collection: 'course-proposals', id: proposal.id, data: { status: 'approved' } as never, overrideAccess: true, context: { bookkeeping: true } })
    await payload.update({ collection: 'courses', id: course.id, data: { _status: 'published' } as never, overrideAccess: true })
  }
  courseIds.push(course.id)
  for (let m = 1; m <= 6; m++) {
    await payload.create({ collection: 'modules', data: { course: course.id, title: `模块 ${m}`, order: m, kind: m % 2 ? 'lesson' : 'h5p' } as never, overrideAccess: true })
  }
}
await payload.create({ collection: 'users', data: { email: 'bench@lianpei.bench', password: PASSWORD, name: '基准学生', roles: ['student'], organization: org.id, homeUniversity: org.id }, overrideAccess: true })
const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@lianpei.bench', password: PASSWORD }) })
const token = ((await login.json()) as { token: string }).token

const CLIENT = `
  const { parentPort, workerData } = require('node:worker_threads')
  const http = require('node:http')
  const { base, paths, requests, concurrency, cookie } = workerData
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const target = new URL(base)
  const get = (path) => new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path, method: 'GET', agent, headers: cookie ? { cookie } : {} }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    })
    req.on('error', reject)
    req.end()
  })
  ;(async () => {
    let next = 0, failed = 0
    const latencies = []
    const started = performance.now()
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const path = paths[next++ % paths.length]
        const t0 = performance.now()
        if ((await get(path)) !== 200) failed++
        latencies.push(performance.now() - t0)
      }
    }))
    parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies, failed })
  })()
`
type Result = { seconds: number; latencies: number[]; failed: number }
const load = (paths: string[], cookie?: string) =>
  new Promise<Result>((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { base, paths, requests: REQUESTS, concurrency: CONCURRENCY, cookie } })
    worker.once('message', resolve)
    worker.once('error', reject)
  })
const rate = (r: Result) => REQUESTS / r.seconds
const p99 = (r: Result) => [...r.latencies].sort((a, b) => a - b)[Math.floor(r.latencies.length * 0.99)] ?? 0

// The same data through each: a page of 12 of the catalogue, searched and unsearched, and course pages.
const pages = [1, 2, 3, 4, 5]
const runs = {
  api: pages.map((p) => `/api/catalogue?limit=12&page=${p}`),
  catalogue: pages.map((p) => `/?page=${p}`),
  course: courseIds.slice(0, 50).map((id) => `/courses/${id}`),
}
const cookie = `payload-token=${token}`
for (const paths of Object.values(runs)) await load(paths.slice(0, 2), cookie) // warm-up, not measured

type Row = { label: string; result: Result }
const rows: Row[] = []
const ratios: Record<string, number[]> = { 'catalogue page': [], 'course page': [], 'catalogue page, signed in': [], 'course page, signed in': [] }
for (let round = 1; round <= ROUNDS; round++) {
  const measure = async (label: string, paths: string[], withCookie?: string) => {
    const result = await load(paths, withCookie)
    if (result.failed) throw new Error(`${label}: ${result.failed} requests failed`)
    rows.push({ label: `${label} (round ${round})`, result })
    process.stdout.write(`  ${label} (round ${round}): ${Math.round(rate(result))}/s\n`)
    return result
  }
  const api = await measure('GET /api/catalogue', runs.api)
  ratios['catalogue page'].push(rate(await measure('catalogue page', runs.catalogue)) / rate(api))
  ratios['course page'].push(rate(await measure('course page', runs.course)) / rate(api))
  ratios['catalogue page, signed in'].push(rate(await measure('catalogue page, signed in', runs.catalogue, cookie)) / rate(api))
  ratios['course page, signed in'].push(rate(await measure('course page, signed in', runs.course, cookie)) / rate(api))
}

process.stdout.write(`\nportal pages, ${CONCURRENCY} concurrent clients, ${COURSES} courses, ${payload.db.name}\n`)
process.stdout.write('| run | requests/s | p99 ms |\n| --- | ---: | ---: |\n')
for (const r of rows) process.stdout.write(`| ${r.label} | ${Math.round(rate(r.result))} | ${p99(r.result).toFixed(0)} |\n`)
process.stdout.write('\n')
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
for (const [label, values] of Object.entries(ratios)) {
  const m = median(values)
  process.stdout.write(`${m >= 0.5 ? 'met' : 'NOT met'}: ${label} ${m.toFixed(2)} × GET /api/catalogue (rounds: ${values.map((v) => v.toFixed(2)).join(', ')}) (≥ 0.5)\n`)
}
await stop()
process.exit(0)
