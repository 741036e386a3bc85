/**
 * Payload's JWT strategy loads the user from the database on every request, which caps an
 * authenticated endpoint at about 480 requests a second here (architecture: "Hot paths"). This
 * strategy runs first and remembers, for a few seconds, the user Payload's own strategy returned
 * for a token; everything else — signature, expiry, session — is Payload's own check, on a miss.
 * An entry is dropped at once when the user changes, logs out or is deleted (in this process;
 * other processes of a scaled-out deployment see the change within TTL_MS).
 */
import type { AuthStrategy, CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterLogoutHook } from 'payload'
import { JWTAuthentication } from 'payload'

const TTL_MS = 10_000
const MAX_ENTRIES = 10_000

type Entry = { user: Record<string, unknown>; userId: string; expires: number }
const byToken = new Map<string, Entry>()

function tokenOf(headers: Headers): string | undefined {
  const authorization = headers.get('authorization')
  if (authorization?.startsWith('JWT ')) return authorization.slice(4)
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7)
  return undefined
}

export const cachedJwtStrategy: AuthStrategy = {
  name: 'cached-jwt',
  authenticate: async (args) => {
    // Only the Authorization header: cookie sessions (the admin panel) keep Payload's own path.
    const token = tokenOf(args.headers)
    if (!token) return { user: null }
    const now = Date.now()
    const hit = byToken.get(token)
    if (hit && hit.expires > now) return { user: { ...hit.user } as never }
    const result = await JWTAuthentication({ ...args, strategyName: 'local-jwt' })
    if (result.user) {
      if (byToken.size >= MAX_ENTRIES) byToken.clear()
      byToken.set(token, { user: { ...result.user }, userId: String(result.user.id), expires: now + TTL_MS })
    }
    return result
  },
}

function forget(userId: unknown) {
  for (const [token, entry] of byToken) if (entry.userId === String(userId)) byToken.delete(token)
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
