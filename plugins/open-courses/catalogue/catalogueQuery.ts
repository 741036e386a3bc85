/**
 * The catalogue's query, shared by `GET /api/catalogue` and the portal's catalogue page: the
 * published courses matching a search, filters and a sort, one page of them. Without an
 * explicit sort, featured courses come first.
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import { CORE } from '../../../collections/slugs'
import { findPage, PAGE_RULE, pageParam } from '../../../src/paging'
import { whyUnstorable } from '../../../src/storableText'

const SORTS: Record<string, string> = { title: 'title', newest: '-createdAt', credits: 'credits', '-credits': '-credits', code: 'code' }
export const CATALOGUE_SORTS = ['featured', ...Object.keys(SORTS)] as const

export type CatalogueQuery = { where: Where; sort: string[]; page: number; limit: number }

/** Reads `q, discipline, organization, category, language, minCredits, maxCredits, featured, sort, page, limit`. */
export function parseCatalogueQuery(p: URLSearchParams): { query: CatalogueQuery } | { error: string } {
  // The API's query guard refuses such text before this; the portal's catalogue page reads here.
  for (const [name, value] of p) {
    const why = whyUnstorable(value)
    if (why) return { error: `${name} ${why}` }
  }
  const and: Where[] = [{ _status: { equals: 'published' } }]
  const q = p.get('q')?.trim()
  if (q) and.push({ or: ['title', 'titleEn', 'summary', 'summaryEn', 'code'].map((field) => ({ [field]: { like: q } })) })
  for (const field of ['discipline', 'language'] as const) {
    const value = p.get(field)
    if (value) and.push({ [field]: { equals: value } })
  }
  const category = p.get('category')
  if (category) and.push({ creditCategory: { equals: category } })
  const organization = p.get('organization')
  if (organization) and.push({ or: [{ organization: { equals: organization } }, { partners: { equals: organization } }] })
  for (const [param, op] of [['minCredits', 'greater_than_equal'], ['maxCredits', 'less_than_equal']] as const) {
    const raw = p.get(param)
    if (raw === null || raw === '') continue
    const value = Number(raw)
    if (!Number.isFinite(value)) return { error: `${param} must be a number (got "${raw}")` }
    and.push({ credits: { [op]: value } })
  }
  if (p.get('featured') === 'true') and.push({ featured: { equals: true } })
  const sortKey = p.get('sort') || 'featured'
  const sort = sortKey === 'featured' ? ['-featured', 'title'] : SORTS[sortKey] ? [SORTS[sortKey]] : undefined
  if (!sort) return { error: `sort must be one of ${CATALOGUE_SORTS.join(', ')}` }
  const page = pageParam(p.get('page'))
  const limit = Number(p.get('limit') || 20)
  if (page === undefined) return { error: PAGE_RULE }
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { error: 'limit must be a whole number from 1 to 100' }
  return { query: { where: { and }, sort, page, limit } }
}

/**
 * One page of the catalogue. The API answers with each course's owning and partner organisations
 * whole; the portal's page (`req`) gets their IDs, as it has every organisation's name already
 * for its provider filter, and populating them again cost a query and a read per page.
 */
export const findCatalogue = (payload: Payload, query: CatalogueQuery, access: { req: PayloadRequest } | { overrideAccess: true }) =>
  findPage(payload, {
    collection: CORE.courses,
    ...query,
    ...('req' in access ? { req: access.req, overrideAccess: false, depth: 0 } : { overrideAccess: true, depth: 1 }),
    select: { title: true, titleEn: true, code: true, summary: true, summaryEn: true, credits: true, hours: true, creditCategory: true, discipline: true, language: true, organization: true, partners: true, coverImage: true, featured: true, designation: true, enrollment: { mode: true, capacity: true, opensAt: true, closesAt: true } },
  })
