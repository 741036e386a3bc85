import type { Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import { type Id, idOf, userHasRole } from '../../../src/access'
import { errorResponse } from '../../../src/errors'
import { say } from '../../../src/i18n/say'
import { retryWhileTaken } from '../../../src/retryWhileTaken'
import { FEATURED_SLUGS } from '../constants'
import { toFen } from '../funding/committed'

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

type Total = { awarded: number; disbursed: number; awards: number }
const add = (total: Total, award: Doc) => {
  total.awarded += toFen(award.amount)
  if (award.status === 'disbursed') total.disbursed += toFen(award.amount)
  total.awards++
}
const yuan = (t: Total) => ({ awarded: t.awarded / 100, disbursed: t.disbursed / 100, awards: t.awards })

/** `GET /api/funding-awards/totals`: awarded and disbursed amounts per round (with its budget) and per lead organisation. */
export const fundingTotalsEndpoint: Endpoint = {
  path: '/totals',
  method: 'get',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin')) return errorResponse(req.user ? 403 : 401, say(req, '只有平台管理员可以查看经费汇总', 'only an administrator may read the funding totals'))
    const find = (collection: string, where = {}) => req.payload.find({ collection: collection as never, where, depth: 0, pagination: false, overrideAccess: true, req }).then((r) => r.docs as Doc[])
    const awards = await find(FEATURED_SLUGS.awards, { status: { not_equals: 'withdrawn' } })
    const rounds = await find(FEATURED_SLUGS.rounds)
    const orgIds = [...new Set(awards.map((a) => idOf(a.organization)))].filter((o): o is Id => o !== undefined)
    const orgs = orgIds.length ? await find('organizations', { id: { in: orgIds } }) : []
    const byRound = new Map<string, Total>(rounds.map((r) => [String(r.id), { awarded: 0, disbursed: 0, awards: 0 }]))
    const byOrg = new Map<string, Total>(orgIds.map((o) => [String(o), { awarded: 0, disbursed: 0, awards: 0 }]))
    for (const a of awards) {
      add(byRound.get(String(idOf(a.round)))!, a)
      add(byOrg.get(String(idOf(a.organization)))!, a)
    }
    return Response.json({
      rounds: rounds.map((r) => {
        const t = byRound.get(String(r.id))!
        return { round: r.id, title: r.title, budget: r.budget, ...yuan(t), remaining: (toFen(r.budget) - t.awarded) / 100 }
      }),
      organizations: orgs.map((o) => ({ organization: o.id, name: o.name, code: o.code, ...yuan(byOrg.get(String(o.id))!) })),
    })
  },
}
