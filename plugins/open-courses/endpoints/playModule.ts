import type { Endpoint } from 'payload'
import { CORE } from '../../../collections/slugs'
import { errorResponse } from '../../../src/errors'
import { H5P_ROUTES } from '../constants'

type Doc = Record<string, any>

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * `GET /api/modules/:id/play`: a page that plays the module's H5P package with h5p-standalone and
 * sends its xAPI statements, bound to the signed-in learner, to POST /api/xapi/statements. The
 * activity id is rewritten to the module's own, so statements find their module and course.
 */
export const playModuleEndpoint: Endpoint = {
  path: '/:id/play',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'sign in to study this module')
    const id = req.routeParams?.id as string
    const module = (await req.payload.findByID({ collection: CORE.modules, id, depth: 0, req, overrideAccess: false, disableErrors: true })) as Doc | null
    if (!module) return errorResponse(404, `no module ${id} that you may see`)
    if (module.kind !== 'h5p' || !module.h5pPackage) return errorResponse(400, `module ${id} has no H5P package to play`)
    const origin = new URL(req.url ?? '', 'http://localhost').origin
    const settings = {
      activity: `${origin}/modules/${module.id}`,
      mbox: `mailto:${(req.user as Doc).email}`,
      options: {
        h5pJsonPath: `${H5P_ROUTES.content}/${module.h5pPackage}`,
        frameJs: `${H5P_ROUTES.player}/frame.bundle.js`,
        frameCss: `${H5P_ROUTES.player}/styles/h5p.css`,
        id: `module-${module.id}`,
      },
    }
    const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(module.title))} · LianPei</title>
<script src="${H5P_ROUTES.player}/main.bundle.js"></script>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}</style>
</head><body>
<h1>${escapeHtml(String(module.title))}</h1>
<div id="h5p-container"></div>
<p id="xapi-status" role="status"></p>
<script>
const settings = ${scriptJson(settings)};
const status = document.getElementById('xapi-status');
new H5PStandalone.H5P(document.getElementById('h5p-container'), settings.options).then(() => {
  H5P.externalDispatcher.on('xAPI', async (event) => {
    const statement = event.data.statement;
    const sub = (statement.object.id.match(/[?&]subContentId=[^&]+/) || [''])[0].replace('&', '?');
    statement.actor = { objectType: 'Agent', mbox: settings.mbox };
    statement.object.id = settings.activity + sub;
    const response = await fetch('/api/xapi/statements', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
      body: JSON.stringify(statement),
    });
    status.textContent = response.ok ? '已记录 / recorded: ' + statement.verb.id.split('/').pop() : '未能记录 / not recorded (' + response.status + ')';
  });
});
</script>
</body></html>`
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
  },
}
