import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf, userHasRole } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { freePlace, TAKING_PLACES } from '../../../collections/enrollmentPlaces'
import { admitToCourse } from './admitToCourse'

type Doc = Record<string, any>

/**
 * A course's enrolment rules (admitToCourse), applied when anyone but staff enrols; enrolling
 * twice is refused with the status of the first enrolment (a learner who left rejoins it
 * instead: rejoinEnrollment). Staff (administrators, organisers) may enrol anyone in any course,
 * rules aside.
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

  const { status, place } = await admitToCourse(req, courseId)
  return { ...data, ...(place ? { place } : {}), status }
}

/** Staff enrol anyone, rules aside; still, while places are free, theirs takes one. */
async function staffPlace(req: PayloadRequest, courseId: string | number): Promise<{ place?: string }> {
  const course = (await req.payload.findByID({ collection: CORE.courses, id: courseId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  const capacity = course?.enrollment?.capacity
  const place = typeof capacity === 'number' ? await freePlace(req, { relationTo: CORE.courses, id: courseId }, capacity) : undefined
  return place ? { place } : {}
}
