import type { CollectionAfterChangeHook, CollectionAfterErrorHook } from 'payload'
import { FEATURED_SLUGS } from '../constants'
import type { ProposalContext } from './moveProposal'

/**
 * A move's history row is written before the proposal (so that of two simultaneous moves the second
 * is refused before it writes anything). When the proposal's own write then fails — a field Payload
 * refuses — PostgreSQL rolls the row back with the request; SQLite, without transactions here,
 * keeps it, so the failed request deletes it. A successful write just forgets it.
 */
export const forgetPendingMove: CollectionAfterChangeHook = ({ doc, req }) => {
  delete (req.context as ProposalContext).pendingMove
  return doc
}

export const undoFailedMove: CollectionAfterErrorHook = async ({ req }) => {
  const pending = (req.context as ProposalContext).pendingMove
  if (pending === undefined) return
  delete (req.context as ProposalContext).pendingMove
  // Without req: outside the failed request's transaction, which is already rolled back where there is one.
  await req.payload.delete({ collection: FEATURED_SLUGS.transitions as never, id: pending, overrideAccess: true }).catch(() => undefined)
}
