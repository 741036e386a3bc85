/**
 * The express layer's limits, before a request reaches Payload: the size of a JSON body, and the
 * per-address rate of the paths that attackers and runaway clients hammer (sign-in, password
 * reset, xAPI ingest, the credit feed). Per-user limits sit in the endpoints, which know the user.
 */
import type { RequestHandler } from 'express'
import { type LimitName, takeRequest } from './rateLimit'

const LIMITED: Array<{ method: string[]; path: string; limit: LimitName; what: string }> = [
  { method: ['POST'], path: '/api/users/login', limit: 'loginPerAddress', what: 'sign-in attempts from this address' },
  { method: ['POST'], path: '/api/users/forgot-password', limit: 'passwordResetPerAddress', what: 'password reset requests from this address' },
  { method: ['POST', 'PUT'], path: '/api/xapi/statements', limit: 'xapiPerAddress', what: 'xAPI requests from this address' },
  { method: ['GET'], path: '/api/credit-feed', limit: 'feedPerAddress', what: 'credit feed requests from this address' },
]

const refuse = (res: Parameters<RequestHandler>[1], status: number, message: string, headers: Record<string, string> = {}) => {
  res.status(status).set(headers).json({ errors: [{ message }] })
}

export function requestLimits(options: { jsonBodyBytes: number }): RequestHandler {
  return (req, res, next) => {
    // A JSON body the size of a document, not of an upload: uploads are multipart, with their own limit.
    const length = Number(req.get('content-length') ?? 0)
    if ((req.get('content-type') ?? '').includes('json') && length > options.jsonBodyBytes) {
      return refuse(res, 413, `a JSON body may be at most ${options.jsonBodyBytes} bytes (this one is ${length})`)
    }
    const limited = LIMITED.find((l) => l.path === req.path && l.method.includes(req.method))
    if (limited) {
      const taken = takeRequest(limited.limit, req.ip ?? 'unknown')
      if (!taken.allowed) return refuse(res, 429, `too many ${limited.what}; try again in ${taken.retryAfter} s`, { 'Retry-After': String(taken.retryAfter) })
    }
    next()
  }
}
