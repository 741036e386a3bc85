/**
 * The xAPI ingest's narrow storage module (architecture: "Hot paths"): group commit. A request
 * hands over its validated rows and waits; one bulk insert takes everything queued (every few
 * milliseconds or 100 rows) and each waiting request is answered after its batch commits, so an
 * acknowledged statement is durable without a commit per statement.
 *
 * SQL databases insert through drizzle into the collection's own table; MongoDB through the
 * adapter's model insertMany (configured, untested here). No Payload hook is skipped that does
 * anything for this collection: it has none; timestamps are set here.
 */
import type { Payload } from 'payload'
import { OPEN_COURSE_SLUGS } from '../constants'

export type StatementRow = Record<string, unknown> & { statementId: string }

type Waiter = { rows: StatementRow[]; resolve: () => void; reject: (error: unknown) => void }

const TABLE = OPEN_COURSE_SLUGS.xapiStatements.replace(/-/g, '_')
const MAX_BATCH = 100
const WAIT_MS = 4

export class UniqueStatementError extends Error {}

export function createStatementStore(payload: Payload) {
  let queue: Waiter[] = []
  let timer: NodeJS.Timeout | undefined
  let flushing = Promise.resolve()

  async function insert(rows: StatementRow[]): Promise<void> {
    const now = new Date().toISOString()
    const stamped = rows.map((r) => ({ ...r, createdAt: now, updatedAt: now }))
    const db = payload.db as unknown as { drizzle?: any; tables?: Record<string, any>; collections?: Record<string, any> }
    if (db.drizzle && db.tables?.[TABLE]) {
      await db.drizzle.insert(db.tables[TABLE]).values(stamped)
      return
    }
    await db.collections![OPEN_COURSE_SLUGS.xapiStatements].insertMany(stamped)
  }

  async function flush(): Promise<void> {
    timer = undefined
    const batch: Waiter[] = []
    let size = 0
    while (queue.length > 0 && size < MAX_BATCH) {
      const next = queue.shift() as Waiter
      batch.push(next)
      size += next.rows.length
    }
    if (queue.length > 0) schedule()
    if (batch.length === 0) return
    try {
      await insert(batch.flatMap((w) => w.rows))
      for (const w of batch) w.resolve()
    } catch {
      // One request's rows broke the batch (a duplicate id that raced past the check):
      // commit the others one request at a time, and fail only the one at fault.
      for (const w of batch) {
        try {
          await insert(w.rows)
          w.resolve()
        } catch (error) {
          w.reject(new UniqueStatementError((error as Error).message))
        }
      }
    }
  }

  function schedule() {
    const queued = queue.reduce((n, w) => n + w.rows.length, 0)
    if (queued >= MAX_BATCH) {
      if (timer) clearTimeout(timer)
      timer = undefined
      flushing = flushing.then(flush)
    } else if (!timer) {
      timer = setTimeout(() => {
        flushing = flushing.then(flush)
      }, WAIT_MS)
    }
  }

  return {
    /** Resolves once the rows are committed. */
    append(rows: StatementRow[]): Promise<void> {
      if (rows.length === 0) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        queue.push({ rows, resolve, reject })
        schedule()
      })
    },
  }
}
