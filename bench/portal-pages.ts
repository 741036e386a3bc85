/**
 * bench/portal-pages: requests per second for the portal's catalogue and course pages against
 * `GET /api/catalogue` for the same data, same process, same run (the issue's target: each page
 * ≥ 0.5 × the API). 16 concurrent keep-alive clients in a worker thread, anonymous and signed in.
 *
 *   npm run bench:portal-pages       # needs the admin panel and portal built (npm run build)
 *   PROFILE=/tmp/pages.cpuprofile npm run bench:portal-pages   # where a signed-in page's time goes
 *
 * COURSES published courses (default 300) of 6 modules each, offered by ORGANIZATIONS
 * organisations (default 200: a province's universities and their enterprise partners; the
 * catalogue page names them and filters by them); SLICES slices (default 6) of REQUESTS requests
 * (default 300) in which each page alternates with its baseline.
 */
import { Worker } from 'node:worker_threads'
import { startBenchApp } from './benchApp'
import { OPEN_CONNECTIONS } from './openConnections'

const CONCURRENCY = 16
const COURSES = Number(process.env.COURSES ?? 300)
const ORGANIZATIONS = Number(process.env.ORGANIZATIONS ?? 200)
const REQUESTS = Number(process.env.REQUESTS ?? 300)
const SLICES = Number(process.env.SLICES ?? 6)
const PASSWORD = 'bench-password'

const { payload, base, stop } = await startBenchApp({ next: true })
process.stdout.write(`database: ${payload.db.name}\n`)

// A quarter universities, the rest enterprises; each course is offered by a university with an enterprise partner.
const universities: Array<{ id: number }> = []
const enterprises: Array<{ id: number }> = []
for (let i = 0; i < ORGANIZATIONS; i++) {
  if (i % 4 === 0) universities.push(await payload.create({ collection: 'organizations', data: { kind: 'university', name: `基准大学 ${i}`, nameEn: `Bench University ${i}`, code: String(19000 + i) }, overrideAccess: true }))
  else enterprises.push(await payload.create({ collection: 'organizations', data: { kind: 'enterprise', name: `基准企业 ${i} 有限公司`, nameEn: `Bench Enterprise ${i}`, code: `91440000BENCH${String(i).padStart(5, '0')}` }, overrideAccess: true }))
}
const org = universities[0]!
const courseIds: Array<number | string> = []
const round = await payload.create({ collection: 'proposal-rounds', data: { title: '基准批次', opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), budget: 0 } as never, overrideAccess: true })
for (let i = 0; i < COURSES; i++) {
  const course = await payload.create({
    collection: 'courses',
    data: {
      title: `智能制造课程 ${i}`,
      code: `BENCH-${i}`,
      summary: '高校与企业联合开发的课程，面向智能制造产线的选型、集成与调试。',
      organization: universities[i % universities.length]!.id,
      partners: [enterprises[i % enterprises.length]!.id],
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
    const proposal = await payload.create({ collection: 'course-proposals', data: { title: `申报 ${i}`, round: round.id, course: course.id, leadOrganization: universities[i % universities.length]!.id } as never, overrideAccess: true })
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
  ${OPEN_CONNECTIONS}
  ;(async () => {
    let next = 0, failed = 0
    const latencies = []
    await openConnections(agent, target, concurrency)
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
const p99 = (latencies: number[]) => [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * 0.99)] ?? 0

// The same data through each: pages of 12 of the catalogue (the first five), and course pages.
const pages = [1, 2, 3, 4, 5]
const runs = {
  api: pages.map((p) => `/api/catalogue?limit=12&page=${p}`),
  catalogue: pages.map((p) => `/?page=${p}`),
  course: courseIds.slice(0, 50).map((id) => `/courses/${id}`),
}
const cookie = `payload-token=${token}`
// Warm-up, not measured: the API's rate still climbs for its first thousand requests as it is compiled.
for (let i = 0; i < 2; i++) for (const paths of [...Object.values(runs), ['/verify']]) for (const withCookie of [undefined, cookie]) await load(paths, withCookie)

// PROFILE=<file.cpuprofile>: a CPU profile of the signed-in pages only (open it in Chrome's DevTools), then stop.
if (process.env.PROFILE) {
  const { Session } = await import('node:inspector/promises')
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  await load(runs.catalogue, cookie)
  await load(runs.course, cookie)
  const { profile } = await session.post('Profiler.stop')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(process.env.PROFILE, JSON.stringify(profile))
  process.stdout.write(`profile written to ${process.env.PROFILE}\n`)
  await stop()
  process.exit(0)
}

// Page and baseline alternate in short slices, so a slower spell of the machine (rates here drift by
// a third within a minute) falls on both; each ratio is of the mean rates over all slices. A
// signed-in page is compared with the API called with the same cookie: both then load the user.
type Pair = { label: string; paths: string[]; cookie?: string; page: Result[]; api: Result[]; reference?: boolean }
const pairs: Pair[] = [
  { label: 'catalogue page', paths: runs.catalogue, page: [], api: [] },
  { label: 'course page', paths: runs.course, page: [], api: [] },
  { label: 'catalogue page, signed in', paths: runs.catalogue, cookie, page: [], api: [] },
  { label: 'course page, signed in', paths: runs.course, cookie, page: [], api: [] },
  // No verdict: the verify page reads nothing, so it shows what Next.js alone costs a page here.
  { label: 'verify page (reads no data; for reference)', paths: ['/verify'], page: [], api: [], reference: true },
]
const measured = async (paths: string[], withCookie: string | undefined, label: string) => {
  const result = await load(paths, withCookie)
  if (result.failed) throw new Error(`${label}: ${result.failed} requests failed`)
  return result
}
for (let slice = 1; slice <= SLICES; slice++) {
  for (const pair of pairs) {
    pair.api.push(await measured(runs.api, pair.cookie, `GET /api/catalogue before ${pair.label}`))
    pair.page.push(await measured(pair.paths, pair.cookie, pair.label))
  }
  process.stdout.write(`  slice ${slice} of ${SLICES}: ${pairs.map((p) => `${p.label} ${Math.round(rate(p.page.at(-1)!))}/s, API ${Math.round(rate(p.api.at(-1)!))}/s`).join('; ')}\n`)
}

const meanRate = (results: Result[]) => results.reduce((sum, r) => sum + rate(r), 0) / results.length
process.stdout.write(`\nportal pages, ${CONCURRENCY} concurrent clients, ${COURSES} courses, ${ORGANIZATIONS} organisations, ${SLICES} slices of ${REQUESTS} requests, ${payload.db.name}\n`)
process.stdout.write('| page | page requests/s | p99 ms | GET /api/catalogue requests/s (same cookie) | ratio | slices |\n| --- | ---: | ---: | ---: | ---: | --- |\n')
const verdicts: string[] = []
for (const pair of pairs) {
  const ratio = meanRate(pair.page) / meanRate(pair.api)
  const perSlice = pair.page.map((r, i) => (rate(r) / rate(pair.api[i]!)).toFixed(2)).join(', ')
  process.stdout.write(`| ${pair.label} | ${Math.round(meanRate(pair.page))} | ${p99(pair.page.flatMap((r) => r.latencies)).toFixed(0)} | ${Math.round(meanRate(pair.api))} | ${ratio.toFixed(2)} | ${perSlice} |\n`)
  if (!pair.reference) verdicts.push(`${ratio >= 0.5 ? 'met' : 'NOT met'}: ${pair.label} ${ratio.toFixed(2)} × GET /api/catalogue (≥ 0.5)`)
}
process.stdout.write(`\n${verdicts.join('\n')}\n`)
await stop()
process.exit(0)
