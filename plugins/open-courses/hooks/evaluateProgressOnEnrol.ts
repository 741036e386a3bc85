import type { CollectionAfterChangeHook } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { completeCourses, evaluateEnrollments } from '../progress/applyProgress'
import { writeAtomically } from '../progress/moduleProgressStore'

/**
 * A learner may study a published course's modules before their enrolment is active (approval
 * pending, enrolled later by an organiser): when it becomes active, their progress so far is
 * evaluated at once, from their module rows (O(modules)), in the enrolment's own transaction.
 */
export const evaluateProgressOnEnrol: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.source?.relationTo !== CORE.courses || doc.status !== 'active' || previousDoc?.status === 'active') return doc
  const learner = idOf(doc.learner)
  const course = idOf(doc.source.value)
  if (learner === undefined || course === undefined) return doc
  const completed = await writeAtomically(req.payload, () => [], (exec) => evaluateEnrollments(req.payload, exec, [{ learner, course }], 'raise', { req }), req)
  await completeCourses(req.payload, completed, req)
  return doc
}
