import type { Endpoint, PayloadHandler } from 'payload'
import type { DatabaseKind } from '../env'

/**
 * `GET /api/health`: 200 once the database answers, 503 while it does not. `HEAD /api/health`
 * answers the same status and headers without a body, for load balancers and uptime probes.
 */
export const healthEndpoints = (db: DatabaseKind): Endpoint[] => {
  const check: PayloadHandler = async (req) => {
    try {
      await req.payload.count({ collection: 'organizations', overrideAccess: true })
      return Response.json({ status: 'ok', db })
    } catch (error) {
      req.payload.logger.error({ err: error }, 'health check: database unreachable')
      return Response.json({ status: 'unavailable', db, errors: [{ message: 'database unreachable' }] }, { status: 503 })
    }
  }
  return [
    { path: '/health', method: 'get', handler: check },
    {
      path: '/health',
      method: 'head',
      handler: async (req) => {
        const answer = await check(req)
        // The length GET's body would have: without it (GET's is chunked), Node's HTTP client
        // closed its kept-alive connection after every HEAD, so a prober opened one per probe.
        const headers = new Headers(answer.headers)
        headers.set('content-length', String((await answer.arrayBuffer()).byteLength))
        return new Response(null, { status: answer.status, headers })
      },
    },
  ]
}
