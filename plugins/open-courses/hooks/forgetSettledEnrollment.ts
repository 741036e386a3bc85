import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { enrollmentKey } from '../progress/moduleProgressStore'
import { settledEnrollments } from '../progress/settledEnrollments'

/** A changed enrolment (its status, its progress) may be one that statements can move again. */
const forget = (doc: Record<string, any>, payload: Parameters<typeof settledEnrollments>[0]) => {
  const learner = idOf(doc.learner)
  const course = idOf(doc.source?.value)
  if (doc.source?.relationTo === CORE.courses && learner !== undefined && course !== undefined) settledEnrollments(payload).forget(enrollmentKey(learner, course))
}

export const forgetSettledOnChange: CollectionAfterChangeHook = ({ doc, req }) => {
  forget(doc, req.payload)
  return doc
}

export const forgetSettledOnDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  forget(doc, req.payload)
}
