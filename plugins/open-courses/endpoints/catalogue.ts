import type { Endpoint, Where } from 'payload'
import { CORE } from '../../../collections/slugs'
import { errorResponse } from '../../../src/errors'

const SORTS: Record<string, string> = { title: 'title', newest: '-createdAt', credits: 'credits', '-credits': '-credits', code: 'code' }

/**
 * `GET /api/catalogue?q=&discipline=&organization=&category=&language=&minCredits=&maxCredits=&featured=&sort=&page=&limit=`:
 * the published courses, open to everyone. `q` searches titles, summaries and codes, Chinese
 * included; `organization` matches the owning or a partner organisation.
 */
export const catalogueEndpoint: Endpoint = {
  path: '/catalogue',
  method: 'get',
  handler: async (req) => {
    const p = new URL(req.url ?? '', 'http://localhost').searchParams
    const bad = (message: string) => errorResponse(400, message)
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
      if (raw === null) continue
      const value = Number(raw)
      if (!Number.isFinite(value)) return bad(`${param} must be a number (got "${raw}")`)
      and.push({ credits: { [op]: value } })
    }
    if (p.get('featured') === 'true') and.push({ featured: { equals: true } })
    const sortKey = p.get('sort') ?? 'title'
    const sort = SORTS[sortKey]
    if (!sort) return bad(`sort must be one of ${Object.keys(SORTS).join(', ')}`)
    const page = Number(p.get('page') ?? 1)
    const limit = Number(p.get('limit') ?? 20)
    if (!Number.isInteger(page) || page < 1) return bad('page must be a whole number from 1')
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return bad('limit must be a whole number from 1 to 100')
    const result = await req.payload.find({
      collection: CORE.courses,
      where: { and },
      sort,
      page,
      limit,
      depth: 1,
      overrideAccess: true,
      select: { title: true, titleEn: true, code: true, summary: true, summaryEn: true, credits: true, hours: true, creditCategory: true, discipline: true, language: true, organization: true, partners: true, coverImage: true, featured: true, enrollment: true },
    })
    return Response.json(result)
  },
}
