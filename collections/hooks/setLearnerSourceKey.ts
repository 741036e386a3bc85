import type { CollectionBeforeValidateHook } from 'payload'
import { idOf } from '../../src/access'

/**
 * Keeps `key` = learner:collection:id. The field is unique in the database, so two concurrent
 * writes for the same learner and source cannot both land, on any adapter.
 */
export const setLearnerSourceKey: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  const learner = idOf(data.learner ?? originalDoc?.learner)
  const source = data.source ?? originalDoc?.source
  const sourceId = idOf(source?.value)
  if (learner !== undefined && source?.relationTo && sourceId !== undefined) {
    data.key = `${learner}:${source.relationTo}:${sourceId}`
  }
  return data
}
