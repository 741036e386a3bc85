import type { CollectionBeforeValidateHook } from 'payload'
import { Forbidden } from 'payload'
import { idOf, userHasRole } from '../../src/access'

/**
 * Staff enrol anyone; everyone else only themselves, and is the learner when none is named.
 * Runs before validation so that the unique key is computed with the learner filled in.
 */
export const enrolOnlyYourself: CollectionBeforeValidateHook = ({ data, operation, req }) => {
  if (!data || operation !== 'create' || !req.user || userHasRole(req.user, 'admin', 'organizer')) return data
  const learner = idOf(data.learner)
  if (learner !== undefined && String(learner) !== String(req.user.id)) throw new Forbidden(req.t)
  data.learner = req.user.id
  return data
}
