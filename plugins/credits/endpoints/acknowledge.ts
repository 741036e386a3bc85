import type { Endpoint } from 'payload'
import { z } from 'zod'
import { idOf } from '../../../src/access'
import { CREDIT_SLUGS, DECISIONS } from '../constants'
import { readJsonBody } from '../../../src/http/readJsonBody'
import { errorResponse } from '../../../src/errors'
import { registrarUniversity } from './requireRegistrar'

const bodySchema = z.strictObject({
  decision: z.enum(DECISIONS, { error: 'decision must be "accepted" or "rejected"' }),
  reason: z.string().max(1000).optional(),
  localCourseCode: z.string().max(64).optional(),
})

/**
 * `POST /api/credit-records/:id/acknowledge` — the registrar of the learner's university accepts
 * or rejects a record. The status rules live in the collection (applyStatusTransition), so this
 * endpoint and the admin panel's bulk edit obey the same ones.
 */
export const acknowledgeEndpoint: Endpoint = {
  path: '/:id/acknowledge',
  method: 'post',
  handler: async (req) => {
    const who = registrarUniversity(req)
    if ('error' in who) return who.error
    const body = await readJsonBody(req, bodySchema, '{ "decision": "accepted" | "rejected", "reason"?, "localCourseCode"? }')
    if ('error' in body) return body.error
    const id = req.routeParams?.id as string
    const record = await req.payload.findByID({ collection: CREDIT_SLUGS.records as never, id, depth: 0, overrideAccess: true, disableErrors: true })
    if (!record) return errorResponse(404, `no credit record ${id}`)
    if (String(idOf((record as { homeUniversity?: never }).homeUniversity)) !== String(who.university)) {
      return errorResponse(403, 'this record belongs to a student of another university')
    }
    const { decision, reason, localCourseCode } = body.data
    const updated = await req.payload.update({
      collection: CREDIT_SLUGS.records as never,
      id,
      data: { status: decision, ...(reason !== undefined && { decisionReason: reason }), ...(localCourseCode !== undefined && { localCourseCode }) } as never,
      overrideAccess: false,
      req,
      depth: 0,
    })
    return Response.json({ doc: updated })
  },
}
