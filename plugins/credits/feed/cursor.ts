/**
 * Feed cursors: opaque to registrars, signed so that they cannot be forged or moved to another
 * university. A cursor names the last sequence number the caller received.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export class CursorError extends Error {}

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`credit-feed:${body}`).digest('base64url').slice(0, 22)

export function encodeCursor(secret: string, university: string | number, sequence: number): string {
  const body = Buffer.from(JSON.stringify({ u: String(university), s: sequence })).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

export function decodeCursor(secret: string, cursor: string, university: string | number): number {
  const [body, signature, extra] = cursor.split('.')
  if (!body || !signature || extra !== undefined) throw new CursorError('cursor is malformed: use nextCursor from a previous response')
  const expected = Buffer.from(mac(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CursorError('cursor is not one this server issued')
  let parsed: { u?: unknown; s?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    throw new CursorError('cursor is malformed: use nextCursor from a previous response')
  }
  if (parsed.u !== String(university)) throw new CursorError('cursor belongs to another university’s feed')
  if (typeof parsed.s !== 'number' || !Number.isInteger(parsed.s) || parsed.s < 0) throw new CursorError('cursor is malformed')
  return parsed.s
}
