import type { CollectionAfterChangeHook } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { completeCourses, evaluateEnrollments, queueCompletionJob } from '../progress/applyProgress'
import { writeAtomically } from '../progress/moduleProgressStore'

/**
 * A learner may study a published course's modules before their enrolment is active (approval
 * pending, enrolled later by an organiser): when it becomes active, their progress so far is
 * evaluated at once, from their module rows (O(modules)), in the enrolment's own transaction.
 *
 * Within a transaction, that evaluation cannot see statements ingested while it is open, and
 * ingest cannot see an enrolment created in it until it commits: a learner finishing their last
 * module in that moment was left at the progress before it, with no completion, until their
 * next statement. So a completion job is queued with the enrolment, in its transaction: it runs
 * after the commit and evaluates the enrolment again, under its lock.
 */
export const evaluateProgressOnEnrol: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.source?.relationTo !== CORE.courses || doc.status !== 'active' || previousDoc?.status === 'active') return doc
  const learner = idOf(doc.learner)
  const course = idOf(doc.source.value)
  if (learner === undefined || course === undefined) return doc
  const inTransaction = Boolean(req.transactionID)
  const completed = await writeAtomically(req.payload, () => [], (exec) => evaluateEnrollments(req.payload, exec, [{ learner, course }], 'raise', { req }), req)
  await completeCourses(req.payload, completed, req)
  if (inTransaction && completed.length === 0) await queueCompletionJob(req.payload, [{ learner, course }], req)
  return doc
}
