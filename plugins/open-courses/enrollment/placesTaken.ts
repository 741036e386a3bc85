import type { Payload } from 'payload'
import { CORE } from '../../../collections/slugs'

/** How many of a course's places are taken: active, pending and completed enrolments. */
export const placesTaken = async (payload: Payload, courseId: string | number): Promise<number> =>
  (
    await payload.count({
      collection: CORE.enrollments,
      where: { and: [{ key: { like: `%:${CORE.courses}:${courseId}` } }, { status: { in: ['active', 'pending', 'completed'] } }] },
      overrideAccess: true,
    })
  ).totalDocs
