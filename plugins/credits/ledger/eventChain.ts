/**
 * Appends events to a university's event chain: each takes the next position and links to the
 * event before it. The position is claimed through the unique `key` (chain:position), so two
 * writers never both link to the same predecessor. On PostgreSQL a failed insert would abort the
 * transaction it is in (a registrar's decision, written with the status it records), so every
 * writer of a chain queues on a transaction-scoped advisory lock first — in the request's
 * transaction, or in one of its own — and none collides with another. Elsewhere a writer that
 * lost the race tries again on the new head.
 */
import type { Payload, PayloadRequest } from 'payload'
import { idOf } from '../../../src/access'
import { retryWhileTaken } from '../../../src/retryWhileTaken'
import { lockUntilCommit } from '../../../src/transactionLock'
import { CREDIT_SLUGS } from '../constants'
import type { LedgerEventKind } from '../collections/LedgerEvents'
import { chainOf, eventContent, GENESIS, link } from './hashes'

type Id = number | string
type Doc = Record<string, any>

export type NewEvent = {
  kind: LedgerEventKind
  university: unknown
  record?: Id
  sequence?: number
  after?: number
  upTo?: number
  supersededBy?: Id
  by?: Id
  reason?: string | null
}
export type Head = { position: number; hash: string }

/** The event row that follows `head` in its chain, with its hashes. */
export function nextEvent(event: NewEvent, head: Head | undefined, at: string): Doc {
  const chain = chainOf(event.university)
  const position = (head?.position ?? 0) + 1
  const row = { ...event, university: idOf(event.university) ?? null, chain, position, key: `${chain}:${position}`, at }
  return { ...row, ...link(eventContent(row), head?.hash ?? GENESIS) }
}

export async function eventHead(payload: Payload, chain: string, req?: Partial<PayloadRequest>): Promise<Head | undefined> {
  const { docs } = await payload.find({ collection: CREDIT_SLUGS.ledgerEvents as never, where: { chain: { equals: chain } }, sort: '-position', limit: 1, depth: 0, overrideAccess: true, pagination: false, req })
  const head = docs[0] as Doc | undefined
  return head ? { position: Number(head.position), hash: head.hash } : undefined
}

/**
 * In this process, one append per chain at a time: Payload's bulk update runs its documents'
 * hooks concurrently in one transaction, where the advisory lock (re-entrant) does not order
 * them, and two of them read the same head.
 */
const appending = new Map<string, Promise<unknown>>()
function oneAtATime<T>(chain: string, work: () => Promise<T>): Promise<T> {
  const run = (appending.get(chain) ?? Promise.resolve()).then(work, work)
  const settled = run.catch(() => {})
  appending.set(chain, settled)
  void settled.then(() => appending.get(chain) === settled && appending.delete(chain))
  return run
}

/** Appends one event, in `req`'s transaction when it has one. */
export async function appendEvent(payload: Payload, event: NewEvent, req?: Partial<PayloadRequest>): Promise<Doc> {
  const chain = chainOf(event.university)
  const append = (within?: Partial<PayloadRequest>) =>
    retryWhileTaken('key', async () => {
      // The transaction's lock first, then this process's turn: a writer waiting for another
      // transaction's lock holds nobody else up here.
      await lockUntilCommit(payload, within, `credit-ledger:${chain}`)
      return oneAtATime(chain, async () => {
        const data = nextEvent(event, await eventHead(payload, chain, within), new Date().toISOString())
        return (await payload.create({ collection: CREDIT_SLUGS.ledgerEvents as never, data: data as never, overrideAccess: true, depth: 0, req: within })) as Doc
      })
    })
  if (payload.db.name !== 'postgres' || req?.transactionID) return append(req)
  // PostgreSQL without a transaction (a correction, a backfill): a transaction of its own, so that
  // it takes the chain's lock like every other writer.
  const transactionID = (await payload.db.beginTransaction()) as string | number
  try {
    const doc = await append({ transactionID })
    await payload.db.commitTransaction(transactionID)
    return doc
  } catch (error) {
    await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}
