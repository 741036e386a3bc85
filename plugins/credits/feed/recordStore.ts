/**
 * The credit feed's narrow storage module (architecture: "Hot paths"). Reads by keyset — ordered
 * by sequence, page by page, never offset paging — and marks pages delivered in one statement.
 * It goes through the adapter's own find/updateMany (payload.db), which every adapter implements,
 * so it stays database-neutral while skipping the per-document hooks a feed does not need: the
 * records are append-only and their access is checked once per request, by the endpoint.
 */
import type { Payload, Where } from 'payload'
import { CREDIT_SLUGS } from '../constants'

type Doc = Record<string, any>

export async function readPage(payload: Payload, university: string | number, afterSequence: number, size: number): Promise<Doc[]> {
  const where: Where = { and: [{ homeUniversity: { equals: university } }, { sequence: { greater_than: afterSequence } }] }
  const result = await payload.db.find({ collection: CREDIT_SLUGS.records as never, where, sort: 'sequence', limit: size, pagination: false })
  return result.docs as Doc[]
}

/** issued → delivered for these records; other statuses are left as they are. */
export async function markDelivered(payload: Payload, ids: Array<string | number>, at: string): Promise<void> {
  if (ids.length === 0) return
  await payload.db.updateMany({
    collection: CREDIT_SLUGS.records as never,
    where: { and: [{ id: { in: ids } }, { status: { equals: 'issued' } }] },
    data: { status: 'delivered', deliveredAt: at },
  } as never)
}
