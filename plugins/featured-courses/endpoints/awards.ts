import type { Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import { userHasRole } from '../../../src/access'
import { errorResponse } from '../../../src/errors'
import { say } from '../../../src/i18n/say'
import { retryWhileTaken } from '../../../src/retryWhileTaken'
import { FEATURED_SLUGS } from '../constants'
import { fundingTotals } from '../funding/totals'

type Doc = Record<string, any>

/**
 * Creates an award and, when another award of the round took the same sequence number first,
 * tries again on the new state; the budget check runs each time (hooks/allocateAward.ts).
 */
export const awardFunding = (req: PayloadRequest, data: Doc): Promise<Doc> =>
  retryWhileTaken('chainKey', async () => (await req.payload.create({ collection: FEATURED_SLUGS.awards as never, data: data as never, overrideAccess: false, user: req.user, depth: 0, req })) as Doc)

/**
 * `POST /api/funding-awards`, in place of Payload's own create (the admin panel's form posts here
 * too), so that an award racing another one is retried rather than refused. Answers as Payload does.
 */
export const createAwardEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin')) return errorResponse(req.user ? 403 : 401, say(req, '只有平台管理员可以批准经费补助', 'only an administrator may award funding'))
    await addDataAndFileToRequest(req)
    const doc = await awardFunding(req, (req.data ?? {}) as Doc)
    return Response.json({ doc, message: say(req, '经费补助已批准', 'Funding awarded') }, { status: 201 })
  },
}

/** `GET /api/funding-awards/totals`: awarded and disbursed amounts per round (with its budget) and per lead organisation (funding/totals.ts). */
export const fundingTotalsEndpoint: Endpoint = {
  path: '/totals',
  method: 'get',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin')) return errorResponse(req.user ? 403 : 401, say(req, '只有平台管理员可以查看经费汇总', 'only an administrator may read the funding totals'))
    return Response.json(await fundingTotals(req))
  },
}
