/**
 * Payload's JWT and API-key strategies load the user from the database on every request, which
 * caps an authenticated endpoint at about 480 requests a second here (architecture: "Hot paths").
 * This strategy runs first and remembers, for a few seconds, the user Payload's own strategy
 * returned for an Authorization header; everything else (signature, expiry, session, the API
 * key's lookup) is Payload's own check, on a miss. An entry is dropped at once when the user
 * changes (a new or disabled API key included), logs out or is deleted, in this process; other
 * processes of a scaled-out deployment see the change within TTL_MS.
 */
import type { AuthStrategy, AuthStrategyFunctionArgs, CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterLogoutHook } from 'payload'
import { JWTAuthentication } from 'payload'
import { CORE } from '../slugs'

const TTL_MS = 10_000
const MAX_ENTRIES = 10_000
const API_KEY_PREFIX = `${CORE.users} API-Key `

type Entry = { user: Record<string, unknown>; userId: string; expires: number }
const byAuthorization = new Map<string, Entry>()

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
    const now = Date.now()
    const hit = byAuthorization.get(authorization)
    if (hit && hit.expires > now) return { user: { ...hit.user } as never }
    const result = await authenticate(args)
    if (result.user) {
      if (byAuthorization.size >= MAX_ENTRIES) byAuthorization.clear()
      byAuthorization.set(authorization, { user: { ...result.user }, userId: String(result.user.id), expires: now + TTL_MS })
    }
    return result
  },
}

function forget(userId: unknown) {
  for (const [authorization, entry] of byAuthorization) if (entry.userId === String(userId)) byAuthorization.delete(authorization)
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
