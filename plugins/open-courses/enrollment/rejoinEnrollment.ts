import { APIError, type Payload, type PayloadRequest } from 'payload'
import { ADMITTED, type Admitted, takingPlace } from '../../../collections/enrollmentPlaces'
import { ENROLLMENT_STATUSES } from '../../../collections/Enrollments'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { admitToCourse } from './admitToCourse'
import { ownEnrollment } from './ownEnrollment'

const statusLabel = (status: string): [string, string] => {
  const label = ENROLLMENT_STATUSES.find((o) => o.value === status)?.label
  return label ? [label.zh, label.en] : [status, status]
}

/**
 * A learner comes back to a course they left: the same enrolment (its key is unique, and what
 * they did is recorded against it), admitted again by the course's rules as they are now (the
 * window, an invitation, a free place, approval), so leaving never jumps a queue or a capacity.
 * Their progress was kept; evaluateProgressOnEnrol counts it once the enrolment is active again.
 */
export async function rejoinEnrollment(payload: Payload, req: PayloadRequest, id: string) {
  const enrollment = await ownEnrollment(payload, req, id)
  if (enrollment.status !== 'withdrawn') {
    const [zh, en] = statusLabel(enrollment.status)
    throw new APIError(say(req, `只有已退出的课程可以重新加入（当前状态：${zh}）`, `only a course you left can be rejoined (status: ${en})`), 409, undefined, true)
  }
  // A programme's or a training track's enrolment is its organisers' to change.
  if (enrollment.source?.relationTo !== CORE.courses) {
    throw new APIError(say(req, '只有课程可以自行重新加入；项目与培训请联系组织方', 'only a course can be rejoined by the learner; for a programme or a track, ask its organisers'), 409, undefined, true)
  }
  const courseId = idOf(enrollment.source.value)!
  // A place taken by someone else between reading and writing: read again, as a new enrolment does.
  return takingPlace(req, async () => {
    const { status, place } = await admitToCourse(req, courseId)
    const admitted: Admitted = { id, place: place ?? null }
    // Joined again now: the learner's list shows it among their latest.
    return payload.update({ collection: CORE.enrollments, id, data: { status, withdrawnAt: null, enrolledAt: new Date().toISOString() } as never, overrideAccess: true, depth: 0, context: { [ADMITTED]: admitted } })
  })
}
