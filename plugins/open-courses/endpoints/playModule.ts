import type { Endpoint } from 'payload'
import { CORE } from '../../../collections/slugs'
import { errorResponse } from '../../../src/errors'
import { PLAYER_FRAME_SANDBOX } from '../h5p/contentIsolation'
import type { SanitizedOpenCoursesOptions } from '../types'
import { scriptJson } from './embedPackage'

type Doc = Record<string, any>

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * `GET /api/modules/:id/play`: a page that plays the module's H5P package in the sandboxed player
 * frame (`/api/h5p-packages/:id/embed`) and relays the frame's xAPI statements, bound to the
 * signed-in learner and to the module's activity id, to POST /api/xapi/statements. Only messages
 * from that frame are relayed; the server binds the actor to the learner whatever they say.
 */
export const playModuleEndpoint = (options: SanitizedOpenCoursesOptions): Endpoint => ({
  path: '/:id/play',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'sign in to study this module')
    const id = req.routeParams?.id as string
    const module = (await req.payload.findByID({ collection: CORE.modules, id, depth: 0, req, overrideAccess: false, disableErrors: true })) as Doc | null
    if (!module) return errorResponse(404, `no module ${id} that you may see`)
    if (module.kind !== 'h5p' || !module.h5pPackage) return errorResponse(400, `module ${id} has no H5P package to play`)
    const origin = new URL(req.url ?? '', 'http://localhost').origin
    const settings = { activity: `${origin}/modules/${module.id}`, mbox: `mailto:${(req.user as Doc).email}` }
    const frameSrc = `${options.h5p.contentOrigin ?? ''}/api/h5p-packages/${encodeURIComponent(String(module.h5pPackage))}/embed`
    const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(module.title))} · LianPei</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}#h5p-player{width:100%;min-height:320px;border:0}</style>
</head><body>
<h1>${escapeHtml(String(module.title))}</h1>
<iframe id="h5p-player" title="${escapeHtml(String(module.title))}" sandbox="${PLAYER_FRAME_SANDBOX}" src="${escapeHtml(frameSrc)}"></iframe>
<p id="xapi-status" role="status"></p>
<script>
const settings = ${scriptJson(settings)};
const frame = document.getElementById('h5p-player');
const status = document.getElementById('xapi-status');
window.addEventListener('message', async (event) => {
  if (event.source !== frame.contentWindow || !event.data || typeof event.data !== 'object') return;
  if (event.data.type === 'lianpei:resize' && Number.isFinite(event.data.height)) {
    frame.style.height = Math.min(Math.max(event.data.height, 320), 4000) + 'px';
    return;
  }
  if (event.data.type !== 'lianpei:xapi') return;
  const statement = event.data.statement;
  if (!statement || typeof statement !== 'object' || !statement.verb || !statement.object || typeof statement.object.id !== 'string') return;
  const sub = (statement.object.id.match(/[?&]subContentId=[^&#]+/) || [''])[0].replace('&', '?');
  // The frame speaks for the content, not for the learner or the clock: the platform sets those.
  for (const field of ['id', 'timestamp', 'stored', 'authority', 'version']) delete statement[field];
  statement.actor = { objectType: 'Agent', mbox: settings.mbox };
  statement.object.id = settings.activity + sub;
  const response = await fetch('/api/xapi/statements', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
    body: JSON.stringify(statement),
  });
  status.textContent = response.ok ? '已记录 / recorded: ' + String(statement.verb.id).split('/').pop() : '未能记录 / not recorded (' + response.status + ')';
});
</script>
</body></html>`
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
  },
})
