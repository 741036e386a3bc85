import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { APIError, Forbidden, ValidationError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idFromText, idOf, userHasRole } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { CREDIT_SLUGS, type RecordStatus } from '../constants'

type Doc = Record<string, any>

const DECIDABLE: RecordStatus[] = ['issued', 'delivered']

/**
 * The one place the status of a record moves: issued → delivered (the feed, directly in the
 * database) → accepted | rejected with a reason (the registrar), and revoked by an administrator with a reason.
 * Repeating a decision is harmless; contradicting one is a 409.
 */
export const applyStatusTransition: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const from = originalDoc.status as RecordStatus
  const to = (data.status ?? from) as RecordStatus
  const user = req.user

  if (from === 'revoked') {
    if (to === 'revoked') return { ...data, status: from }
    throw new APIError(say(req, `该记录已于 ${originalDoc.revokedAt} 撤销，不能再改为 ${to}`, `this record was revoked on ${originalDoc.revokedAt}; it cannot be ${to}`), 409)
  }
  if (to === from) {
    // A repeated decision changes nothing, not even its notes.
    if (from === 'accepted' || from === 'rejected') {
      return { ...data, decisionReason: originalDoc.decisionReason, localCourseCode: originalDoc.localCourseCode }
    }
    return data
  }
  if (to === 'revoked') {
    if (!userHasRole(user, 'admin')) throw new Forbidden(req.t)
    const reason = (data.revocationReason ?? '').toString().trim()
    if (!reason) {
      throw new ValidationError({ collection: CREDIT_SLUGS.records, errors: [{ path: 'revocationReason', message: say(req, '撤销须填写原因', 'a revocation needs a reason') }] })
    }
    return { ...data, revokedAt: new Date().toISOString(), revocationReason: reason }
  }
  if (to === 'accepted' || to === 'rejected') {
    if (!DECIDABLE.includes(from)) {
      throw new APIError(say(req, `该记录已是 ${from}，不能再改为 ${to}`, `this record was already ${from}; a registrar cannot now mark it ${to}`), 409)
    }
    if (to === 'rejected' && !(data.decisionReason ?? '').toString().trim()) {
      // The learner is told why; a rejection without a reason leaves them nothing to act on.
      throw new ValidationError({ collection: CREDIT_SLUGS.records, errors: [{ path: 'decisionReason', message: say(req, '不认定须填写原因', 'a rejection needs a reason') }] })
    }
    const decided = { ...data, decidedAt: new Date().toISOString(), decidedBy: user?.id }
    if (to === 'rejected' || (data.localCourseCode ?? '').toString().trim()) return decided
    return { ...decided, localCourseCode: (await mappedCourseCode(req, originalDoc)) ?? data.localCourseCode }
  }
  throw new ValidationError({
    collection: CREDIT_SLUGS.records,
    errors: [{ path: 'status', message: say(req, `状态不能手动设为 ${to}；只能认定、不认定或撤销`, `status cannot be set to ${to} by hand; it moves to accepted, rejected or revoked`) }],
  })
}

/**
 * An acceptance without a local course code takes the one the university's course mapping gives
 * the course, so that a bulk acceptance gives each record its own.
 */
async function mappedCourseCode(req: PayloadRequest, record: Doc): Promise<string | undefined> {
  const university = idOf(record.homeUniversity)
  if (record.sourceType !== CORE.courses || university === undefined) return undefined
  const { docs } = await req.payload.find({
    collection: CREDIT_SLUGS.courseMappings as never,
    where: { and: [{ university: { equals: university } }, { course: { equals: idFromText(String(record.sourceId)) } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (docs[0] as Doc | undefined)?.localCourseCode ?? undefined
}
