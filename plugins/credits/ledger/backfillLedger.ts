/**
 * Brings records issued before the ledger into it, once, from the migration that adds it: links
 * each university's unhashed records in sequence order, and appends one event for each status or
 * correction they already had, marked as found when the ledger began. Records that already carry
 * hashes are left as they are, so running it again changes nothing.
 */
import type { Payload, PayloadRequest } from 'payload'
import { idOf } from '../../../src/access'
import { CREDIT_SLUGS } from '../constants'
import type { LedgerEventKind } from '../collections/LedgerEvents'
import { appendEvent } from './eventChain'
import { GENESIS, link, recordContent } from './hashes'

type Doc = Record<string, any>

/** `req`: the migration's, so that it writes in the migration's transaction. */
export async function backfillLedger(payload: Payload, req?: Partial<PayloadRequest>): Promise<number> {
  const { totalDocs } = await payload.count({ collection: CREDIT_SLUGS.records as never, where: { hash: { exists: false } }, overrideAccess: true, req })
  if (totalDocs === 0) return 0
  const { docs } = await payload.find({ collection: CREDIT_SLUGS.records as never, sort: 'sequence', depth: 0, overrideAccess: true, pagination: false, req })
  const heads = new Map<string, string>()
  let linked = 0
  for (const record of docs as Doc[]) {
    const chain = String(idOf(record.homeUniversity) ?? 'none')
    if (record.hash) {
      heads.set(chain, record.hash)
      continue
    }
    const chained = link(recordContent(record), heads.get(chain) ?? GENESIS)
    await payload.db.updateOne({ collection: CREDIT_SLUGS.records, id: record.id, data: chained, req } as never)
    heads.set(chain, chained.hash)
    linked++
    const found = { university: record.homeUniversity, record: record.id, sequence: record.sequence, reason: 'status found when the ledger began' }
    if (record.status === 'delivered') await appendEvent(payload, { ...found, kind: 'delivered', after: record.sequence - 1, upTo: record.sequence, record: undefined, sequence: undefined }, req)
    else if (record.status !== 'issued') await appendEvent(payload, { ...found, kind: record.status as LedgerEventKind }, req)
    if (record.supersededBy) await appendEvent(payload, { ...found, kind: 'superseded', supersededBy: idOf(record.supersededBy) }, req)
  }
  return linked
}
