import type { ProposalState } from '../constants'

/**
 * The proposal workflow, one row per allowed move: who makes it, and what it needs. Everything
 * else (approving a draft, an author deciding) is refused. `admin` moves may also be made by the
 * plugin itself (assigning reviewers moves a submission under review).
 */
export type Move = {
  from: ProposalState
  to: ProposalState
  by: 'author' | 'admin'
  /** The submitted reviews the round asks for must be in. */
  needsReviews?: boolean
  /** The authors are told why. */
  needsComment?: boolean
}

export const MOVES: readonly Move[] = [
  { from: 'draft', to: 'submitted', by: 'author' },
  { from: 'submitted', to: 'under-review', by: 'admin' },
  { from: 'under-review', to: 'approved', by: 'admin', needsReviews: true },
  { from: 'under-review', to: 'revision-requested', by: 'admin', needsReviews: true, needsComment: true },
  { from: 'under-review', to: 'rejected', by: 'admin', needsReviews: true, needsComment: true },
  { from: 'revision-requested', to: 'submitted', by: 'author' },
]

export const findMove = (from: ProposalState, to: ProposalState) => MOVES.find((m) => m.from === from && m.to === to)

/** States in which the authors may still edit the proposal's content. */
export const EDITABLE_STATES: readonly ProposalState[] = ['draft', 'revision-requested']
