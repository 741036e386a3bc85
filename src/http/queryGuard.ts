/**
 * Checks the query of a REST read before Payload sees it, so that a malformed one is a 400 that
 * says what is wrong rather than a 500 from the database or a silently ignored parameter:
 * - `where`: every condition ends in one of Payload's operators with a value (not an object:
 *   `where[name][equals][$gt]=` reached the SQL layer as an object), and no key is a MongoDB
 *   operator (`$ne`, `$gt`…), whatever the database;
 * - `limit`, `page`, `depth`: whole numbers (`page` at most MAX_PAGE, `depth` at most 10);
 * - no value or key holds text no database here can store or compare (U+0000: PostgreSQL
 *   answered 500 for `where[title][equals]=a%00b`, SQLite for a catalogue search).
 * Parsed with qs-esm, as Payload parses it.
 */
import type { RequestHandler } from 'express'
import * as qs from 'qs-esm'
import { MAX_PAGE } from '../paging'
import { unstorableText } from '../storableText'
import { readBody } from './bufferedBody'

const OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'not_like', 'contains', 'within', 'intersects', 'near'])
const NUMBERS: Record<string, { min: number; max?: number }> = { limit: { min: 0 }, page: { min: 1, max: MAX_PAGE }, depth: { min: 0, max: 10 } }

const isRelation = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => k === 'relationTo' || k === 'value') && Object.values(v).every((x) => typeof x !== 'object')

/** Why a `where` is malformed, or undefined. */
function whereProblem(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return `${path} must name a field and an operator, e.g. ${path}[title][equals]=…`
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const here = `${path}[${key}]`
    if (key.startsWith('$')) return `${here}: "${key}" is not an operator here; use Payload's (${[...OPERATORS].slice(0, 6).join(', ')}, …)`
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(inner) ? inner : typeof inner === 'object' && inner !== null ? Object.values(inner) : undefined
      if (!list) return `${here} must be a list of conditions`
      for (const [i, condition] of list.entries()) {
        const problem = whereProblem(condition, `${here}[${i}]`)
        if (problem) return problem
      }
    } else if (OPERATORS.has(key)) {
      // Values are text, lists of text, a polymorphic relation ({ relationTo, value }), or GeoJSON for within/intersects.
      const isValue = (v: unknown) => v === null || typeof v !== 'object' || isRelation(v)
      if (key === 'within' || key === 'intersects') continue
      if (inner !== null && typeof inner === 'object' && !Array.isArray(inner) && !isValue(inner)) return `${here} must be a value, not an object`
      if (Array.isArray(inner) && !inner.every(isValue)) return `${here} must be a list of values`
    } else {
      const problem = whereProblem(inner, here)
      if (problem) return problem
    }
  }
  return undefined
}

export function queryProblem(search: string): string | undefined {
  if (!search) return undefined
  const query = qs.parse(search, { ignoreQueryPrefix: true, depth: 10, arrayLimit: 1000 }) as Record<string, unknown>
  const unstorable = unstorableText(query)
  if (unstorable) {
    const [first, ...rest] = unstorable.path
    return `${first}${rest.map((key) => `[${key}]`).join('')}: ${unstorable.message}`
  }
  if (query.where !== undefined) {
    const problem = whereProblem(query.where, 'where')
    if (problem) return problem
  }
  for (const [name, range] of Object.entries(NUMBERS)) {
    if (query[name] === undefined) continue
    const text = String(query[name])
    const n = Number(text)
    if (!/^\d+$/.test(text) || n < range.min || (range.max !== undefined && n > range.max)) {
      return `${name} must be a whole number from ${range.min}${range.max === undefined ? ' up' : ` to ${range.max}`} (got "${text}")`
    }
  }
  return undefined
}

/** `/api/<collection>/<id>`: an id is letters, digits, `-` and `_`; anything else names nothing. */
const ID_PATH = /^\/([a-z0-9-]+)\/([^/]+)$/

/** A long `where[id][in]` list, not a document. */
const QUERY_BODY_BYTES = 256 * 1024

/**
 * Payload reads a POST with `X-Payload-HTTP-Method-Override: GET` (or `X-HTTP-Method-Override`)
 * and a form body as a GET whose query is the body (the admin panel sends long queries so).
 */
const queryInBody = (req: Parameters<RequestHandler>[0]) =>
  req.method === 'POST' &&
  (req.get('x-payload-http-method-override') === 'GET' || req.get('x-http-method-override') === 'GET') &&
  req.get('content-type') === 'application/x-www-form-urlencoded'

/** For /api: a 404 for a path no id can make, and a 400 naming the malformed part of a query (bulk updates and deletes have one too). */
export const queryGuard: RequestHandler = (req, res, next) => {
  const id = ID_PATH.exec(req.path)?.[2]
  if (id !== undefined && !/^[\w-]+$/.test(id)) return void res.status(404).json({ errors: [{ message: `no document "${id.slice(0, 60)}": ids are letters, digits, - and _` }] })
  const at = req.originalUrl.indexOf('?')
  const problem = at === -1 ? undefined : queryProblem(req.originalUrl.slice(at + 1))
  if (problem) return void res.status(400).json({ errors: [{ message: problem }] })
  if (!queryInBody(req)) return next()
  void readBody(req, QUERY_BODY_BYTES).then((read) => {
    if ('aborted' in read) return void res.end()
    if ('tooLong' in read) return void res.status(413).json({ errors: [{ message: `a query sent as a body may be at most ${QUERY_BODY_BYTES} bytes` }] })
    const inBody = queryProblem(read.body.toString('utf8'))
    if (inBody) return void res.status(400).json({ errors: [{ message: inBody }] })
    next()
  })
}
