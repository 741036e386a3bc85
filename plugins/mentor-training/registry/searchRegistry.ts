import type { Payload, Where } from 'payload'
import { CORE } from '../../../collections/slugs'
import { findPage, PAGE_RULE, pageParam } from '../../../src/paging'
import { idOf } from '../../../src/access'
import { clock } from '../../../src/clock'
import { MENTOR_KINDS, MENTOR_SLUGS, TIER_KEYS } from '../constants'

type Doc = Record<string, any>

/** What the public registry shows of a mentor: no account, no email, no evaluations. */
export const publicMentor = (m: Doc, orgs: Map<string, Doc>) => {
  const org = orgs.get(String(idOf(m.organization)))
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    tier: m.tier,
    organization: org ? { id: org.id, name: org.name, nameEn: org.nameEn ?? null, kind: org.kind } : null,
    expertise: m.expertise ?? [],
    bio: m.bio ?? null,
    certifiedUntil: m.certifiedUntil,
    places: m.places,
  }
}

/** Reads `q, kind, tier, organization, page, limit` into a query of certified, unexpired mentors. */
export function registryQuery(params: URLSearchParams): { where: Where; page: number; limit: number } | { error: string } {
  const and: Where[] = [{ status: { equals: 'certified' } }, { certifiedUntil: { greater_than: clock.date().toISOString() } }]
  const q = params.get('q')?.trim().toLowerCase()
  if (q) for (const word of q.split(/\s+/).slice(0, 5)) and.push({ searchText: { like: word } })
  const kind = params.get('kind')
  if (kind) {
    if (!(kind in MENTOR_KINDS)) return { error: `kind must be one of ${Object.keys(MENTOR_KINDS).join(', ')}` }
    and.push({ kind: { equals: kind } })
  }
  const tier = params.get('tier')
  if (tier) {
    if (!TIER_KEYS.includes(tier)) return { error: `tier must be one of ${TIER_KEYS.join(', ')}` }
    and.push({ tier: { equals: tier } })
  }
  const organization = params.get('organization')
  if (organization) {
    if (!/^[\w-]{1,64}$/.test(organization)) return { error: 'organization must be an organisation id' }
    and.push({ organization: { equals: organization } })
  }
  const page = pageParam(params.get('page'))
  const limit = Number(params.get('limit') ?? 20)
  if (page === undefined) return { error: PAGE_RULE }
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { error: 'limit must be a whole number from 1 to 100' }
  return { where: { and }, page, limit }
}

/** Searches certified mentors and says how many places each has left. */
export async function searchRegistry(payload: Payload, params: URLSearchParams) {
  const query = registryQuery(params)
  if ('error' in query) return query
  const found = await findPage(payload, { collection: MENTOR_SLUGS.mentors as never, where: query.where, page: query.page, limit: query.limit, sort: 'name', depth: 0, overrideAccess: true })
  const docs = found.docs as Doc[]
  const orgIds = [...new Set(docs.map((m) => idOf(m.organization)))].filter((o) => o !== undefined)
  const orgs = new Map(((orgIds.length ? (await payload.find({ collection: CORE.organizations, where: { id: { in: orgIds } }, depth: 0, pagination: false, overrideAccess: true })).docs : []) as Doc[]).map((o) => [String(o.id), o]))
  const taken = docs.length
    ? ((await payload.find({ collection: MENTOR_SLUGS.assignments as never, where: { and: [{ mentor: { in: docs.map((m) => m.id) } }, { status: { equals: 'active' } }] }, select: { mentor: true } as never, depth: 0, pagination: false, overrideAccess: true })).docs as Doc[])
    : []
  for (const m of docs) m.places = Math.max(0, m.maxStudents - taken.filter((a) => String(idOf(a.mentor)) === String(m.id)).length)
  return { docs: docs.map((m) => publicMentor(m, orgs)), totalDocs: found.totalDocs, page: found.page, totalPages: found.totalPages }
}

