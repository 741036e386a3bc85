/**
 * Request rate limits, counted in this process's memory per key (an address, a user, an email)
 * in fixed windows. Behind several processes each counts its own share: put the proxy's limits
 * in front as well (README, "Limits"). RATE_LIMIT_SCALE multiplies every limit; 0 switches them
 * off (the test suite does, but for the tests of the limits themselves).
 */
export type Rule = { requests: number; seconds: number }

/** The limits, per what they protect and whom they count. */
export const RATE_LIMITS = {
  loginPerAddress: { requests: 20, seconds: 60 },
  passwordResetPerAddress: { requests: 5, seconds: 15 * 60 },
  passwordResetPerEmail: { requests: 3, seconds: 60 * 60 },
  xapiPerAddress: { requests: 3000, seconds: 60 },
  xapiPerUser: { requests: 600, seconds: 60 },
  feedPerAddress: { requests: 600, seconds: 60 },
  feedPerUser: { requests: 300, seconds: 60 },
} satisfies Record<string, Rule>
export type LimitName = keyof typeof RATE_LIMITS

type Counters = { windows: Map<string, { resetAt: number; count: number }>; scale: number }
// One set of counters per process: Next.js bundles its own copy of this module for the portal's
// server actions, and a sign-in through the portal must count against the same address as one
// through the API.
const counters: Counters = ((globalThis as { [key: symbol]: Counters })[Symbol.for('lianpei.rateLimits')] ??= { windows: new Map(), scale: 1 })

export function setRateLimitScale(value: number) {
  counters.scale = value
  counters.windows.clear()
}

/**
 * The header the express layer sets to the caller's address (req.ip, after TRUST_PROXY) before
 * handing a request to Next.js, replacing any value the client sent: server actions have no
 * socket of their own to ask.
 */
export const CLIENT_ADDRESS_HEADER = 'x-lianpei-client-address'

/** Counts one request against `name` for `key`: allowed, or how many seconds until it would be. */
export function takeRequest(name: LimitName, key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfter: number } {
  const { windows, scale } = counters
  if (scale === 0) return { allowed: true }
  const rule = RATE_LIMITS[name]
  const id = `${name}:${key}`
  let window = windows.get(id)
  if (!window || window.resetAt <= now) {
    if (windows.size > 50_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k)
    window = { resetAt: now + rule.seconds * 1000, count: 0 }
    windows.set(id, window)
  }
  window.count++
  if (window.count <= Math.max(1, Math.round(rule.requests * scale))) return { allowed: true }
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) }
}

/** The 429 a refused request gets: what was limited, and when to come back. */
export function tooManyRequests(what: string, retryAfter: number): Response {
  return Response.json(
    { errors: [{ message: `too many ${what}; try again in ${retryAfter} s` }] },
    { status: 429, headers: { 'Retry-After': String(retryAfter) } },
  )
}

/** For an endpoint: a 429 when the signed-in user is over `name`'s limit, else undefined. */
export function limitPerUser(name: LimitName, user: { id: unknown } | null | undefined, what: string): Response | undefined {
  if (!user) return undefined
  const taken = takeRequest(name, String(user.id))
  return taken.allowed ? undefined : tooManyRequests(what, taken.retryAfter)
}
