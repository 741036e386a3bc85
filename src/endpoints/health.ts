import type { Endpoint } from 'payload'
import type { DatabaseKind } from '../env'

/** `GET /api/health`: 200 once the database answers, 503 while it does not. */
export const healthEndpoint = (db: DatabaseKind): Endpoint => ({
  path: '/health',
  method: 'get',
  handler: async (req) => {
    try {
      await req.payload.count({ collection: 'organizations', overrideAccess: true })
      return Response.json({ status: 'ok', db })
    } catch (error) {
      req.payload.logger.error({ err: error }, 'health check: database unreachable')
      return Response.json({ status: 'unavailable', db, errors: [{ message: 'database unreachable' }] }, { status: 503 })
    }
  },
})
