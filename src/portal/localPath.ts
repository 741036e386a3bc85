/**
 * A path of this site to return to (`next`, `back`): a local path only, never another origin.
 * Browsers drop tabs and newlines from a URL and read a backslash as a slash, so `/\t/evil.example`
 * or `/\evil.example` would leave the site although they start with one slash: a value with a
 * control character or a backslash is refused, and what is left must resolve to this origin. Dot
 * segments resolve too (`/.//evil.example` becomes `//evil.example`), so the result is checked,
 * not only the value.
 */
const HERE = 'http://portal.invalid'

export function localPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, HERE)
  } catch {
    return fallback
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  return url.origin === HERE && !path.startsWith('//') ? path : fallback
}

/** A local path without its query or fragment. */
export const withoutQuery = (path: string): string => new URL(path, HERE).pathname
