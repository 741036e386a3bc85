/**
 * The rotating check-in code an organiser shows (as digits and as a QR code): six digits derived
 * from the session's secret and the current period (an HMAC, as TOTP does), so a code photographed
 * and passed on stops working a period later, and a code of one session is worthless for another.
 * The code of the period before is still taken, for a learner who typed it as it changed.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const newCheckInSecret = () => randomBytes(32).toString('hex')

export function codeFor(secret: string, period: number): string {
  const mac = createHmac('sha256', secret).update(String(period)).digest()
  return String(mac.readUInt32BE(mac.length - 4) % 1_000_000).padStart(6, '0')
}

export const periodAt = (ms: number, codeSeconds: number) => Math.floor(ms / (codeSeconds * 1000))

/** The code to show now, and when it changes. */
export function currentCode(secret: string, now: number, codeSeconds: number): { code: string; expiresAt: string } {
  const period = periodAt(now, codeSeconds)
  return { code: codeFor(secret, period), expiresAt: new Date((period + 1) * codeSeconds * 1000).toISOString() }
}

/** True for the code of this period or the one before. */
export function codeIsCurrent(secret: string, code: string, now: number, codeSeconds: number): boolean {
  const period = periodAt(now, codeSeconds)
  const same = (expected: string) => code.length === expected.length && timingSafeEqual(Buffer.from(code), Buffer.from(expected))
  return same(codeFor(secret, period)) || same(codeFor(secret, period - 1))
}
