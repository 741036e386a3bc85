import type { CollectionAfterChangeHook } from 'payload'
import type { LedgerEventKind } from '../collections/LedgerEvents'
import { appendEvent } from '../ledger/eventChain'

const LEDGER_KINDS: string[] = ['accepted', 'rejected', 'revoked'] satisfies LedgerEventKind[]

/**
 * A registrar's decision or an administrator's revocation is appended to the university's event
 * chain in the same transaction as the status it sets: both are written, or neither.
 */
export const recordDecisionInLedger: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.status === previousDoc?.status || !LEDGER_KINDS.includes(doc.status)) return doc
  await appendEvent(
    req.payload,
    {
      kind: doc.status,
      university: doc.homeUniversity,
      record: doc.id,
      sequence: doc.sequence,
      by: req.user?.id,
      reason: (doc.status === 'revoked' ? doc.revocationReason : doc.decisionReason) ?? null,
    },
    req,
  )
  return doc
}
