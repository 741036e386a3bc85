import type { CollectionAfterChangeHook } from 'payload'
import { CREDIT_TASKS } from '../constants'

/** Accepted and rejected records are emailed to the learner, through the jobs queue. */
export const notifyLearnerOfDecision: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || doc.status === previousDoc?.status) return doc
  if (doc.status !== 'accepted' && doc.status !== 'rejected') return doc
  await req.payload.jobs.queue({ task: CREDIT_TASKS.notifyLearner as never, input: { recordId: doc.id, event: doc.status } as never, req })
  return doc
}
