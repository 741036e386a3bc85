import { limitPerUser } from '../../../src/http/rateLimit'
import { createHash } from 'node:crypto'
import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'
import { CORE } from '../../../collections/slugs'
import { userHasRole } from '../../../src/access'
import { errorResponse } from '../../../src/errors'
import { OPEN_COURSE_SLUGS } from '../constants'
import { definitionsOf, evaluateTouched, moduleWrites, queueCompletions } from '../progress/applyProgress'
import { courseDefinitions } from '../progress/courseDefinitions'
import { attemptTime, countsForModule, percentOf } from '../progress/countsForModule'
import type { ModuleEvent } from '../progress/moduleProgressStore'
import { newStatementId } from '../xapi/statementId'
import { type Statement, statementSchema } from '../xapi/statementSchema'
import { createStatementStore, type StatementRow, UniqueStatementError } from '../xapi/statementStore'

type Doc = Record<string, any>
const MAX_PER_REQUEST = 500
const VERSION = /^1\.0(\.\d+)?$/
/** Activity ids of modules: <anything>/modules/<id>, as the player sets them. */
const MODULE_ACTIVITY = /\/modules\/([0-9a-f]{24}|\d+)(?:[/?#]|$)/i


/** Statements by group commit; in the same transaction, the progress of the modules they count for. */
const newStore = (payload: Payload) =>
  createStatementStore(payload, {
    prepare: (events: ModuleEvent[]) => definitionsOf(payload, events),
    writes: (exec, events: ModuleEvent[]) => moduleWrites(payload, exec, events),
    within: (exec, events: ModuleEvent[], definitions) => evaluateTouched(payload, exec, events, definitions),
    after: (completed) => queueCompletions(payload, completed),
  })
const stores = new WeakMap<Payload, ReturnType<typeof newStore>>()
const storeOf = (payload: Payload) => {
  let store = stores.get(payload)
  if (!store) stores.set(payload, (store = newStore(payload)))
  return store
}

const hashOf = (s: Statement) => createHash('sha256').update(JSON.stringify({ ...s, id: undefined, stored: undefined, authority: undefined })).digest('hex')

function isCaller(req: PayloadRequest, actor: Statement['actor']): boolean {
  const user = req.user as Doc
  if (actor.mbox) return actor.mbox.toLowerCase() === `mailto:${String(user.email).toLowerCase()}`
  if (actor.account) return actor.account.name === String(user.id)
  return false
}

/** `POST /api/xapi/statements`: one statement or an array; answers the statement ids. */
export const postStatementsEndpoint: Endpoint = {
  path: '/xapi/statements',
  method: 'post',
  handler: async (req) => {
    const version = req.headers.get('x-experience-api-version')
    if (!version || !VERSION.test(version)) return errorResponse(400, `X-Experience-API-Version must be 1.0.3 (got ${version ? `"${version}"` : 'none'})`)
    if (!req.user) return errorResponse(401, 'sign in to send statements')
    const limited = limitPerUser('xapiPerUser', req.user, 'xAPI requests from your account')
    if (limited) return limited
    let body: unknown
    try {
      body = await req.json?.()
    } catch {
      return errorResponse(400, 'body must be a JSON statement or an array of statements')
    }
    const list = Array.isArray(body) ? body : [body]
    if (list.length === 0) return errorResponse(400, 'no statements')
    if (list.length > MAX_PER_REQUEST) return errorResponse(413, `at most ${MAX_PER_REQUEST} statements per request`)

    const statements: Statement[] = []
    for (const [i, raw] of list.entries()) {
      const parsed = statementSchema.safeParse(raw)
      if (!parsed.success) {
        const where = Array.isArray(body) ? `statements[${i}]` : 'statement'
        return errorResponse(400, parsed.error.issues.map((issue) => `${where}.${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '))
      }
      if (!isCaller(req, parsed.data.actor)) return errorResponse(403, `${Array.isArray(body) ? `statements[${i}]` : 'statement'}: the actor must be you (mbox mailto:${(req.user as Doc).email})`)
      statements.push({ ...parsed.data, id: parsed.data.id ?? newStatementId() })
    }
    const ids = statements.map((s) => s.id as string)
    if (new Set(ids).size !== ids.length) return errorResponse(400, 'the same statement id appears twice in this request')

    const { payload } = req
    const moduleIds = [...new Set(statements.map((s) => MODULE_ACTIVITY.exec(s.object.id)?.[1]).filter(Boolean))] as string[]
    const moduleById = await courseDefinitions(payload).modules(moduleIds)
    for (const s of statements) {
      const max = moduleById.get(MODULE_ACTIVITY.exec(s.object.id)?.[1] ?? '')?.maxScore
      const score = s.result?.score
      if (typeof max === 'number' && score && ((score.raw ?? 0) > max || (score.max ?? 0) > max)) {
        return errorResponse(400, `statement ${s.id}: score ${score.raw}/${score.max} is above the package's maximum of ${max}`)
      }
    }
    const stored = new Date().toISOString()
    const rows: StatementRow[] = statements.map((s) => {
      const module = moduleById.get(MODULE_ACTIVITY.exec(s.object.id)?.[1] ?? '')
      const score = s.result?.score
      const range = score?.max !== undefined ? score.max - (score.min ?? 0) : 0
      const scaled = score?.scaled ?? (score?.raw !== undefined && range > 0 ? (score.raw - (score.min ?? 0)) / range : undefined)
      return {
        statementId: s.id as string,
        learner: req.user!.id,
        verb: s.verb.id,
        activityId: s.object.id,
        module: module?.id ?? null,
        course: module?.course ?? null,
        scoreScaled: scaled ?? null,
        scoreRaw: score?.raw ?? null,
        scoreMax: score?.max ?? null,
        success: s.result?.success ?? null,
        completion: s.result?.completion ?? null,
        subStatement: Boolean((s.context?.contextActivities as Doc | undefined)?.parent),
        timestamp: s.timestamp ? new Date(s.timestamp).toISOString() : stored,
        stored,
        contentHash: hashOf(s),
        statement: { ...s, stored, authority: { objectType: 'Agent', account: { homePage: 'lianpei', name: String(req.user!.id) } } },
      }
    })
    const events = new Map<string, ModuleEvent>()
    for (const r of rows) {
      const module = r.module === null ? undefined : moduleById.get(String(r.module))
      if (module && countsForModule(module.kind, r as never)) {
        const at = attemptTime(r.timestamp as string, stored)
        events.set(r.statementId, { learner: r.learner as never, course: module.course, module: module.id, score: percentOf(r.scoreScaled as number | null), at })
      }
    }
    const eventsOf = (list: StatementRow[]) => list.map((r) => events.get(r.statementId)).filter((e): e is ModuleEvent => e !== undefined)
    try {
      await storeOf(payload).append(rows, eventsOf(rows))
    } catch (error) {
      // Repeated ids are rare: the unique index finds them on insert, and only then do we look.
      if (!(error instanceof UniqueStatementError)) throw error
      // Some ids exist: the same statement sent again is accepted, different content is a conflict.
      const { docs: existing } = await payload.find({
        collection: OPEN_COURSE_SLUGS.xapiStatements as never,
        where: { statementId: { in: ids } },
        depth: 0,
        overrideAccess: true,
        pagination: false,
      })
      const known = new Map((existing as Doc[]).map((d) => [d.statementId as string, d.contentHash as string]))
      const conflict = rows.find((r) => known.has(r.statementId) && known.get(r.statementId) !== r.contentHash)
      if (conflict) return errorResponse(409, `statement ${conflict.statementId} exists with different content`)
      const missing = rows.filter((r) => !known.has(r.statementId))
      if (missing.length > 0) await storeOf(payload).append(missing, eventsOf(missing))
    }
    return Response.json(ids)
  },
}

/** `GET /api/xapi/statements?agent=&verb=&activity=&since=&until=&limit=`: a learner's own, or any for staff. */
export const getStatementsEndpoint: Endpoint = {
  path: '/xapi/statements',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'sign in to read statements')
    const url = new URL(req.url ?? '', 'http://localhost')
    const and: Where[] = []
    const agent = url.searchParams.get('agent')
    if (agent) {
      let parsed: { mbox?: string; account?: { name?: string } }
      try {
        parsed = JSON.parse(agent)
      } catch {
        return errorResponse(400, 'agent must be a JSON agent, e.g. {"mbox":"mailto:someone@example.edu"}')
      }
      const email = parsed.mbox?.replace(/^mailto:/, '')
      const { docs } = await req.payload.find({ collection: CORE.users, where: email ? { email: { equals: email } } : { id: { equals: parsed.account?.name ?? '' } }, depth: 0, overrideAccess: true, limit: 1 })
      and.push({ learner: { equals: docs[0]?.id ?? -1 } })
    }
    const verb = url.searchParams.get('verb')
    if (verb) and.push({ verb: { equals: verb } })
    const activity = url.searchParams.get('activity')
    if (activity) and.push({ activityId: { equals: activity } })
    for (const [param, op] of [['since', 'greater_than'], ['until', 'less_than_equal']] as const) {
      const value = url.searchParams.get(param)
      if (!value) continue
      if (Number.isNaN(Date.parse(value))) return errorResponse(400, `${param} must be an ISO 8601 timestamp`)
      and.push({ stored: { [op]: new Date(value).toISOString() } })
    }
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 1000)
    // Access narrows this to the caller's own statements unless they are staff.
    const { docs } = await req.payload.find({
      collection: OPEN_COURSE_SLUGS.xapiStatements as never,
      where: { and },
      sort: '-stored',
      limit,
      depth: 0,
      overrideAccess: userHasRole(req.user, 'admin', 'organizer'),
      user: req.user,
      req,
    })
    return Response.json({ statements: (docs as Doc[]).map((d) => d.statement), more: '' }, { headers: { 'X-Experience-API-Version': '1.0.3' } })
  },
}
