/**
 * Who sees and changes what in the featured-course workflow. Row-level rules return a Where, so a
 * list, a count, GraphQL and the admin panel filter alike; blind review is one of them.
 */
import type { Access, FieldAccess, Where } from 'payload'
import { type AccessUser, type Id, idOf, userHasRole } from '../../src/access'
import { FEATURED_SLUGS } from './constants'

type Doc = Record<string, any>

/** An author's proposals: those they created and those of their organisation, as lead or partner. */
export const proposalsOfAuthor: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user || !userHasRole(user, 'author')) return false
  const org = idOf(user.organization)
  const mine: Where[] = [{ createdBy: { equals: user.id } }]
  if (org !== undefined) mine.push({ leadOrganization: { equals: org } }, { partners: { in: [org] } })
  return { or: mine }
}

/** A reviewer's queue: the proposals they are assigned to, and nothing else. */
export const proposalsAssignedToReviewer: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user || !userHasRole(user, 'reviewer')) return false
  return { assignedReviewers: { in: [user.id] } }
}

/** True when the user may act as an author of this proposal (created it, or its lead or a partner is theirs). */
export function isAuthorOf(user: AccessUser | null | undefined, proposal: Doc): boolean {
  if (!user || !userHasRole(user, 'author')) return false
  if (String(idOf(proposal.createdBy)) === String(user.id)) return true
  const org = idOf(user.organization)
  if (org === undefined) return false
  const partners = Array.isArray(proposal.partners) ? (proposal.partners as unknown[]) : []
  const orgs = [idOf(proposal.leadOrganization), ...partners.map(idOf)]
  return orgs.some((o) => o !== undefined && String(o) === String(org))
}

const DECIDED = ['revision-requested', 'approved', 'rejected']

/**
 * Blind review on the proposal's summary of scores: administrators always; a reviewer once they
 * have submitted their own review of this revision; the authors once the committee has decided.
 */
export const reviewSummaryReadable: FieldAccess = ({ req, doc }) => {
  const user = req.user as AccessUser | null
  if (!user) return false
  if (userHasRole(user, 'admin')) return true
  if (!doc) return false
  if (((doc.submittedReviewers ?? []) as unknown[]).some((r) => String(idOf(r)) === String(user.id))) return true
  return DECIDED.includes(doc.status) && isAuthorOf(user, doc)
}

/**
 * Blind review on reviews: a reviewer reads their own, and the submitted reviews of a proposal's
 * revision only once they have submitted theirs for it. Administrators read all.
 */
export const reviewsVisibleToReviewer: Access = async ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user || !userHasRole(user, 'reviewer')) return false
  const own = await req.payload.find({
    collection: FEATURED_SLUGS.reviews as never,
    where: { and: [{ reviewer: { equals: user.id } }, { status: { equals: 'submitted' } }] },
    select: { proposal: true, revision: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const opened = (own.docs as Doc[]).map((r): Where => ({ and: [{ proposal: { equals: idOf(r.proposal) as Id } }, { revision: { equals: r.revision } }, { status: { equals: 'submitted' } }] as Where[] }))
  return { or: [{ reviewer: { equals: user.id } }, ...opened] }
}

/** A reviewer's own open reviews; once submitted, a review no longer changes. */
export const ownOpenReviews: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user || !userHasRole(user, 'reviewer')) return false
  return { and: [{ reviewer: { equals: user.id } }, { status: { equals: 'assigned' } }] } as Where
}

/** Who reviews a proposal is the committee's business; the authors never learn it. */
export const committeeOnly: FieldAccess = ({ req }) => userHasRole(req.user, 'admin', 'reviewer')
