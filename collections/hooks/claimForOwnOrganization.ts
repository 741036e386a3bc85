import type { CollectionBeforeChangeHook } from 'payload'
import { Forbidden } from 'payload'
import { idOf, userHasRole } from '../../src/access'

/**
 * A non-administrator creates documents for their own organisation only: the field is filled with
 * it when empty, and naming another organisation is forbidden. Administrators may name any.
 */
export const claimForOwnOrganization =
  (field = 'organization'): CollectionBeforeChangeHook =>
  ({ data, operation, req }) => {
    if (operation !== 'create' || !req.user || userHasRole(req.user, 'admin')) return data
    const own = idOf(req.user.organization)
    const given = idOf(data[field])
    if (own === undefined) throw new Forbidden(req.t)
    if (given !== undefined && String(given) !== String(own)) throw new Forbidden(req.t)
    data[field] = own
    return data
  }
