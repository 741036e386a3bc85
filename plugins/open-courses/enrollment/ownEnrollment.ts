import { APIError, type Payload, type PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { say } from '../../../src/i18n/say'

type Doc = Record<string, any>

/** The signed-in learner's own enrolment `id`; anyone else's, or none, is the same 404. */
export async function ownEnrollment(payload: Payload, req: PayloadRequest, id: string): Promise<Doc> {
  const enrollment = await payload.findByID({ collection: CORE.enrollments, id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!enrollment || !req.user || String(idOf(enrollment.learner)) !== String(req.user.id)) {
    throw new APIError(say(req, `没有你的选课记录 ${id}`, `no enrolment ${id} of yours`), 404, undefined, true)
  }
  return enrollment as Doc
}
