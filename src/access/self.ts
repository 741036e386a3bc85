import type { Access, Where } from 'payload'
import { type Role, userHasRole } from './roles'
import type { AccessUser } from './user'

/** The rows whose `field` is the caller, for a user holding one of `roles` (any when none given). */
export const self =
  (field: string, ...roles: Role[]): Access =>
  ({ req }) => {
    const user = req.user as AccessUser | null
    if (!user || (roles.length > 0 && !userHasRole(user, ...roles))) return false
    return { [field]: { equals: user.id } } as Where
  }
