/** Who sees and changes what in the mentor registry; row-level rules return a Where. */
import type { Access, Where } from 'payload'
import { type AccessUser, userHasRole } from '../../src/access'

/** Administrators and programme organisers run the registry, tracks and assignments. */
export const isRegistryStaff: Access = ({ req }) => userHasRole(req.user, 'admin', 'organizer')

/** A mentor's own profile. */
export const ownMentorProfile: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return user ? ({ user: { equals: user.id } } as Where) : false
}

/** Rows that belong to the signed-in user's mentor profile, by the `mentorUser` field rows keep. */
export const ownMentorRows: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return user ? ({ mentorUser: { equals: user.id } } as Where) : false
}
