import type { CollectionBeforeChangeHook } from 'payload'
import { Forbidden } from 'payload'
import { idOf, userHasRole } from '../../src/access'

/** Staff enrol anyone; everyone else only themselves (and is the default learner). */
export const enrolOnlyYourself: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user || userHasRole(req.user, 'admin', 'organizer')) return data
  const learner = idOf(data.learner)
  if (learner !== undefined && String(learner) !== String(req.user.id)) throw new Forbidden(req.t)
  data.learner = req.user.id
  return data
}
