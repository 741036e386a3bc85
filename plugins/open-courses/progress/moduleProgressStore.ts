/**
 * The progress path's narrow storage module (architecture: "Hot paths"). Per learner × module one
 * row, updated in place by an atomic upsert — attempts and score sums added, the best score kept by
 * comparison, the last score replaced only by a later one — so a statement costs the same with 10
 * or 100 000 earlier ones, and statements arriving out of order or from several tabs at once never
 * lose a module or bring back an older figure. An enrolment's progress is only ever raised here.
 *
 * SQL databases go through drizzle on the collections' own tables (SQLite and PostgreSQL share
 * the statements; column names come from the adapter's tables); MongoDB through the adapter's
 * mongoose models (configured, untested here: no MongoDB server on our machines). Neither
 * collection has hooks that these writes skip; timestamps are set here.
 */
import { sql } from '@payloadcms/db-sqlite'
import { commitTransaction, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { inKeys, insertRows, type Upsert } from '../../../src/jsonParameter'
import { OPEN_COURSE_SLUGS } from '../constants'
import type { ModuleState } from './evaluateCourseProgress'

type Id = number | string
type Doc = Record<string, any>

/** One statement that counts towards a module, on the course's 0–100 scale. */
export type ModuleEvent = { learner: Id; course: Id; module: Id; score: number | null; at: string }

/** What one batch adds to one learner × module. */
export type ModuleDelta = {
  key: string
  learner: Id
  course: Id
  module: Id
  attempts: number
  scoredAttempts: number
  bestScore: number | null
  lastScore: number | null
  lastScoreAt: string | null
  scoreSum: number | null
  firstDoneAt: string
  lastAttemptAt: string
}

export type EnrollmentState = { key: string; id: Id; status: string; progress: number }

/** A drizzle database or transaction (SQL), or null on MongoDB. */
export type Executor = any

export const moduleKey = (learner: Id, module: Id) => `${learner}:${module}`
export const enrollmentKey = (learner: Id, course: Id) => `${learner}:${CORE.courses}:${course}`

const PROGRESS_TABLE = OPEN_COURSE_SLUGS.moduleProgress.replace(/-/g, '_')
const KEYS_PER_READ = 1000
const ENROLLMENTS_TABLE = CORE.enrollments

type SqlAdapter = { name: string; drizzle: any; tables: Record<string, any> }
const sqlAdapterOf = (payload: Payload): SqlAdapter | undefined => {
  const db = payload.db as unknown as Partial<SqlAdapter>
  return db.drizzle && db.tables?.[PROGRESS_TABLE] ? (db as SqlAdapter) : undefined
}
const mongoModel = (payload: Payload, slug: string) => (payload.db as unknown as { collections: Record<string, any> }).collections[slug]

/** One batch's events folded into one delta per learner × module, in key order (the lock order). */
export function foldEvents(events: ModuleEvent[]): ModuleDelta[] {
  const deltas = new Map<string, ModuleDelta>()
  for (const e of events) {
    const key = moduleKey(e.learner, e.module)
    let d = deltas.get(key)
    if (!d) {
      d = { key, learner: e.learner, course: e.course, module: e.module, attempts: 0, scoredAttempts: 0, bestScore: null, lastScore: null, lastScoreAt: null, scoreSum: null, firstDoneAt: e.at, lastAttemptAt: e.at }
      deltas.set(key, d)
    }
    d.attempts += 1
    if (e.at < d.firstDoneAt) d.firstDoneAt = e.at
    if (e.at > d.lastAttemptAt) d.lastAttemptAt = e.at
    if (e.score === null) continue
    d.scoredAttempts += 1
    d.scoreSum = (d.scoreSum ?? 0) + e.score
    if (d.bestScore === null || e.score > d.bestScore) d.bestScore = e.score
    if (d.lastScoreAt === null || e.at >= d.lastScoreAt) {
      d.lastScore = e.score
      d.lastScoreAt = e.at
    }
  }
  return [...deltas.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * Commits `writes` atomically, then runs `then`; resolves once the writes are committed, with
 * what `then` will answer. Several writes on PostgreSQL go as one statement, each a
 * data-modifying WITH clause.
 * - PostgreSQL: one transaction holds both, so that `then` reads what the writes did and its
 *   locks order concurrent processes; it resolves after the commit. It is `req`'s own: a `req`
 *   without one (a job's) is given one here, so that whatever `then` reads through the Local API
 *   with `req` shares its connection. Waiting for a second connection while holding one
 *   deadlocked every completion job once ten of them did so at once (the pool's size).
 * - SQLite: Payload's adapter runs without transactions on one connection. libSQL executes a
 *   batch synchronously between BEGIN and COMMIT, so nothing else in the process interleaves;
 *   `then` follows on the same connection, after the commit, and the caller need not wait for it:
 *   a later batch can only commit after this one, so its `then` sees this one's rows too.
 * - MongoDB (untested here): the writes are thunks, run in order.
 */
export async function commitThen<T>(payload: Payload, writes: (exec: Executor) => unknown[], then: (exec: Executor) => Promise<T>, req?: Partial<PayloadRequest>): Promise<{ result: Promise<T> }> {
  const db = sqlAdapterOf(payload)
  if (!db) {
    for (const write of writes(null)) await (write as () => Promise<unknown>)()
    return { result: then(null) }
  }
  if (db.name === 'sqlite') {
    const queries = writes(db.drizzle)
    if (queries.length > 0) await db.drizzle.batch(queries)
    return { result: then(db.drizzle) }
  }
  const work = async (tx: Executor) => {
    await inOneStatement(tx, writes(tx))
    return then(tx)
  }
  if (!req?.payload) return { result: Promise.resolve(await db.drizzle.transaction(work)) }
  let owned = false
  try {
    owned = await initTransaction(req as PayloadRequest)
  } catch (error) {
    delete req.transactionID // a failed start leaves a rejected promise there for every later use of req
    throw error
  }
  try {
    const id = await req.transactionID
    const session = (payload.db as unknown as { sessions?: Record<string, { db: Executor }> }).sessions?.[String(id)]
    // A transaction of our own here would bring back the second connection this avoids.
    if (!session) throw new Error(`the request's transaction ${String(id)} has ended; its progress was not evaluated`)
    const result: T = await work(session.db)
    if (owned) await commitTransaction(req as PayloadRequest)
    return { result: Promise.resolve(result) }
  } catch (error) {
    if (owned) await killTransaction(req as PayloadRequest)
    throw error
  }
}

/** PostgreSQL: drizzle queries run as one statement (a round trip under load costs about as much as the work it carries). */
async function inOneStatement(exec: Executor, queries: unknown[]): Promise<void> {
  if (queries.length <= 1) {
    await queries[0]
    return
  }
  const clauses = (queries as Array<{ getSQL: () => unknown }>).map((query, i) => sql`${sql.raw(`w${i}`)} as (${query.getSQL()})`)
  await exec.execute(sql`with ${sql.join(clauses, sql`, `)} select 1`)
}

/** commitThen, waiting for `then` as well. */
export const writeAtomically = async <T>(payload: Payload, writes: (exec: Executor) => unknown[], then: (exec: Executor) => Promise<T>, req?: Partial<PayloadRequest>): Promise<T> =>
  (await commitThen(payload, writes, then, req)).result

/** How a delta is added to its stored row, in SQL: the same on SQLite and PostgreSQL. */
function addToRow(db: SqlAdapter): Upsert {
  const current = (field: string) => `"${PROGRESS_TABLE}"."${db.tables[PROGRESS_TABLE][field].name}"`
  const excluded = (field: string) => `excluded."${db.tables[PROGRESS_TABLE][field].name}"`
  const later = `${excluded('lastScoreAt')} is not null and (${current('lastScoreAt')} is null or ${excluded('lastScoreAt')} >= ${current('lastScoreAt')})`
  const set = {
    // A module may have moved to another course: the row follows it.
    course: excluded('course'),
    attempts: `${current('attempts')} + ${excluded('attempts')}`,
    scoredAttempts: `${current('scoredAttempts')} + ${excluded('scoredAttempts')}`,
    scoreSum: `case when ${excluded('scoreSum')} is null then ${current('scoreSum')} else coalesce(${current('scoreSum')}, 0) + ${excluded('scoreSum')} end`,
    bestScore: `case when ${current('bestScore')} is null or ${excluded('bestScore')} > ${current('bestScore')} then ${excluded('bestScore')} else ${current('bestScore')} end`,
    lastScore: `case when ${later} then ${excluded('lastScore')} else ${current('lastScore')} end`,
    lastScoreAt: `case when ${later} then ${excluded('lastScoreAt')} else ${current('lastScoreAt')} end`,
    firstDoneAt: `case when ${excluded('firstDoneAt')} < ${current('firstDoneAt')} then ${excluded('firstDoneAt')} else ${current('firstDoneAt')} end`,
    lastAttemptAt: `case when ${excluded('lastAttemptAt')} > ${current('lastAttemptAt')} then ${excluded('lastAttemptAt')} else ${current('lastAttemptAt')} end`,
    updatedAt: excluded('updatedAt'),
  }
  return { target: 'key', set }
}

export function createModuleProgressStore(payload: Payload) {
  const db = sqlAdapterOf(payload)
  const upsert = db ? addToRow(db) : undefined
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

  /**
   * Adds each delta to its row, creating the row when the module is first done: the write to
   * commit with the batch (a drizzle query on SQL, a thunk on MongoDB), or none.
   */
  function deltaWrites(exec: Executor, deltas: ModuleDelta[]): unknown[] {
    if (deltas.length === 0) return []
    const now = new Date().toISOString()
    if (db) {
      const rows = deltas.map((d) => ({ ...d, createdAt: now, updatedAt: now }))
      return [insertRows(db.name, exec, db.tables[PROGRESS_TABLE], rows, upsert)]
    }
    const bulk = () => mongoModel(payload, OPEN_COURSE_SLUGS.moduleProgress).bulkWrite(
      deltas.map((d) => ({
        updateOne: {
          filter: { key: d.key },
          upsert: true,
          // An update pipeline, so that every field is computed from the stored row in one step.
          update: [
            {
              $set: {
                learner: d.learner,
                course: d.course,
                module: d.module,
                attempts: { $add: [{ $ifNull: ['$attempts', 0] }, d.attempts] },
                scoredAttempts: { $add: [{ $ifNull: ['$scoredAttempts', 0] }, d.scoredAttempts] },
                scoreSum: d.scoreSum === null ? '$scoreSum' : { $add: [{ $ifNull: ['$scoreSum', 0] }, d.scoreSum] },
                bestScore: d.bestScore === null ? '$bestScore' : { $max: ['$bestScore', d.bestScore] },
                lastScore: d.lastScoreAt === null ? '$lastScore' : { $cond: [{ $gte: [new Date(d.lastScoreAt), { $ifNull: ['$lastScoreAt', new Date(0)] }] }, d.lastScore, '$lastScore'] },
                lastScoreAt: d.lastScoreAt === null ? '$lastScoreAt' : { $max: ['$lastScoreAt', new Date(d.lastScoreAt)] },
                firstDoneAt: { $min: [{ $ifNull: ['$firstDoneAt', new Date(d.firstDoneAt)] }, new Date(d.firstDoneAt)] },
                lastAttemptAt: { $max: ['$lastAttemptAt', new Date(d.lastAttemptAt)] },
                createdAt: { $ifNull: ['$createdAt', new Date(now)] },
                updatedAt: new Date(now),
              },
            },
          ],
        },
      })),
    )
    return [bulk]
  }

  /**
   * The rows behind these keys (learner × module, `moduleKey`), by learner then module: exactly
   * the rows an evaluation needs, O(required modules of the courses evaluated), found by the
   * unique key. By module, not by the course a row last recorded, as modules may move. Asked by
   * learners and modules instead, SQLite's planner took the module index and read every
   * learner's row of those modules: a cost that grew with the course's enrolments.
   */
  async function readStates(exec: Executor, keys: string[]): Promise<Map<string, Map<string, ModuleState>>> {
    const result = new Map<string, Map<string, ModuleState>>()
    if (keys.length === 0) return result
    const rows: Doc[] = []
    // In parts: a re-evaluation's enrolments × a long course's required modules can be hundreds
    // of thousands of keys. (They once were one parameter each, and passed PostgreSQL's limit of
    // 65 535; they are one JSON parameter now, and the parts keep each read's answer bounded.)
    for (let from = 0; from < keys.length; from += KEYS_PER_READ) {
      const part = keys.slice(from, from + KEYS_PER_READ)
      if (db) {
        const t = db.tables[PROGRESS_TABLE]
        rows.push(
          ...(await exec
            .select({ learner: t.learner, module: t.module, attempts: t.attempts, scoredAttempts: t.scoredAttempts, bestScore: t.bestScore, lastScore: t.lastScore, scoreSum: t.scoreSum })
            .from(t)
            .where(inKeys(db.name, t.key, part))),
        )
      } else {
        rows.push(...(await mongoModel(payload, OPEN_COURSE_SLUGS.moduleProgress).find({ key: { $in: part } }).lean()))
      }
    }
    for (const r of rows) {
      const learner = String(r.learner)
      if (!result.has(learner)) result.set(learner, new Map())
      result.get(learner)!.set(String(r.module), {
        module: String(r.module),
        attempts: Number(r.attempts),
        scoredAttempts: Number(r.scoredAttempts),
        bestScore: num(r.bestScore),
        lastScore: num(r.lastScore),
        scoreSum: num(r.scoreSum),
      })
    }
    return result
  }

  /**
   * The enrolments behind these keys. On PostgreSQL they are locked (in key order) until the
   * transaction ends, so that two processes evaluating one learner's course take turns and the
   * second sees the first's modules; SQLite's write lock already serialises writers.
   */
  async function lockEnrollments(exec: Executor, keys: string[]): Promise<Map<string, EnrollmentState>> {
    if (keys.length === 0) return new Map()
    const sorted = [...new Set(keys)].sort()
    let rows: Doc[]
    if (db) {
      const t = db.tables[ENROLLMENTS_TABLE]
      const query = exec
        .select({ id: t.id, key: t.key, status: t.status, progress: t.progress })
        .from(t)
        .where(inKeys(db.name, t.key, sorted))
        .orderBy(t.key)
      rows = db.name === 'postgres' ? await query.for('update') : await query
    } else {
      rows = (await mongoModel(payload, CORE.enrollments).find({ key: { $in: sorted } }).lean()).map((d: Doc) => ({ ...d, id: String(d._id) }))
    }
    return new Map(rows.map((r) => [r.key as string, { key: r.key, id: r.id, status: r.status, progress: Number(r.progress ?? 0) }]))
  }

  /**
   * Sets enrolments' progress: `raise` only ever moves it up (ingest: a newer state never loses
   * to an older one); `exact` sets it (re-evaluation after the course's rule changed). One
   * statement for all of them, the changes as one JSON parameter: on SQLite it runs after the
   * statements' commit, where each update alone was a commit of its own waiting for the disk
   * (synchronous=FULL); on PostgreSQL each was a round trip, 0.12 ms of a player statement's time
   * (bench:xapi-ingest, 2026-11-29).
   */
  async function writeProgress(exec: Executor, changes: Array<{ key: string; progress: number }>, mode: 'raise' | 'exact'): Promise<void> {
    if (changes.length === 0) return
    const now = new Date().toISOString()
    if (db) {
      const t = db.tables[ENROLLMENTS_TABLE]
      const column = (field: string) => `"${t[field].name}"`
      const stored = (field: string) => `"${ENROLLMENTS_TABLE}".${column(field)}`
      const [key, progress, source] =
        db.name === 'sqlite' ? [`json_extract(j.value, '$[0]')`, `json_extract(j.value, '$[1]')`, 'json_each('] : [`(j.value->>0)`, `(j.value->>1)::numeric`, 'json_array_elements(']
      const guard = `(${stored('progress')} is null or ${stored('progress')} ${mode === 'raise' ? '<' : '<>'} ${progress})`
      const pairs = JSON.stringify(changes.map((c) => [c.key, c.progress]))
      const json = db.name === 'sqlite' ? pairs : sql`${pairs}::json`
      const update = sql`update "${sql.raw(ENROLLMENTS_TABLE)}" set ${sql.raw(`${column('progress')} = ${progress}, ${column('updatedAt')} = `)}${now} from ${sql.raw(source)}${json}) as j where ${sql.raw(`${stored('key')} = ${key} and ${guard}`)}`
      await (db.name === 'sqlite' ? exec.run(update) : exec.execute(update))
      return
    }
    await mongoModel(payload, CORE.enrollments).bulkWrite(
      changes.map(({ key, progress }) => ({
        updateOne: { filter: { key, progress: mode === 'raise' ? { $not: { $gte: progress } } : { $ne: progress } }, update: { $set: { progress, updatedAt: new Date(now) } } },
      })),
    )
  }

  /** An active enrolment marked completed, after its completion was written. */
  async function markCompleted(exec: Executor, key: string, at: string): Promise<void> {
    if (db) {
      const t = db.tables[ENROLLMENTS_TABLE]
      await exec.update(t).set({ status: 'completed', completedAt: at, progress: 100, updatedAt: at }).where(sql`${t.key} = ${key} and ${t.status} = 'active'`)
      return
    }
    await mongoModel(payload, CORE.enrollments).updateOne({ key, status: 'active' }, { $set: { status: 'completed', completedAt: new Date(at), progress: 100, updatedAt: new Date(at) } })
  }

  /** The write that removes the rows of these modules, or all: a rebuild starts from nothing. */
  function clearWrites(exec: Executor, modules?: Id[]): unknown[] {
    if (modules !== undefined && modules.length === 0) return []
    if (db) {
      const t = db.tables[PROGRESS_TABLE]
      return [modules === undefined ? exec.delete(t) : exec.delete(t).where(sql`${t.module} in (${sql.join(modules.map((m) => sql`${m}`), sql`, `)})`)]
    }
    return [() => mongoModel(payload, OPEN_COURSE_SLUGS.moduleProgress).deleteMany(modules === undefined ? {} : { module: { $in: modules } })]
  }

  return { deltaWrites, readStates, lockEnrollments, writeProgress, markCompleted, clearWrites }
}

export type ModuleProgressStore = ReturnType<typeof createModuleProgressStore>

const stores = new WeakMap<Payload, ModuleProgressStore>()
export function moduleProgressStore(payload: Payload): ModuleProgressStore {
  let store = stores.get(payload)
  if (!store) stores.set(payload, (store = createModuleProgressStore(payload)))
  return store
}
