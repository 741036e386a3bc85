import type { PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idOf } from '../../../src/access'
import { FEATURED_SLUGS } from '../constants'
import { reviewsOfRevision } from './summarise'

type Doc = Record<string, any>

/** The organisations a proposal's reviewers may not come from: its lead and its partners. */
export const conflictedOrganisations = (proposal: Doc): Set<string> =>
  new Set([idOf(proposal.leadOrganization), ...((proposal.partners ?? []) as unknown[]).map(idOf)].filter((o) => o !== undefined).map(String))

/**
 * Fills a proposal's current revision up to `count` reviewers, spread evenly: among reviewers from
 * neither the lead's nor a partner's organisation, those who reviewed its previous revision come
 * first (they know it), then those with the fewest open reviews in the round, then the fewest
 * reviews in it. All or nothing: when too few eligible reviewers exist, nobody is assigned.
 * Returns how many reviewers the revision has afterwards, or could have when that is too few.
 */
export async function assignReviewers(req: PayloadRequest, proposal: Doc, count: number): Promise<number> {
  const { payload } = req
  const current = await reviewsOfRevision(req, proposal)
  const need = count - current.length
  if (need <= 0) return current.length

  const taken = new Set(current.map((r) => String(idOf(r.reviewer))))
  const conflicted = conflictedOrganisations(proposal)
  const { docs: pool } = await payload.find({
    collection: CORE.users,
    where: { roles: { in: ['reviewer'] } },
    select: { organization: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const candidates = (pool as Doc[]).filter((u) => !taken.has(String(u.id)) && idOf(u.organization) !== undefined && !conflicted.has(String(idOf(u.organization))))
  if (current.length + candidates.length < count) return current.length + candidates.length

  const { docs: inRound } = await payload.find({
    collection: FEATURED_SLUGS.reviews as never,
    where: { round: { equals: idOf(proposal.round) as Id } },
    select: { reviewer: true, status: true, proposal: true, revision: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const open = new Map<string, number>()
  const total = new Map<string, number>()
  const knewIt = new Set<string>()
  for (const r of inRound as Doc[]) {
    const who = String(idOf(r.reviewer))
    if (r.status === 'withdrawn') continue
    total.set(who, (total.get(who) ?? 0) + 1)
    if (r.status === 'assigned') open.set(who, (open.get(who) ?? 0) + 1)
    if (String(idOf(r.proposal)) === String(proposal.id) && r.revision === (proposal.revision ?? 0) - 1) knewIt.add(who)
  }
  const rank = (u: Doc) => [knewIt.has(String(u.id)) ? 0 : 1, open.get(String(u.id)) ?? 0, total.get(String(u.id)) ?? 0]
  const chosen = candidates
    .map((u) => ({ u, r: rank(u) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || String(a.u.id).localeCompare(String(b.u.id), undefined, { numeric: true }))
    .slice(0, need)
  for (const { u } of chosen) {
    await payload.create({ collection: FEATURED_SLUGS.reviews as never, data: { proposal: proposal.id, reviewer: u.id } as never, overrideAccess: true, req })
  }
  return current.length + chosen.length
}
