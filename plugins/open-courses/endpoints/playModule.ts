import type { Endpoint } from 'payload'
import { CORE } from '../../../collections/slugs'
import { errorResponse } from '../../../src/errors'
import { PLAYER_FRAME_SANDBOX } from '../h5p/contentIsolation'
import type { SanitizedOpenCoursesOptions } from '../types'
import { PLAYER_RELAY_SCRIPT, PLAYER_SETTINGS_ID, type PlayerSettings } from '../h5p/playerRelay'
import { scriptJson } from './embedPackage'

type Doc = Record<string, any>

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * `GET /api/modules/:id/play`: a page that plays the module's H5P package in the sandboxed player
 * frame (`/api/h5p-packages/:id/embed`) and relays the frame's xAPI statements (h5p/playerRelay.ts).
 * The portal's module page does the same inside the portal's frame.
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
    const settings: PlayerSettings = {
      activity: `${origin}/modules/${module.id}`,
      mbox: `mailto:${(req.user as Doc).email}`,
      labels: { recorded: '已记录 / recorded: {verb}', notRecorded: '未能记录 / not recorded ({status})' },
    }
    const frameSrc = `${options.h5p.contentOrigin ?? ''}/api/h5p-packages/${encodeURIComponent(String(module.h5pPackage))}/embed`
    const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(module.title))} · LianPei</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}#h5p-player{width:100%;min-height:320px;border:0}</style>
</head><body>
<h1>${escapeHtml(String(module.title))}</h1>
<iframe id="h5p-player" title="${escapeHtml(String(module.title))}" sandbox="${PLAYER_FRAME_SANDBOX}" src="${escapeHtml(frameSrc)}"></iframe>
<p id="xapi-status" role="status"></p>
<script type="application/json" id="${PLAYER_SETTINGS_ID}">${scriptJson(settings)}</script>
<script>${PLAYER_RELAY_SCRIPT}</script>
</body></html>`
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
  },
})
