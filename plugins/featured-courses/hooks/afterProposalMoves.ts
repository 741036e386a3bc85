import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { withContext } from '../../../src/requestContext'
import { FEATURED_SLUGS, FEATURED_TASKS } from '../constants'
import { assignReviewers } from '../review/assignReviewers'
import type { SanitizedFeaturedCoursesOptions } from '../types'
import type { ProposalContext } from './moveProposal'

type Doc = Record<string, any>

/**
 * After a move: the authors and reviewers are emailed (through the jobs queue), and a submission
 * gets its reviewers and goes under review at once when the plugin assigns them automatically
 * and enough eligible reviewers exist; otherwise it waits for an administrator.
 */
export const afterProposalMoves =
  (options: SanitizedFeaturedCoursesOptions): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req, context }) => {
    if ((context as ProposalContext).bookkeeping || operation !== 'update' || previousDoc?.status === doc.status) return doc
    await req.payload.jobs.queue({ task: FEATURED_TASKS.notifyTransition as never, input: { proposalId: String(doc.id), sequence: doc.moves } as never, req })
    if (doc.status !== 'submitted' || !options.review.autoAssign) return doc

    const round = (await req.payload.findByID({ collection: FEATURED_SLUGS.rounds as never, id: idOf(doc.round) as never, depth: 0, overrideAccess: true, req })) as Doc
    const assigned = await assignReviewers(req, doc, round.reviewersPerProposal)
    if (assigned < round.reviewersPerProposal) return doc
    const moved: ProposalContext = { moveByPlatform: true, transitionComment: say(req, `已自动分配 ${assigned} 位评审专家`, `${assigned} reviewers assigned automatically`) }
    // With the caller's access, so that what they get back hides what they may not read.
    return withContext(req, moved, () => req.payload.update({ collection: FEATURED_SLUGS.proposals as never, id: doc.id, data: { status: 'under-review' } as never, overrideAccess: !req.user, depth: 0, req }))
  }
