/**
 * Text that PostgreSQL refuses in text and JSON columns, U+0000 and unpaired UTF-16 surrogates:
 * it answered 500, while SQLite stored the one and turned the other into invalid UTF-8. Refused
 * on every database (strictInput.ts for requests to collections, http/readJsonBody.ts for the
 * platform's own endpoints, the xAPI statement schema, H5P packages' JSON), so that input is
 * accepted or refused alike wherever the platform runs.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why no database here can store this text, or null. */
export const whyUnstorable = (text: string): string | null =>
  text.includes('\0') ? 'must not contain the character U+0000 (NUL)' : UNPAIRED_SURROGATE.test(text) ? 'must be well-formed Unicode (it holds an unpaired surrogate)' : null

/** Where the first string or key no database here can store is, and why; or null. */
export function unstorableText(value: unknown): { path: Array<string | number>; message: string } | null {
  // One path, extended and shortened on the way: copied only for the answer (xAPI's hot path).
  const path: Array<string | number> = []
  const visit = (node: unknown): string | null => {
    if (typeof node === 'string') return whyUnstorable(node)
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i)
        const message = visit(node[i])
        if (message) return message
        path.pop()
      }
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        path.push(key)
        const message = whyUnstorable(key) ?? visit((node as Record<string, unknown>)[key])
        if (message) return message
        path.pop()
      }
    }
    return null
  }
  const message = visit(value)
  return message ? { path: [...path], message } : null
}
