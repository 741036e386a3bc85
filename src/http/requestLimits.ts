/**
 * The express layer's limits, before a request reaches Payload: the size of a JSON body, and the
 * per-address rate of the paths that attackers and runaway clients hammer (sign-in, password
 * reset, xAPI ingest, the credit feed). Per-user limits sit in the endpoints, which know the user.
 */
import type { RequestHandler } from 'express'
import { readBody } from './bufferedBody'
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

/**
 * The method Payload will serve: a POST with a method override is read as the method it names.
 * The path without trailing slashes, which Payload's routes take as well.
 */
const methodOf = (req: Parameters<RequestHandler>[0]) => (req.method === 'POST' && (req.get('x-payload-http-method-override') ?? req.get('x-http-method-override'))?.toUpperCase()) || req.method
const pathOf = (req: Parameters<RequestHandler>[0]) => req.path.replace(/\/+$/, '') || '/'

/** A 429 when the caller's address is over the limit of the path it asks for, else nothing. */
function overRate(req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]): boolean {
  const path = pathOf(req)
  const method = methodOf(req)
  const limited = LIMITED.find((l) => l.path === path && l.method.includes(method))
  if (!limited) return false
  const taken = takeRequest(limited.limit, req.ip ?? 'unknown')
  if (taken.allowed) return false
  refuse(res, 429, `too many ${limited.what}; try again in ${taken.retryAfter} s`, { 'Retry-After': String(taken.retryAfter) })
  return true
}

export function requestLimits(options: { jsonBodyBytes: number }): RequestHandler {
  const tooLong = (length: string) => `a request body may be at most ${options.jsonBodyBytes} bytes (this one is ${length}); files go as multipart uploads`
  return (req, res, next) => {
    if (overRate(req, res)) return
    // A body the size of a document, not of an upload: uploads are multipart, with their own
    // limit. The API's endpoints read any other body whole (JSON, a CSV, text), so all are measured.
    const type = req.get('content-type') ?? ''
    const api = req.path.startsWith('/api/')
    const measured = type.includes('json') || (api && !type.startsWith('multipart/'))
    const length = Number(req.get('content-length') ?? 0)
    if (measured && length > options.jsonBodyBytes) return refuse(res, 413, tooLong(String(length)))
    // Such a body is read here whole, up to the limit: a chunked one says no length to check, and
    // Payload reads the others whole anyway, which costs less from bytes than from a web stream
    // (bench:xapi-ingest, 2026-11-29: about 0.1 ms of a statement's 1.3 ms).
    if (measured && api && (length > 0 || req.get('transfer-encoding') !== undefined)) {
      return void readBody(req, options.jsonBodyBytes).then((read) => {
        if ('body' in read) return next()
        if ('tooLong' in read) return refuse(res, 413, tooLong('longer'))
        res.end()
      })
    }
    next()
  }
}
