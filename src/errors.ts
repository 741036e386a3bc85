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
