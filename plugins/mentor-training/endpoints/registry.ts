import type { Endpoint } from 'payload'
import { errorResponse } from '../../../src/errors'
import { searchRegistry } from '../registry/searchRegistry'

/**
 * `GET /api/mentors/registry?q=&kind=&tier=&organization=&page=&limit=` — the public registry
 * search: certified, unexpired mentors by expertise (any words of `q`, Chinese or English), kind,
 * tier and organisation, with the places each has left. No login needed.
 */
export const registryEndpoint: Endpoint = {
  path: '/registry',
  method: 'get',
  handler: async (req) => {
    const result = await searchRegistry(req.payload, new URL(req.url ?? '', 'http://x').searchParams)
    if ('error' in result) return errorResponse(400, result.error)
    return Response.json(result)
  },
}
