import type { CollectionBeforeChangeHook } from 'payload'
import { Forbidden } from 'payload'
import { idOf, userHasRole } from '../../src/access'
import { CORE } from '../slugs'

/** An author adds modules only to courses of their own organisation; administrators to any. */
export const requireOwnCourse: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!req.user || userHasRole(req.user, 'admin')) return data
  const courseId = idOf(data.course ?? originalDoc?.course)
  if (courseId === undefined) return data
  const course = await req.payload.findByID({ collection: CORE.courses, id: courseId, depth: 0, draft: true, req, disableErrors: true })
  if (!course || String(idOf(course.organization)) !== String(idOf(req.user.organization))) {
    throw new Forbidden(req.t)
  }
  return data
}
