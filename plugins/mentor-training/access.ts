/** Who sees and changes what in the mentor registry; row-level rules return a Where. */
import type { Access, FieldAccess, Where } from 'payload'
import { type AccessUser, idOf, userHasRole } from '../../src/access'
import { MENTOR_SLUGS } from './constants'

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

/**
 * A mentor reads what belongs to the students they guide now: their accounts (`id`), enrolments
 * and completions (`learner`).
 */
export const studentsOfMentor =
  (field: 'id' | 'learner'): Access =>
  async ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user || !userHasRole(user, 'mentor')) return false
  const { docs } = await req.payload.find({
    collection: MENTOR_SLUGS.assignments as never,
    where: { and: [{ mentorUser: { equals: user.id } }, { status: { equals: 'active' } }] },
    select: { student: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const students = (docs as Array<{ student: unknown }>).map((a) => idOf(a.student))
  return students.length ? ({ [field]: { in: students } } as Where) : false
}

/** A student's own assignments. */
export const ownStudentRows: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return user ? ({ student: { equals: user.id } } as Where) : false
}

/** The evaluations one has written. */
export const ownEvaluations: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return user ? ({ evaluator: { equals: user.id } } as Where) : false
}

/** Profile fields only the registry's staff set: kind, tier, organisation, places, status. */
export const registryStaffField: FieldAccess = ({ req }) => userHasRole(req.user, 'admin', 'organizer')

/** Suspension reasons and evaluation averages: for the registry's staff and the mentor, not for every reader. */
export const registryStaffOrSelfField: FieldAccess = ({ req, doc }) =>
  userHasRole(req.user, 'admin', 'organizer') || (Boolean(req.user) && String(idOf(doc?.user)) === String(req.user?.id))
