import type { CollectionAfterChangeHook } from 'payload'
import { CREDIT_TASKS } from '../constants'

/**
 * A new completion queues the issue of its credit record, in the completion's own transaction:
 * the job exists exactly when the completion does. Any plugin's completion counts, so a new kind
 * of learning activity needs nothing here.
 */
export const queueIssueOnCompletion: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await req.payload.jobs.queue({ task: CREDIT_TASKS.issue as never, input: { completionId: doc.id } as never, req })
  return doc
}
