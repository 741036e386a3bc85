/**
 * The simulated users of bench/load, on a worker thread of their own so that the server's thread
 * is billed for the server's work only. Learners browse the portal, enrol, play (post statements)
 * and check in; registrars pull the feed; the organiser shows the check-in code and watches
 * arrivals. Each loop runs until the deadline; the worker posts every request's action, status
 * and milliseconds back.
 */
import { randomUUID } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'

export type LoadPlan = {
  base: string
  deadline: number
  learners: Array<{ token: string; mbox: string }>
  registrarKeys: string[]
  organizerToken: string
  courseIds: Array<number | string>
  moduleIds: Array<number | string>
  sessionId: number | string
}
export type Sample = [action: string, status: number, ms: number]

const plan = workerData as LoadPlan
const samples: Sample[] = []
let code = ''

async function timed(action: string, path: string, init: RequestInit = {}): Promise<{ status: number; text: string } | undefined> {
  const started = performance.now()
  try {
    const res = await fetch(`${plan.base}${path}`, init)
    const text = await res.text()
    samples.push([action, res.status, performance.now() - started])
    return { status: res.status, text }
  } catch {
    samples.push([action, 0, performance.now() - started])
    return undefined
  }
}
const json = (token: string, body: unknown, extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, ...extra },
  body: JSON.stringify(body),
})
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]
const live = () => Date.now() < plan.deadline

async function learner(me: LoadPlan['learners'][number]) {
  const cookie = { headers: { cookie: `payload-token=${me.token}` } }
  let checkedIn = false
  while (live()) {
    await timed('portal: catalogue (home)', '/', cookie)
    await timed('portal: catalogue search', `/?q=${encodeURIComponent('智能')}`, cookie)
    const course = pick(plan.courseIds)
    await timed('portal: course page', `/courses/${course}`, cookie)
    await timed('enrol', '/api/enrollments', json(me.token, { source: { relationTo: 'courses', value: course } }))
    for (let play = 0; play < 3 && live(); play++) {
      const statements = Array.from({ length: 3 }, () => ({
        id: randomUUID(),
        actor: { mbox: me.mbox },
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
        object: { id: `${plan.base}/modules/${pick(plan.moduleIds)}` },
        result: { score: { scaled: Math.round(Math.random() * 100) / 100 }, completion: true },
      }))
      await timed('xAPI statements (3)', '/api/xapi/statements', json(me.token, statements, { 'X-Experience-API-Version': '1.0.3' }))
    }
    await timed('portal: my learning', '/learning', cookie)
    if (!checkedIn && code) {
      const res = await timed('check in', `/api/camp-sessions/${plan.sessionId}/check-in`, json(me.token, { code }))
      checkedIn = res !== undefined && res.status < 500
    }
  }
}

async function registrar(key: string) {
  let since = ''
  while (live()) {
    const res = await timed('credit feed (100)', `/api/credit-feed?limit=100${since ? `&since=${encodeURIComponent(since)}` : ''}`, { headers: { authorization: `users API-Key ${key}` } })
    if (res?.status !== 200) continue
    // Page on; start over once the university's records are all read, as a nightly sync would.
    const body = JSON.parse(res.text) as { nextCursor?: string; hasMore?: boolean }
    since = body.hasMore ? (body.nextCursor ?? '') : ''
    if (!body.hasMore) await new Promise((r) => setTimeout(r, 500))
  }
}

async function organizer() {
  const auth = { headers: { authorization: `JWT ${plan.organizerToken}` } }
  while (live()) {
    const res = await timed('check-in code', `/api/camp-sessions/${plan.sessionId}/check-in-code`, auth)
    if (res?.status === 200) code = (JSON.parse(res.text) as { code: string }).code
    await timed('arrivals', `/api/camp-sessions/${plan.sessionId}/arrivals`, auth)
    await new Promise((r) => setTimeout(r, 1000))
  }
}

await Promise.all([...plan.learners.map(learner), ...plan.registrarKeys.map(registrar), organizer()])
parentPort!.postMessage(samples)
