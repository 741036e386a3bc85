/**
 * Text that PostgreSQL refuses in text and JSON columns, U+0000 and unpaired UTF-16 surrogates:
 * it answered 500, while SQLite stored the one and turned the other into invalid UTF-8. Refused
 * on every database (strictInput.ts for requests to collections, the xAPI statement schema), so
 * that input is accepted or refused alike wherever the platform runs.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why no database here can store this text, or null. */
export const whyUnstorable = (text: string): string | null =>
  text.includes('\0') ? 'must not contain the character U+0000 (NUL)' : UNPAIRED_SURROGATE.test(text) ? 'must be well-formed Unicode (it holds an unpaired surrogate)' : null

/** Where the first string or key no database here can store is, and why; or null. */
export function unstorableText(value: unknown, path: Array<string | number> = []): { path: Array<string | number>; message: string } | null {
  if (typeof value === 'string') {
    const message = whyUnstorable(value)
    return message ? { path, message } : null
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableText(item, [...path, i])
      if (found) return found
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const message = whyUnstorable(key)
      if (message) return { path: [...path, key], message }
      const found = unstorableText(item, [...path, key])
      if (found) return found
    }
  }
  return null
}
