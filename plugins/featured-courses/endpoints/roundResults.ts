import { stringify } from 'csv-stringify/sync'
import type { Endpoint } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idOf, userHasRole } from '../../../src/access'
import { errorResponse } from '../../../src/errors'
import { CSV_BOM, textCell } from '../../../src/http/csv'
import { say } from '../../../src/i18n/say'
import { FEATURED_SLUGS } from '../constants'
import { rubricOf } from '../review/rubric'
import { summarise } from '../review/summarise'

type Doc = Record<string, any>

/**
 * `GET /api/proposal-rounds/:id/results` — the round's results for the committee's meeting, as CSV
 * with a BOM (Excel then reads the Chinese): each proposal with its reviews' mean and per-criterion
 * means on its latest submission, the suggestion, the decision and the award. Administrators only.
 */
export const resultsEndpoint: Endpoint = {
  path: '/:id/results',
  method: 'get',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin')) return errorResponse(req.user ? 403 : 401, say(req, '只有平台管理员可以导出评审结果', 'only an administrator may export the results'))
    const id = req.routeParams?.id as string
    const round = (await req.payload.findByID({ collection: FEATURED_SLUGS.rounds as never, id, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
    if (!round) return errorResponse(404, `no proposal round ${id}`)
    const all = (collection: string, where: object, depth = 0) =>
      req.payload.find({ collection: collection as never, where: where as never, depth, pagination: false, overrideAccess: true, req }).then((r) => r.docs as Doc[])
    const proposals = await all(FEATURED_SLUGS.proposals, { round: { equals: round.id } }, 1)
    const reviews = await all(FEATURED_SLUGS.reviews, { round: { equals: round.id } })
    const awards = await all(FEATURED_SLUGS.awards, { and: [{ round: { equals: round.id } }, { status: { not_equals: 'withdrawn' } }] })
    const rubric = rubricOf(round)
    const reviewsOf = new Map<string, Doc[]>()
    for (const r of reviews) reviewsOf.set(String(idOf(r.proposal)), [...(reviewsOf.get(String(idOf(r.proposal))) ?? []), r])
    const partnerIds = [...new Set(proposals.flatMap((p) => ((p.partners ?? []) as unknown[]).map(idOf)))].filter((o): o is Id => o !== undefined)
    const names = new Map((partnerIds.length ? await all(CORE.organizations, { id: { in: partnerIds } }) : []).map((o) => [String(o.id), o.name as string]))

    const header = ['proposal_id', 'title', 'course_code', 'course_title', 'lead_organization', 'partner_organizations', 'status', 'submission', 'reviews_in', 'mean_score', ...rubric.map((c) => `mean_${c.key}`), 'suggestion', 'decision_comment', 'award_amount_cny', 'designation', 'award_status']
    const rows = proposals
      .sort((a, b) => String(a.title).localeCompare(String(b.title), 'zh'))
      .map((p) => {
        const summary = summarise((reviewsOf.get(String(p.id)) ?? []).filter((r) => r.revision === p.revision && r.status !== 'withdrawn'), round)
        const award = awards.find((a) => String(idOf(a.proposal)) === String(p.id))
        const partners = ((p.partners ?? []) as unknown[]).map((o) => (typeof o === 'object' && o ? (o as Doc).name : names.get(String(o))) ?? '')
        return [
          p.id, textCell(p.title), textCell(p.course?.code), textCell(p.course?.title), textCell(p.leadOrganization?.name), textCell(partners.join('、')),
          p.status, p.revision, summary.reviewsIn, summary.meanScore ?? '', ...summary.criteria.map((c) => c.mean ?? ''), summary.suggestion ?? '',
          textCell(p.decisionComment) ?? '', award?.amount ?? '', award?.tier ?? '', award?.status ?? '',
        ]
      })
    const filename = `round-${round.id}-results.csv`
    return new Response(CSV_BOM + stringify([header, ...rows]), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` } })
  },
}
