/**
 * bench/check-in: a lecture hall checking in at once. LEARNERS enrolled learners (default 1,000)
 * each post their check-in for one session with the code shown, 32 at a time, against an
 * authenticated `GET /api/health` by the same learners in the same process (the target:
 * check-ins ≥ 0.5 × that rate, on SQLite). The session is one lecture of a programme of eight,
 * as a term's programme is. Every check-in must be recorded exactly once (201) and none refused.
 * Then, for the record and without a verdict, the same learners check in to the only session of
 * a one-session programme whose rule each check-in meets: every one writes a completion. Then CONTESTANTS learners (default 200) who started a contest all submit in the
 * last seconds before its deadline: every submission must be scored.
 *
 *   npm run bench:check-in
 */
import { currentCode } from '../plugins/camps'
import { startBenchApp } from './benchApp'

const CONCURRENCY = 32
const LEARNERS = Number(process.env.LEARNERS ?? 1000)
const CONTESTANTS = Number(process.env.CONTESTANTS ?? 200)
const PASSWORD = 'bench-password'
type Doc = Record<string, any>

const { payload, base, stop } = await startBenchApp()
process.stdout.write(`database: ${payload.db.name}\n`)
const local = { overrideAccess: true, depth: 0 } as const
const org = (await payload.create({ collection: 'organizations', data: { kind: 'university', name: '基准大学', code: '19998' }, ...local })) as Doc
const now = Date.now()
const camp = (await payload.create({ collection: 'camps' as never, data: { title: '基准思政课', code: 'BENCH-CAMP', kind: 'political-education', organization: org.id, startsOn: new Date(now - 86_400_000).toISOString(), endsOn: new Date(now + 86_400_000).toISOString(), credits: 0, completionRule: { minAttendanceRate: 100 } } as never, ...local })) as Doc
const session = (await payload.create({ collection: 'camp-sessions' as never, data: { camp: camp.id, title: '大讲堂', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 2 * 3_600_000).toISOString() } as never, ...local })) as Doc
for (let week = 1; week < 8; week++) {
  const startsAt = now + week * 7 * 86_400_000
  await payload.create({ collection: 'camp-sessions' as never, data: { camp: camp.id, title: `第 ${week + 1} 讲`, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 2 * 3_600_000).toISOString() } as never, ...local })
}
const oneSessionCamp = (await payload.create({ collection: 'camps' as never, data: { title: '基准结营讲座', code: 'BENCH-CAMP-1', kind: 'political-education', organization: org.id, startsOn: new Date(now - 86_400_000).toISOString(), endsOn: new Date(now + 86_400_000).toISOString(), credits: 0, completionRule: { minAttendanceRate: 100 } } as never, ...local })) as Doc
const finalSession = (await payload.create({ collection: 'camp-sessions' as never, data: { camp: oneSessionCamp.id, title: '结营讲座', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 2 * 3_600_000).toISOString() } as never, ...local })) as Doc
const contest = (await payload.create({
  collection: 'contests' as never,
  data: { title: '基准竞赛', camp: camp.id, opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString(), timeLimitSeconds: 60, questions: Array.from({ length: 20 }, (_, i) => ({ text: `第 ${i + 1} 题`, kind: 'single', points: 1, choices: [{ text: '甲', correct: true }, { text: '乙', correct: false }, { text: '丙', correct: false }] })) } as never,
  ...local,
})) as Doc

process.stdout.write(`creating and enrolling ${LEARNERS} learners…\n`)
const tokens: string[] = []
const emails: string[] = []
for (let i = 0; i < LEARNERS; i++) {
  const user = (await payload.create({ collection: 'users', data: { email: `hall-${i}@lianpei.bench`, password: PASSWORD, name: `学员 ${i}`, roles: ['student'], organization: org.id, homeUniversity: org.id } as never, ...local })) as Doc
  await payload.create({ collection: 'enrollments', data: { learner: user.id, source: { relationTo: 'camps', value: camp.id } } as never, ...local })
  await payload.create({ collection: 'enrollments', data: { learner: user.id, source: { relationTo: 'camps', value: oneSessionCamp.id } } as never, ...local })
  emails.push(user.email)
}
const post = (path: string, body: unknown, token?: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) }, body: JSON.stringify(body) })
for (let i = 0; i < LEARNERS; i += 8) {
  const batch = await Promise.all(emails.slice(i, i + 8).map(async (email) => ((await (await post('/api/users/login', { email, password: PASSWORD })).json()) as { token: string }).token))
  tokens.push(...batch)
}

/** Runs `count` requests, `CONCURRENCY` at a time; returns the rate and the statuses. */
async function run(count: number, request: (i: number) => Promise<Response>) {
  const statuses: number[] = []
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++
        const t0 = performance.now()
        const res = await request(i)
        await res.arrayBuffer()
        statuses[i] = res.status
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { rate: count / seconds, seconds, statuses, p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)] }
}

const health = await run(LEARNERS, (i) => fetch(`${base}/api/health`, { headers: { authorization: `JWT ${tokens[i]}` } }))
const secret = ((await payload.findByID({ collection: 'camp-sessions' as never, id: session.id, ...local })) as Doc).checkInSecret as string
const checkIns = await run(LEARNERS, (i) => post(`/api/camp-sessions/${session.id}/check-in`, { code: currentCode(secret, Date.now(), 30).code }, tokens[i]))
const recorded = (await payload.count({ collection: 'attendance' as never, where: { session: { equals: session.id } }, overrideAccess: true })).totalDocs
const refused = checkIns.statuses.filter((s) => s !== 201).length
const finalSecret = ((await payload.findByID({ collection: 'camp-sessions' as never, id: finalSession.id, ...local })) as Doc).checkInSecret as string
const completing = await run(LEARNERS, (i) => post(`/api/camp-sessions/${finalSession.id}/check-in`, { code: currentCode(finalSecret, Date.now(), 30).code }, tokens[i]))
const completed = (await payload.count({ collection: 'completions', where: { key: { like: `%:camps:${oneSessionCamp.id}` } }, overrideAccess: true })).totalDocs

// The contest: everyone starts, then all submit in the last seconds before the deadline.
const contestants = tokens.slice(0, CONTESTANTS)
const attempts = await Promise.all(contestants.map(async (token) => ((await (await post(`/api/contests/${contest.id}/start`, {}, token)).json()) as { attempt: { id: string; deadline: string }; questions: Doc[] })))
const deadline = Math.min(...attempts.map((a) => Date.parse(a.attempt.deadline)))
await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now() - 3000)))
const submissions = await run(CONTESTANTS, (i) => post(`/api/contests/${contest.id}/submit`, { attempt: attempts[i].attempt.id, answers: attempts[i].questions.map((q) => ({ question: q.id, choices: [q.choices[0].id] })) }, contestants[i]))
const scored = (await payload.count({ collection: 'contest-attempts' as never, where: { and: [{ contest: { equals: contest.id } }, { score: { equals: 100 } }] }, overrideAccess: true })).totalDocs

process.stdout.write(`\ncheck-in, ${CONCURRENCY} concurrent clients, ${LEARNERS} learners, ${payload.db.name}\n`)
process.stdout.write('| run | requests/s | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |\n')
for (const [label, r] of [['GET /api/health (signed in)', health], ['POST check-in (one lecture of eight)', checkIns], ['POST check-in that completes the programme', completing], [`contest submissions in the last 3 s`, submissions]] as const) {
  process.stdout.write(`| ${label} | ${Math.round(r.rate)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} |\n`)
}
const ratio = checkIns.rate / health.rate
process.stdout.write(`\n${recorded === LEARNERS && refused === 0 ? 'met' : 'NOT met'}: every check-in recorded once (${recorded} of ${LEARNERS}, ${refused} refused)\n`)
process.stdout.write(`${ratio >= 0.5 ? 'met' : 'NOT met'}: check-in ${ratio.toFixed(2)} × GET /api/health (≥ 0.5)\n`)
process.stdout.write(`for the record: a check-in that completes the programme ${(completing.rate / health.rate).toFixed(2)} × GET /api/health (${completed} of ${LEARNERS} completions written)\n`)
process.stdout.write(`${scored === CONTESTANTS ? 'met' : 'NOT met'}: contest submissions at the deadline scored (${scored} of ${CONTESTANTS}; statuses ${[...new Set(submissions.statuses)].join(', ')})\n`)
await stop()
process.exit(0)
