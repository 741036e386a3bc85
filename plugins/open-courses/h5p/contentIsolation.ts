/**
 * How H5P runs without reaching the platform. Everything under /h5p (an author's content, the
 * installed libraries, the player's assets) is served with `Content-Security-Policy: sandbox`:
 * a document opened from there (an XHTML or SVG file an author slipped in) gets an opaque origin
 * and runs no script, so it can neither read the platform's pages nor call /api with the
 * signed-in user's cookie. The player itself runs in a frame sandboxed the same way but allowed
 * script (`allow-scripts`, never `allow-same-origin`); it hands its xAPI statements to the
 * platform's page by postMessage, and only that page, on the platform's origin, talks to /api.
 */
import type { ServerResponse } from 'node:http'

/** For every file served under /h5p. */
export const SERVED_FILE_CSP =
  "sandbox; default-src 'none'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:"

export function isolateServedFile(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', SERVED_FILE_CSP)
  // The player's frame has an opaque origin: its fetches of h5p.json and content.json, and its
  // fonts, are cross-origin requests, and helmet's default would refuse the embedding.
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
}

/**
 * The player frame's own document: script, but no same-origin access and no top navigation; and
 * only the scripts the frame itself starts (its nonce) and those they load — h5p-standalone, the
 * H5P core, the installed libraries — never an inline handler or javascript: URL in content.
 */
export const playerFrameCsp = (frameAncestors: string[], nonce: string) =>
  [
    'sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-forms allow-downloads',
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ')

/** The attribute on the platform page's <iframe>, the same sandbox as the header. */
export const PLAYER_FRAME_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-forms allow-downloads'
