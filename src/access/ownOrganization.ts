import type { Access, Where } from 'payload'
import { type Role, userHasRole } from './roles'
import { type AccessUser, idOf } from './user'

/**
 * For a user holding one of `roles` (any role when none is given), the rows whose `field` is the
 * user's organisation. A user without an organisation gets no rows rather than every row.
 */
export const ownOrganization =
  (field: string, ...roles: Role[]): Access =>
  ({ req }) => {
    const user = req.user as AccessUser | null
    if (!user || (roles.length > 0 && !userHasRole(user, ...roles))) return false
    const org = idOf(user.organization)
    return org === undefined ? false : ({ [field]: { equals: org } } as Where)
  }
