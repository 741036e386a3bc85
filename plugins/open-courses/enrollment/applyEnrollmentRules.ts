import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import { APIError, Forbidden } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf, userHasRole } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { freePlace, fullError, TAKING_PLACES } from '../../../collections/enrollmentPlaces'
import { isInvited } from './invitations'

type Doc = Record<string, any>

/**
 * A course's enrolment rules, applied when anyone but staff enrols: the course is published, the
 * window is open, there is room, invite-only courses take only the invited, approval-required ones
 * start as pending; enrolling twice is refused with the status of the first enrolment.
 * Staff (administrators, organisers) may enrol anyone in any course, rules aside.
 */
export const applyEnrollmentRules: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (!data || operation !== 'create' || data.source?.relationTo !== CORE.courses) return data
  const courseId = idOf(data.source.value)
  const learnerId = idOf(data.learner)
  if (courseId === undefined || learnerId === undefined) return data
  const { payload } = req

  const existing = await payload.find({ collection: CORE.enrollments, where: { key: { equals: `${learnerId}:${CORE.courses}:${courseId}` } }, depth: 0, overrideAccess: true, limit: 1, req })
  if (existing.docs[0]) throw new APIError(say(req, `已选过这门课（状态：${(existing.docs[0] as Doc).status}）`, `already enrolled in this course (status: ${(existing.docs[0] as Doc).status})`), 400)
  if (!req.user || userHasRole(req.user, 'admin', 'organizer')) return { ...data, ...(TAKING_PLACES.includes(data.status ?? 'active') ? await staffPlace(req, courseId) : {}) }

  const course = (await payload.findByID({ collection: CORE.courses, id: courseId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!course || course._status !== 'published') throw new APIError(say(req, `课程 ${courseId} 未开放选课`, `course ${courseId} is not open for enrolment`), 404)
  const rules = course.enrollment ?? {}
  const now = Date.now()
  if (rules.opensAt && now < Date.parse(rules.opensAt)) throw new APIError(say(req, `《${course.title}》选课将于 ${rules.opensAt} 开放`, `enrolment in ${course.title} opens at ${rules.opensAt}`), 400)
  if (rules.closesAt && now > Date.parse(rules.closesAt)) throw new APIError(say(req, `《${course.title}》选课已于 ${rules.closesAt} 截止`, `enrolment in ${course.title} closed at ${rules.closesAt}`), 400)
  if (rules.mode === 'invite') {
    if (!isInvited(rules.invitees, (req.user as Doc).email)) throw new Forbidden(req.t)
  }
  let place: string | undefined
  if (typeof rules.capacity === 'number') {
    place = await freePlace(req, { relationTo: CORE.courses, id: courseId }, rules.capacity)
    if (!place) throw fullError(req, { zh: `《${course.title}》`, en: course.title }, rules.capacity)
  }
  return { ...data, ...(place ? { place } : {}), status: rules.mode === 'approval' ? 'pending' : 'active' }
}

/** Staff enrol anyone, rules aside; still, while places are free, theirs takes one. */
async function staffPlace(req: PayloadRequest, courseId: string | number): Promise<{ place?: string }> {
  const course = (await req.payload.findByID({ collection: CORE.courses, id: courseId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  const capacity = course?.enrollment?.capacity
  const place = typeof capacity === 'number' ? await freePlace(req, { relationTo: CORE.courses, id: courseId }, capacity) : undefined
  return place ? { place } : {}
}
