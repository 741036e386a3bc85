import type { PayloadRequest, RequestContext } from 'payload'

/**
 * Runs `operation` with `context` added to the request's, then puts the request's context back.
 * A Local API call given `req` and `context` keeps that context on `req` for the rest of the
 * request (Payload assigns the merged object to `req.context`), so a flag meant for one nested
 * write would otherwise steer every later hook of the same request.
 */
export async function withContext<T>(req: PayloadRequest, context: RequestContext, operation: () => Promise<T>): Promise<T> {
  const saved = req.context
  req.context = { ...saved, ...context }
  try {
    return await operation()
  } finally {
    req.context = saved
  }
}
