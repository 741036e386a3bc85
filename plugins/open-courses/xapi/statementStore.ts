/**
 * The xAPI ingest's narrow storage module (architecture: "Hot paths"): group commit. A request
 * hands over its validated rows and waits; everything queued (every few milliseconds or 100 rows)
 * is committed at once — one bulk insert and, atomically with it, the batch's own writes (the
 * progress of the modules its statements count for) — then the batch's own work runs, and each
 * waiting request is answered after that, so an acknowledged statement is durable without a
 * commit per statement. The next batch waits only for the commit, not for that work.
 *
 * SQL databases insert into the collection's own table (src/jsonParameter.ts); MongoDB through the
 * adapter's model insertMany (configured, untested here). No Payload hook is skipped that does
 * anything for this collection: it has none; timestamps are set here.
 */
import type { Payload } from 'payload'
import { OPEN_COURSE_SLUGS } from '../constants'
import { isUniqueConstraintError } from '../../../src/errors'
import { insertRows } from '../../../src/jsonParameter'
import { commitThen, type Executor } from '../progress/moduleProgressStore'

export type StatementRow = Record<string, unknown> & { statementId: string }

/** What a batch does besides storing its statements, with what each request handed over beside them. */
export type BatchWork<E, P, R> = {
  /** Reads before the transaction opens: inside it, they would wait for a second pool connection while holding one. */
  prepare: (extras: E[]) => Promise<P>
  /** Writes committed atomically with the statements (see commitThen). */
  writes: (exec: Executor, extras: E[]) => unknown[]
  /** Then, in the same transaction where there is one. */
  within: (exec: Executor, extras: E[], prepared: P) => Promise<R>
  /** After the commit, before the requests are answered; a failure is logged, the statements stay. */
  after: (result: R) => Promise<void>
}

type Waiter<E> = { rows: StatementRow[]; extras: E[]; resolve: () => void; reject: (error: unknown) => void }

const TABLE = OPEN_COURSE_SLUGS.xapiStatements.replace(/-/g, '_')
const MAX_BATCH = 100
const WAIT_MS = 4

export class UniqueStatementError extends Error {}

export function createStatementStore<E, P, R>(payload: Payload, work: BatchWork<E, P, R>) {
  let queue: Waiter<E>[] = []
  let timer: NodeJS.Timeout | undefined
  // SQLite has one connection, and its evaluation after the commit relies on batches committing
  // one after the other; PostgreSQL's pool lets a few batches overlap their round trips (each
  // takes its row locks in key order, module rows before enrolments, so they cannot deadlock).
  const lanes = (payload.db as { name?: string }).name === 'postgres' ? 4 : 1
  let running = 0

  /**
   * Commits the waiters' rows and writes; resolves at the commit, with the promise of the rest
   * (`within` where it runs after the commit, then `after`), which the next batch does not wait for.
   */
  async function commit(waiters: Waiter<E>[]): Promise<{ rest: Promise<void> }> {
    const now = new Date().toISOString()
    const stamped = waiters.flatMap((w) => w.rows).map((r) => ({ ...r, createdAt: now, updatedAt: now }))
    const db = payload.db as unknown as { drizzle?: any; tables?: Record<string, any>; collections?: Record<string, any> }
    const extras = waiters.flatMap((w) => w.extras)
    const prepared = await work.prepare(extras)
    const { result } = await commitThen(
      payload,
      (exec) => [exec ? insertRows(payload.db.name, exec, db.tables![TABLE], stamped) : () => db.collections![OPEN_COURSE_SLUGS.xapiStatements].insertMany(stamped), ...work.writes(exec, extras)],
      (exec) => work.within(exec, extras, prepared),
    )
    const rest = result.then(work.after).catch((error) => {
      payload.logger.error({ err: error }, 'xAPI: work after a committed batch failed; the statements are stored')
    })
    return { rest }
  }

  async function flush(): Promise<void> {
    const batch: Waiter<E>[] = []
    let size = 0
    while (queue.length > 0 && size < MAX_BATCH) {
      const next = queue.shift() as Waiter<E>
      batch.push(next)
      size += next.rows.length
    }
    if (batch.length === 0) return
    try {
      const { rest } = await commit(batch)
      void rest.then(() => batch.forEach((w) => w.resolve()))
    } catch {
      // One request's rows broke the batch (a duplicate id): commit the others one request at a
      // time, and fail only the one at fault; its progress was rolled back with its rows.
      for (const w of batch) {
        try {
          const { rest } = await commit([w])
          void rest.then(() => w.resolve())
        } catch (error) {
          w.reject(isUniqueConstraintError(error) ? new UniqueStatementError((error as Error).message) : error)
        }
      }
    }
  }

  function start() {
    while (running < lanes && queue.length > 0) {
      running++
      void flush().finally(() => {
        running--
        if (queue.length > 0) schedule()
      })
    }
  }

  function schedule() {
    const queued = queue.reduce((n, w) => n + w.rows.length, 0)
    if (queued >= MAX_BATCH) {
      if (timer) clearTimeout(timer)
      timer = undefined
      start()
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = undefined
        start()
      }, WAIT_MS)
    }
  }

  return {
    /** Resolves once the rows (and what the batch did with `extras`) are committed. */
    append(rows: StatementRow[], extras: E[] = []): Promise<void> {
      if (rows.length === 0) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        queue.push({ rows, extras, resolve, reject })
        schedule()
      })
    },
  }
}
