import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { CORE } from '../../../collections/slugs'
import { idOf, userHasRole } from '../../../src/access'
import { clock } from '../../../src/clock'
import { errorResponse } from '../../../src/errors'
import { readJsonBody } from '../../../src/http/readJsonBody'
import { say } from '../../../src/i18n/say'
import { checkIn, checkInWindow } from '../attendance/checkIn'
import { currentCode } from '../attendance/checkInCode'
import { CAMP_SLUGS } from '../constants'
import type { SanitizedCampsOptions } from '../types'

type Doc = Record<string, any>

const loadSession = async (req: PayloadRequest) =>
  (await req.payload.findByID({ collection: CAMP_SLUGS.sessions as never, id: req.routeParams?.id as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null

/**
 * `GET /api/camp-sessions/<id>/check-in-code` — organisers: the code to show now, when it changes,
 * and the link a phone opens from the QR code. Only while checking in is open.
 */
export const checkInCodeEndpoint = (options: SanitizedCampsOptions): Endpoint => ({
  path: '/:id/check-in-code',
  method: 'get',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin', 'organizer')) return errorResponse(req.user ? 403 : 401, say(req, '只有组织者可以显示签到码', 'only organisers show the check-in code'))
    const session = await loadSession(req)
    if (!session) return errorResponse(404, `no session ${req.routeParams?.id}`)
    const now = clock.now()
    const { opens, closes } = checkInWindow(session, options)
    if (now < opens || now > closes) return errorResponse(409, say(req, `签到时间为 ${new Date(opens).toISOString()} 至 ${new Date(closes).toISOString()}`, `checking in is open from ${new Date(opens).toISOString()} to ${new Date(closes).toISOString()}`))
    const { code, expiresAt } = currentCode(session.checkInSecret, now, options.checkIn.codeSeconds)
    return Response.json({ code, expiresAt, url: `${options.publicUrl}/camps/check-in?session=${session.id}&code=${code}` }, { headers: { 'cache-control': 'no-store' } })
  },
})

const bodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/, { error: 'code must be the six digits shown' }) })

/** `POST /api/camp-sessions/<id>/check-in` `{ "code" }` — a learner checks in (attendance/checkIn.ts); 201 with the record. */
export const checkInEndpoint = (options: SanitizedCampsOptions): Endpoint => ({
  path: '/:id/check-in',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, say(req, '请先登录再签到', 'sign in to check in'))
    const body = await readJsonBody(req, bodySchema, '{ "code": "123456" }')
    if ('error' in body) return body.error
    const outcome = await checkIn(req, String(req.routeParams?.id), body.data.code, options)
    return outcome.ok ? Response.json({ doc: outcome.doc }, { status: 201 }) : errorResponse(outcome.status, outcome.message)
  },
})

/** `GET /api/camp-sessions/<id>/arrivals` — organisers: how many of the enrolled have checked in, for the live count. */
export const arrivalsEndpoint: Endpoint = {
  path: '/:id/arrivals',
  method: 'get',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin', 'organizer')) return errorResponse(req.user ? 403 : 401, say(req, '只有组织者可以查看到场人数', 'only organisers see the arrivals'))
    const session = await loadSession(req)
    if (!session) return errorResponse(404, `no session ${req.routeParams?.id}`)
    const [arrived, enrolled] = await Promise.all([
      req.payload.count({ collection: CAMP_SLUGS.attendance as never, where: { and: [{ session: { equals: session.id } }, { status: { in: ['present', 'late'] } }] }, overrideAccess: true, req }),
      req.payload.count({ collection: CORE.enrollments, where: { and: [{ key: { like: `%:${CAMP_SLUGS.camps}:${idOf(session.camp)}` } }, { status: { in: ['active', 'completed'] } }] }, overrideAccess: true, req }),
    ])
    return Response.json({ arrived: arrived.totalDocs, enrolled: enrolled.totalDocs }, { headers: { 'cache-control': 'no-store' } })
  },
}
