import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * `X-LianPei-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` — the scheme Stripe
 * made familiar: the timestamp is signed with the body, so a captured delivery cannot be replayed
 * later, and receivers compare in constant time.
 */
export const SIGNATURE_HEADER = 'X-LianPei-Signature'

export function signPayload(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${mac}`
}

export function verifySignature(secret: string, body: string, header: string, toleranceSeconds = 300, now = Date.now() / 1000): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isFinite(t) || !parts.v1 || Math.abs(now - t) > toleranceSeconds) return false
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'))
  const given = Buffer.from(parts.v1)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
