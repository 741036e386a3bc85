import type { Endpoint } from 'payload'
import { errorResponse } from '../../../src/errors'
import { findCatalogue, parseCatalogueQuery } from '../catalogue/catalogueQuery'

/**
 * `GET /api/catalogue?q=&discipline=&organization=&category=&language=&minCredits=&maxCredits=&featured=&sort=&page=&limit=`:
 * the published courses, open to everyone. `q` searches titles, summaries and codes, Chinese
 * included; `organization` matches the owning or a partner organisation; without `sort`,
 * featured courses come first.
 */
export const catalogueEndpoint: Endpoint = {
  path: '/catalogue',
  method: 'get',
  handler: async (req) => {
    const parsed = parseCatalogueQuery(new URL(req.url ?? '', 'http://localhost').searchParams)
    if ('error' in parsed) return errorResponse(400, parsed.error)
    return Response.json(await findCatalogue(req.payload, parsed.query, { overrideAccess: true }))
  },
}
