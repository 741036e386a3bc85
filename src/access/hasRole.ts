import type { Access } from 'payload'
import { type Role, userHasRole } from './roles'
import type { AccessUser } from './user'

/** True for a user holding any of the roles. */
export const hasRole =
  (...roles: Role[]): Access =>
  ({ req }) =>
    userHasRole(req.user as AccessUser | null, ...roles)

export const isAdmin = hasRole('admin')
