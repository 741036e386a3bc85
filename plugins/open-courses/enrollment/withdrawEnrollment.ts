import { APIError, type Payload, type PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { say } from '../../../src/i18n/say'
import { ownEnrollment } from './ownEnrollment'

/**
 * A learner leaves a course: their own enrolment, not yet completed, becomes withdrawn (what they
 * did stays recorded, and a place they held is given back). Leaving twice is not an error; they
 * may come back (rejoinEnrollment). Used by the REST endpoint and the portal.
 */
export async function withdrawEnrollment(payload: Payload, req: PayloadRequest, id: string) {
  const enrollment = await ownEnrollment(payload, req, id)
  if (enrollment.status === 'completed') throw new APIError(say(req, '已完成的课程不能退出', 'a completed course cannot be left'), 409, undefined, true)
  // Nothing held to leave; and a withdrawn enrolment may be rejoined, which would undo the decision.
  if (enrollment.status === 'rejected') throw new APIError(say(req, '未通过审核的选课无需退出', 'a rejected enrolment holds nothing to leave'), 409, undefined, true)
  if (enrollment.status === 'withdrawn') return enrollment
  return payload.update({ collection: CORE.enrollments, id, data: { status: 'withdrawn', withdrawnAt: new Date().toISOString() }, overrideAccess: true, depth: 0 })
}
