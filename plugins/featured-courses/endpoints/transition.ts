import type { Endpoint } from 'payload'
import { z } from 'zod'
import { readJsonBody } from '../../../src/http/readJsonBody'
import { errorResponse } from '../../../src/errors'
import { withContext } from '../../../src/requestContext'
import { FEATURED_SLUGS, PROPOSAL_STATES } from '../constants'
import type { ProposalContext } from '../hooks/moveProposal'

const bodySchema = z.strictObject({
  to: z.enum(PROPOSAL_STATES, { error: `to must be one of ${PROPOSAL_STATES.join(', ')}` }),
  comment: z.string().max(4000).optional(),
})

/**
 * `POST /api/course-proposals/:id/transition` `{ "to", "comment"? }` — moves a proposal with the
 * caller's access. The rules are the collection's (hooks/moveProposal.ts), so this, REST PATCH,
 * GraphQL and the admin panel obey the same ones.
 */
export const transitionEndpoint: Endpoint = {
  path: '/:id/transition',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'sign in to move a proposal')
    const body = await readJsonBody(req, bodySchema, '{ "to": "submitted" | "under-review" | "revision-requested" | "approved" | "rejected", "comment"? }')
    if ('error' in body) return body.error
    const id = req.routeParams?.id as string
    const readable = await req.payload.find({ collection: FEATURED_SLUGS.proposals as never, where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: false, user: req.user, req })
    if (!readable.docs.length) return errorResponse(404, `no proposal ${id} that you may see`)
    const context: ProposalContext = { transitionComment: body.data.comment }
    const doc = await withContext(req, context, () =>
      req.payload.update({ collection: FEATURED_SLUGS.proposals as never, id, data: { status: body.data.to } as never, overrideAccess: false, user: req.user, depth: 0, req }),
    )
    return Response.json({ doc })
  },
}
