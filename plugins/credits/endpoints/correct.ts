import type { Endpoint } from 'payload'
import { z } from 'zod'
import { userHasRole } from '../../../src/access'
import { CREDIT_SLUGS } from '../constants'
import { appendRecord, queueRecordFollowUps } from '../issuing/issueCreditRecord'
import { gradeOf } from '../issuing/grade'
import { appendEvent } from '../ledger/eventChain'
import { readJsonBody } from '../../../src/http/readJsonBody'
import { errorResponse } from '../../../src/errors'

type Doc = Record<string, any>

const bodySchema = z.strictObject({
  reason: z.string().min(1, 'a correction needs a reason').max(1000),
  credits: z.number().min(0).refine((v) => Number.isInteger(v * 2), 'credits must be a multiple of 0.5').optional(),
  hours: z.number().min(0).optional(),
  score: z.number().min(0).max(100).optional(),
})

/**
 * `POST /api/credit-records/:id/correct` (administrators): records are never edited, so a
 * correction is a new record that supersedes the old one and says so; the old one points to it.
 */
export const correctEndpoint: Endpoint = {
  path: '/:id/correct',
  method: 'post',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin')) return errorResponse(req.user ? 403 : 401, 'only an administrator may correct a credit record')
    const body = await readJsonBody(req, bodySchema, '{ "reason", "credits"?, "hours"?, "score"? }')
    if ('error' in body) return body.error
    const id = req.routeParams?.id as string
    const old = (await req.payload.findByID({ collection: CREDIT_SLUGS.records as never, id, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
    if (!old) return errorResponse(404, `no credit record ${id}`)
    if (old.supersededBy) return errorResponse(409, `record ${id} was already corrected by record ${old.supersededBy}; correct that one`)
    if (old.status === 'revoked') return errorResponse(409, `record ${id} is revoked`)
    const { reason, ...changes } = body.data
    const score = changes.score ?? old.score
    const { grade, passed } = gradeOf(score, { scheme: old.gradingScheme, passMark: 60 })
    const {
      id: _id, sequence: _s, createdAt: _c, updatedAt: _u, deliveredAt: _d, decidedAt: _da, decidedBy: _db,
      decisionReason: _dr, localCourseCode: _l, status: _st, contentHash: _ch, previousHash: _ph, hash: _h, ...snapshot
    } = old
    const { doc, created } = await appendRecord(req.payload, {
      ...snapshot,
      ...changes,
      score,
      grade,
      passed,
      key: `correction:${old.id}`,
      status: 'issued',
      supersedes: old.id,
      issuedAt: new Date().toISOString(),
      evidence: { ...(typeof old.evidence === 'object' && old.evidence ? old.evidence : {}), correction: { of: old.id, reason, by: req.user?.id } },
    })
    if (!created) return errorResponse(409, `record ${id} was already corrected by record ${doc.id}`)
    // The old record's pointer is the one write after issue; it bypasses the edit guard on purpose.
    await req.payload.db.updateOne({ collection: CREDIT_SLUGS.records as never, id: old.id, data: { supersededBy: doc.id } } as never)
    await appendEvent(req.payload, { kind: 'superseded', university: old.homeUniversity, record: old.id, sequence: old.sequence, supersededBy: doc.id, by: req.user?.id, reason })
    await queueRecordFollowUps(req.payload, doc)
    return Response.json({ doc }, { status: 201 })
  },
}
