import { userHasRole } from '../access'

/** Platform staff: they edit in the admin panel, so the portal offers them a link to it. */
export const isStaff = (user: { roles?: readonly string[] | null } | null | undefined) => userHasRole(user, 'admin', 'author', 'reviewer', 'organizer')
