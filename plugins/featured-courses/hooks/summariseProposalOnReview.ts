import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../src/access'
import { withContext } from '../../../src/requestContext'
import { FEATURED_SLUGS } from '../constants'
import { reviewsOfRevision, summarise } from '../review/summarise'
import type { ProposalContext } from './moveProposal'

type Doc = Record<string, any>

/**
 * Keeps the proposal's reviewers and review summary in step with its current revision's reviews,
 * read from their rows (a handful per proposal). The reviewer lists are what row-level access
 * reads: who sees the proposal, and who may see the others' scores.
 */
export const summariseProposalOnReview: CollectionAfterChangeHook = async ({ doc, req }) => {
  const proposal = (await req.payload.findByID({ collection: FEATURED_SLUGS.proposals as never, id: idOf(doc.proposal) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!proposal || proposal.revision !== doc.revision) return doc
  const round = (await req.payload.findByID({ collection: FEATURED_SLUGS.rounds as never, id: idOf(proposal.round) as never, depth: 0, overrideAccess: true, req })) as Doc
  const { assigned, submitted, ...reviewSummary } = summarise(await reviewsOfRevision(req, proposal), round)
  const bookkeeping: ProposalContext = { bookkeeping: true }
  await withContext(req, bookkeeping, () =>
    req.payload.update({ collection: FEATURED_SLUGS.proposals as never, id: proposal.id, data: { assignedReviewers: assigned, submittedReviewers: submitted, reviewSummary } as never, overrideAccess: true, depth: 0, req }),
  )
  return doc
}
