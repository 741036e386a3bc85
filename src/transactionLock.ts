/**
 * A lock held until the request's transaction ends, for rules that read several rows and then
 * write one (a round's budget against its awards, a ledger chain's head). On PostgreSQL it is a
 * transaction-scoped advisory lock: the second writer waits for the first to commit, and its
 * next read sees what the first wrote. Elsewhere it does nothing: this project runs SQLite without
 * transactions, and MongoDB has no such lock; there the unique keys the callers claim settle
 * races between writers of one kind (two awards), not between kinds (an award and a lowered
 * budget), as the README says under "Featured courses".
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

export async function lockUntilCommit(payload: Payload, req: Partial<PayloadRequest> | undefined, key: string): Promise<void> {
  if (payload.db.name !== 'postgres' || !req?.transactionID) return
  const session = (payload.db as unknown as { sessions?: Record<string, { db: { execute: (q: unknown) => Promise<unknown> } }> }).sessions?.[String(await req.transactionID)]
  // A transaction id with no session behind it: the rule this lock keeps would silently not hold.
  if (!session) throw new Error(`lockUntilCommit(${key}): no database session for transaction ${String(await req.transactionID)}`)
  await session.db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
}
