import type { FieldAccess } from 'payload'
import { userHasRole } from './roles'

/** For fields only an administrator may set: roles, organisation membership, ownership. */
export const isAdminField: FieldAccess = ({ req }) => userHasRole(req.user, 'admin')
