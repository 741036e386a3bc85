/**
 * A lock held until the request's transaction ends, for rules that read several rows and then
 * write one (a round's budget against its awards, a ledger chain's head). On PostgreSQL it is a
 * transaction-scoped advisory lock: the second writer waits for the first to commit, and its
 * next read sees what the first wrote. SQLite runs one writer at a time already. MongoDB has no
 * such lock: there the unique keys the callers claim settle a race (documented, untested here).
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

export async function lockUntilCommit(payload: Payload, req: Partial<PayloadRequest> | undefined, key: string): Promise<void> {
  if (payload.db.name !== 'postgres' || !req?.transactionID) return
  const session = (payload.db as unknown as { sessions?: Record<string, { db: { execute: (q: unknown) => Promise<unknown> } }> }).sessions?.[String(await req.transactionID)]
  await session?.db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
}
