/**
 * Payload's JWT and API-key strategies load the user from the database on every request, which
 * caps an authenticated endpoint at about 480 requests a second here (architecture: "Hot paths").
 * This strategy runs first and remembers, for a few seconds, the user Payload's own strategy
 * returned for an Authorization header; everything else (signature, expiry, session, the API
 * key's lookup) is Payload's own check, on a miss. A header that fails is checked twice (here,
 * then by Payload's strategy after this one): only failures pay that.
 *
 * A change of the user (a new or disabled API key, roles, deletion) or a logout drops their
 * entries at once in this process, and other processes of a scaled-out deployment see it within
 * TTL_MS. A lookup that overlaps a change is not remembered: the afterChange hook runs before
 * the change commits, so for COMMIT_GRACE_MS after a change nothing read about that user is.
 */
import { createHash } from 'node:crypto'
import type { AuthStrategy, AuthStrategyFunctionArgs, CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterLogoutHook } from 'payload'
import { JWTAuthentication } from 'payload'
import { CORE } from '../slugs'

const TTL_MS = 10_000
const COMMIT_GRACE_MS = 5_000
const MAX_ENTRIES = 10_000
const API_KEY_PREFIX = `${CORE.users} API-Key `

type Entry = { user: Record<string, unknown>; userId: string; expires: number }
/** Keyed by a hash of the header, so that the heap holds no API key or token. */
const byAuthorization = new Map<string, Entry>()
/** When each user last changed, while it matters (COMMIT_GRACE_MS). */
const changedAt = new Map<string, number>()

/** Payload's own strategy for this header, or none: cookie sessions (the admin panel) keep Payload's path. */
function payloadStrategyFor(authorization: string | null, args: AuthStrategyFunctionArgs): AuthStrategy['authenticate'] | undefined {
  if (!authorization) return undefined
  if (authorization.startsWith('JWT ') || authorization.startsWith('Bearer ')) {
    return (a) => JWTAuthentication({ ...a, strategyName: 'local-jwt' })
  }
  if (authorization.startsWith(API_KEY_PREFIX)) {
    // Payload registers the API-key strategy of an auth collection as `<slug>-api-key`.
    return args.payload.authStrategies.find((s) => s.name === `${CORE.users}-api-key`)?.authenticate
  }
  return undefined
}

export const cachedAuthStrategy: AuthStrategy = {
  name: 'cached',
  authenticate: async (args) => {
    const authorization = args.headers.get('authorization')
    const authenticate = payloadStrategyFor(authorization, args)
    if (!authorization || !authenticate) return { user: null }
    const key = createHash('sha256').update(authorization).digest('base64url')
    const started = Date.now()
    const hit = byAuthorization.get(key)
    if (hit && hit.expires > started) return { user: { ...hit.user } as never }
    const result = await authenticate(args)
    if (result.user) {
      const userId = String(result.user.id)
      const changed = changedAt.get(userId)
      if (changed === undefined || changed < started - COMMIT_GRACE_MS) {
        if (byAuthorization.size >= MAX_ENTRIES) byAuthorization.clear()
        byAuthorization.set(key, { user: { ...result.user }, userId, expires: started + TTL_MS })
      }
    }
    return result
  },
}

function forget(userId: unknown) {
  const id = String(userId)
  for (const [key, entry] of byAuthorization) if (entry.userId === id) byAuthorization.delete(key)
  const now = Date.now()
  for (const [other, at] of changedAt) if (at < now - COMMIT_GRACE_MS) changedAt.delete(other)
  changedAt.set(id, now)
}

export const forgetCachedUserOnChange: CollectionAfterChangeHook = ({ doc }) => {
  forget(doc.id)
  return doc
}
export const forgetCachedUserOnDelete: CollectionAfterDeleteHook = ({ doc }) => {
  forget(doc.id)
}
export const forgetCachedUserOnLogout: CollectionAfterLogoutHook = ({ req }) => {
  if (req.user) forget(req.user.id)
}
