import { randomBytes } from 'node:crypto'
import type { Endpoint } from 'payload'
import { errorResponse } from '../../../src/errors'
import { H5P_ROUTES, OPEN_COURSE_SLUGS } from '../constants'
import { playerFrameCsp } from '../h5p/contentIsolation'
import type { SanitizedOpenCoursesOptions } from '../types'

/** JSON that is safe inside a <script> element. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * `GET /api/h5p-packages/:id/embed`: the player frame. It plays the package with h5p-standalone
 * (libraries from the registry) and posts each xAPI statement to the page that embeds it; it
 * knows nothing of the learner and, sandboxed (h5p/contentIsolation.ts), cannot act for them.
 */
export const embedPackageEndpoint = (options: SanitizedOpenCoursesOptions): Endpoint => ({
  path: '/:id/embed',
  method: 'get',
  handler: async (req) => {
    const id = req.routeParams?.id as string
    const pkg = (await req.payload.findByID({ collection: OPEN_COURSE_SLUGS.h5pPackages as never, id, depth: 0, overrideAccess: false, req, disableErrors: true })) as { id: number | string } | null
    if (!pkg) return errorResponse(404, `no H5P package ${id}`)
    const assets = options.h5p.contentOrigin ?? ''
    const player = {
      h5pJsonPath: `${assets}${H5P_ROUTES.content}/${pkg.id}`,
      librariesPath: `${assets}${H5P_ROUTES.libraries}`,
      frameJs: `${assets}${H5P_ROUTES.player}/frame.bundle.js`,
      frameCss: `${assets}${H5P_ROUTES.player}/styles/h5p.css`,
      id: `package-${pkg.id}`,
      // This frame is the player's iframe: a nested one would get an opaque origin of its own,
      // which h5p-standalone could not write into.
      embedType: 'div',
    }
    const nonce = randomBytes(16).toString('base64')
    const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<script nonce="${nonce}" src="${assets}${H5P_ROUTES.player}/main.bundle.js"></script>
<style>html,body{margin:0;padding:0;background:transparent}</style>
</head><body>
<div id="h5p-container"></div>
<script nonce="${nonce}">
const player = ${scriptJson(player)};
const tell = (message) => parent.postMessage(message, '*');
// h5p-standalone's promise does not settle in div mode, so wait for the H5P core's dispatcher instead.
const listen = () => {
  if (!(window.H5P && H5P.externalDispatcher)) return setTimeout(listen, 50);
  H5P.externalDispatcher.on('xAPI', (event) => tell({ type: 'lianpei:xapi', statement: JSON.parse(JSON.stringify(event.data.statement)) }));
  tell({ type: 'lianpei:ready' });
};
listen();
new H5PStandalone.H5P(document.getElementById('h5p-container'), player)
  .catch((error) => tell({ type: 'lianpei:error', message: String((error && error.message) || error) }));
let height = 0;
new ResizeObserver(() => {
  const now = document.documentElement.scrollHeight;
  if (now !== height) tell({ type: 'lianpei:resize', height: (height = now) });
}).observe(document.body);
</script>
</body></html>`
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': playerFrameCsp(["'self'", ...options.frameAncestors], nonce),
        'cache-control': 'no-store',
      },
    })
  },
})
