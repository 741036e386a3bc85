import type { PayloadRequest } from 'payload'
import { idOf, type Id } from '../../../src/access'
import { FEATURED_SLUGS, type Recommendation } from '../constants'
import { rubricOf, type Score } from './rubric'

type Doc = Record<string, any>

export type ReviewSummary = {
  reviewsIn: number
  reviewsNeeded: number
  meanScore: number | null
  suggestion: Recommendation | null
  criteria: Array<{ key: string; label: string; mean: number | null }>
}

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null)

/** What the plugin proposes from a mean: approve at the round's approval line, revise at its revision line, else reject. */
export function suggest(meanScore: number | null, round: Doc): Recommendation | null {
  if (meanScore === null) return null
  return meanScore >= round.approveAt ? 'approve' : meanScore >= round.reviseAt ? 'revise' : 'reject'
}

/** The reviews of a proposal's current revision, read from their rows. */
export async function reviewsOfRevision(req: PayloadRequest, proposal: Doc): Promise<Doc[]> {
  const { docs } = await req.payload.find({
    collection: FEATURED_SLUGS.reviews as never,
    where: { and: [{ proposal: { equals: proposal.id } }, { revision: { equals: proposal.revision ?? 0 } }, { status: { not_equals: 'withdrawn' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as Doc[]
}

/** The summary of a revision's submitted reviews: how many are in, the mean, each criterion's mean and the suggestion. */
export function summarise(reviews: Doc[], round: Doc): ReviewSummary & { assigned: Id[]; submitted: Id[] } {
  const submitted = reviews.filter((r) => r.status === 'submitted')
  const meanScore = mean(submitted.map((r) => r.weightedScore).filter((s): s is number => typeof s === 'number'))
  return {
    reviewsIn: submitted.length,
    reviewsNeeded: round.reviewersPerProposal,
    meanScore,
    suggestion: submitted.length >= round.reviewersPerProposal ? suggest(meanScore, round) : null,
    criteria: rubricOf(round).map((c) => ({
      key: c.key,
      label: c.label,
      mean: mean(submitted.flatMap((r) => ((r.scores ?? []) as Score[]).filter((s) => s.criterion === c.key).map((s) => s.score))),
    })),
    assigned: reviews.map((r) => idOf(r.reviewer) as Id),
    submitted: submitted.map((r) => idOf(r.reviewer) as Id),
  }
}
