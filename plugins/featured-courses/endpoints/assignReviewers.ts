import type { Endpoint } from 'payload'
import { idOf, userHasRole } from '../../../src/access'
import { errorResponse } from '../../../src/errors'
import { say } from '../../../src/i18n/say'
import { FEATURED_SLUGS } from '../constants'
import { assignReviewers } from '../review/assignReviewers'

type Doc = Record<string, any>

/**
 * `POST /api/course-proposals/:id/assign-reviewers` — an administrator asks the plugin to fill a
 * submitted or under-review proposal up to the round's number of reviewers, spread evenly.
 * Answers with the number of reviewers the revision has; 409, assigning nobody, when too few eligible reviewers exist.
 */
export const assignReviewersEndpoint: Endpoint = {
  path: '/:id/assign-reviewers',
  method: 'post',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin')) return errorResponse(req.user ? 403 : 401, say(req, '只有平台管理员可以分配评审', 'only an administrator may assign reviewers'))
    const id = req.routeParams?.id as string
    const proposal = (await req.payload.findByID({ collection: FEATURED_SLUGS.proposals as never, id, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
    if (!proposal) return errorResponse(404, `no proposal ${id}`)
    if (!['submitted', 'under-review'].includes(proposal.status))
      return errorResponse(409, say(req, `申报状态为 ${proposal.status}，不能分配评审`, `reviewers are assigned to submitted or under-review proposals; this one is ${proposal.status}`))
    const round = (await req.payload.findByID({ collection: FEATURED_SLUGS.rounds as never, id: idOf(proposal.round) as never, depth: 0, overrideAccess: true, req })) as Doc
    const assigned = await assignReviewers(req, proposal, round.reviewersPerProposal)
    if (assigned < round.reviewersPerProposal) {
      return errorResponse(
        409,
        say(
          req,
          `按回避规则只有 ${assigned} 位评审专家可分配，需要 ${round.reviewersPerProposal} 位；未作分配`,
          `only ${assigned} eligible reviewers (not from the lead's or a partner's organisation) exist and ${round.reviewersPerProposal} are needed; nobody was assigned`,
        ),
      )
    }
    return Response.json({ assigned })
  },
}
