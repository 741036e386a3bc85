import { APIError, type Payload, type PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { say } from '../../../src/i18n/say'

/**
 * A learner leaves a course: their own enrolment, not yet completed, becomes withdrawn (what they
 * did stays recorded). Leaving twice is not an error. Used by the REST endpoint and the portal.
 */
export async function withdrawEnrollment(payload: Payload, req: PayloadRequest, id: string) {
  const enrollment = await payload.findByID({ collection: CORE.enrollments, id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!enrollment || !req.user || String(idOf(enrollment.learner)) !== String(req.user.id)) {
    throw new APIError(say(req, `没有你的选课记录 ${id}`, `no enrolment ${id} of yours`), 404, undefined, true)
  }
  if (enrollment.status === 'completed') throw new APIError(say(req, '已完成的课程不能退出', 'a completed course cannot be left'), 409, undefined, true)
  if (enrollment.status === 'withdrawn') return enrollment
  return payload.update({ collection: CORE.enrollments, id, data: { status: 'withdrawn', withdrawnAt: new Date().toISOString() }, overrideAccess: true, depth: 0 })
}
