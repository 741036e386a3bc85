/**
 * bench/load: a bounded number of simulated users on loopback for 60 seconds, against the whole
 * product on the seeded demo data: learners browse the portal, enrol, play (post xAPI statements)
 * and check in to a session; registrars pull the credit feed; an organiser shows the check-in
 * code and watches arrivals (bench/loadClients.ts, on a worker thread). Reports throughput and
 * p50/p99 latency per action and the count of 5xx answers, which must be zero: any 5xx, or a
 * request the server dropped, fails the run (exit 1).
 *
 *   npm run bench:load                   # SQLite; builds the portal first if needed
 *   npm run bench:load -- --postgres     # a throwaway PostgreSQL cluster
 *   LEARNERS=40 SECONDS=120 npm run bench:load
 */
import { Worker } from 'node:worker_threads'
import { startBenchApp } from './benchApp'
import type { LoadPlan, Sample } from './loadClients'

const LEARNERS = Number(process.env.LEARNERS ?? 24)
const SECONDS = Number(process.env.SECONDS ?? 60)
const PASSWORD = 'bench-password'

const { payload, base, stop } = await startBenchApp({ next: true })
const { seedDemo } = await import('../seed/seedDemo')
await seedDemo(payload, () => {})
process.stdout.write(`database: ${payload.db.name}; demo data seeded\n`)

const signIn = async (email: string, password = PASSWORD) => {
  const res = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}
const find = async (collection: string, where: Record<string, unknown> = {}) => (await payload.find({ collection: collection as never, where: where as never, depth: 0, overrideAccess: true, pagination: false })).docs as Array<Record<string, any>>

// The demo registrar's university: its records are what the first registrar's feed pages through.
const [registrar] = await find('users', { email: { equals: 'registrar@lianpei.demo' } })
const [home] = await find('organizations', { id: { equals: registrar.organization } })
const courses = await find('courses', { _status: { equals: 'published' } })
const modules = await find('modules', { course: { in: courses.map((c) => c.id) } })
const now = Date.now()
const camp = await payload.create({ collection: 'camps' as never, data: { title: '压力测试训练营', code: `LOAD-${now.toString(36)}`, kind: 'political-education', organization: home.id, startsOn: new Date(now - 86_400_000).toISOString(), endsOn: new Date(now + 86_400_000).toISOString(), credits: 1, hours: 8, completionRule: { minAttendanceRate: 50 } } as never, overrideAccess: true })
const session = await payload.create({ collection: 'camp-sessions' as never, data: { camp: (camp as { id: number }).id, title: '开营讲座', kind: 'lecture', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + (SECONDS + 600) * 1000).toISOString(), place: '报告厅' } as never, overrideAccess: true })

const learners: LoadPlan['learners'] = []
for (let i = 0; i < LEARNERS; i++) {
  const email = `load-learner-${i}@lianpei.bench`
  const user = await payload.create({ collection: 'users', data: { email, password: PASSWORD, name: `学员${i}`, roles: ['student'], organization: home.id, homeUniversity: home.id, studentNumber: `2026${String(i).padStart(4, '0')}` } as never, overrideAccess: true })
  await payload.create({ collection: 'enrollments', data: { learner: user.id, source: { relationTo: 'camps', value: (camp as { id: number }).id }, status: 'active' } as never, overrideAccess: true })
  learners.push({ token: await signIn(email), mbox: `mailto:${email}` })
}
const { DEMO_PASSWORD } = await import('../seed/data/users')
const plan: LoadPlan = {
  base,
  deadline: Date.now() + SECONDS * 1000,
  learners,
  registrarKeys: ['lianpei-demo-registrar-key', 'lianpei-demo-registrar2-key'],
  organizerToken: await signIn('organizer@lianpei.demo', DEMO_PASSWORD),
  courseIds: courses.map((c) => c.id),
  moduleIds: modules.map((m) => m.id),
  sessionId: (session as { id: number }).id,
}
process.stdout.write(`${LEARNERS} learners, ${plan.registrarKeys.length} registrars and 1 organiser for ${SECONDS} s…\n`)
const samples = await new Promise<Sample[]>((resolve, reject) => {
  const worker = new Worker(new URL('./loadClients.js', import.meta.url), { workerData: plan })
  worker.once('message', resolve)
  worker.once('error', reject)
})

const byAction = new Map<string, Sample[]>()
for (const s of samples) byAction.set(s[0], [...(byAction.get(s[0]) ?? []), s])
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
process.stdout.write(`\nload on ${payload.db.name}, ${SECONDS} s, ${LEARNERS + plan.registrarKeys.length + 1} simulated users\n| action | requests | per second | p50 ms | p99 ms | 2xx | 4xx | 5xx | dropped |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n`)
let failures = 0
for (const [action, list] of [...byAction.entries()].sort()) {
  const ms = list.map((s) => s[2]).sort((a, b) => a - b)
  const count = (test: (status: number) => boolean) => list.filter((s) => test(s[1])).length
  const [ok, client, server, dropped] = [count((s) => s >= 200 && s < 300), count((s) => s >= 400 && s < 500), count((s) => s >= 500), count((s) => s === 0)]
  failures += server + dropped
  process.stdout.write(`| ${action} | ${list.length} | ${(list.length / SECONDS).toFixed(1)} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 99).toFixed(0)} | ${ok} | ${client} | ${server} | ${dropped} |\n`)
}
const stored = await payload.count({ collection: 'xapi-statements' as never, overrideAccess: true })
const arrived = await payload.count({ collection: 'attendance' as never, where: { session: { equals: plan.sessionId } }, overrideAccess: true })
process.stdout.write(`\nall: ${samples.length} requests, ${(samples.length / SECONDS).toFixed(1)}/s; ${stored.totalDocs} statements stored; ${arrived.totalDocs} of ${LEARNERS} learners checked in\n`)
process.stdout.write(`${failures === 0 ? 'met' : 'NOT met'}: ${failures} answers were 5xx or dropped (target: 0)\n`)
await stop()
process.exit(failures === 0 ? 0 : 1)
