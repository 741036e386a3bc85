import type { CollectionAfterChangeHook } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'

/**
 * The award's designation goes on the course, where the catalogue and the portal show it, and
 * comes off when the award is withdrawn. Written to the course's row alone: a Local API update of
 * a course with drafts would publish whatever draft its authors are working on.
 */
export const designateCourse: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const course = idOf(doc.course)
  if (course === undefined) return doc
  const designation = operation === 'create' ? doc.tier : doc.status === 'withdrawn' && previousDoc?.status !== 'withdrawn' ? null : undefined
  if (designation === undefined) return doc
  await req.payload.db.updateOne({ collection: CORE.courses, id: course, data: { designation }, req, returning: false } as never)
  return doc
}
