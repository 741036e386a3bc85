/**
 * Invite-only courses: the course lists the invited email addresses, one per line (commas and
 * semicolons also separate them). The list is personal data of other people: only those who may
 * edit the course read it; a learner is told whether they are invited, never who else is.
 */
import type { FieldAccess } from 'payload'
import { type AccessUser, idOf, userHasRole } from '../../../src/access'

export const isInvited = (invitees: unknown, email: unknown): boolean =>
  typeof email === 'string' &&
  email !== '' &&
  String(invitees ?? '')
    .split(/[\s,;]+/)
    .some((invited) => invited !== '' && invited.toLowerCase() === email.toLowerCase())

/** The course's editors (the collection's update rule): administrators and its organisation's authors. */
export const courseEditorsRead: FieldAccess = ({ req, doc }) => {
  const user = req.user as AccessUser | null
  if (userHasRole(user, 'admin')) return true
  const own = idOf(user?.organization)
  return userHasRole(user, 'author') && own !== undefined && String(idOf(doc?.organization)) === String(own)
}
