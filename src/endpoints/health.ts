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
        return new Response(null, { status: answer.status, headers: answer.headers })
      },
    },
  ]
}
