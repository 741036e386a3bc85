/** Error responses in Payload's shape, and recognising Payload's unique-index refusal. */

/** `{ errors: [{ message }] }` with the status, as Payload answers; `extra` adds fields beside `errors`. */
export const errorResponse = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  Response.json({ errors: [{ message }], ...extra }, { status })

/**
 * True when Payload refused a write because `field`'s unique index already holds the value. The
 * adapters report it as a ValidationError naming the field, on SQLite, PostgreSQL and MongoDB alike.
 */
export const isUniqueViolation = (error: unknown, field: string): boolean =>
  JSON.stringify((error as { data?: unknown } | null)?.data ?? '').includes(`"path":"${field}"`)

/** A driver's own unique-constraint refusal (SQLite, PostgreSQL 23505, MongoDB 11000), below Payload. */
export const isUniqueConstraintError = (error: unknown): boolean => {
  const e = error as { code?: unknown; message?: string; cause?: unknown } | null
  if (!e) return false
  if (e.code === '23505' || e.code === 11000 || /UNIQUE constraint failed|duplicate key/i.test(String(e.message))) return true
  return e.cause !== undefined && e.cause !== error && isUniqueConstraintError(e.cause)
}
