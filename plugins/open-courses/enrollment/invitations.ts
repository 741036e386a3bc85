/**
 * Invite-only courses: the course lists the invited email addresses, one per line (commas and
 * semicolons also separate them). The list is personal data of other people: only those who may
 * edit the course read it (or carry it into a duplicate); a learner is told whether they are
 * invited, never who else is.
 */
import type { FieldAccess, FieldHook } from 'payload'
import { type AccessUser, idOf, userHasRole } from '../../../src/access'

export const isInvited = (invitees: unknown, email: unknown): boolean =>
  typeof email === 'string' &&
  email !== '' &&
  String(invitees ?? '')
    .split(/[\s,;]+/)
    .some((invited) => invited !== '' && invited.toLowerCase() === email.toLowerCase())

/**
 * The course's editors (the collection's update rule): administrators and its organisation's
 * authors. A course not yet saved (the admin panel's create form) has no organisation yet: it
 * will be its author's own.
 */
function isCourseEditor(user: AccessUser | null, course: Record<string, unknown> | undefined): boolean {
  if (userHasRole(user, 'admin')) return true
  if (!userHasRole(user, 'author')) return false
  const organization = idOf(course?.organization)
  const own = idOf(user?.organization)
  return organization === undefined || (own !== undefined && String(organization) === String(own))
}

/** Read access of the list. The admin panel's form asks with `data` and no `doc`. */
export const courseEditorsRead: FieldAccess = ({ req, doc, data }) => isCourseEditor(req.user as AccessUser | null, doc ?? data)

/** Payload copies a duplicate from the stored row, around read access: the list goes only to the course's editors. */
export const keepForCourseEditors: FieldHook = ({ value, data, req }) => (isCourseEditor(req.user as AccessUser | null, data) ? value : null)
