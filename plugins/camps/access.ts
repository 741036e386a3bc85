/** Who runs and who sees the programmes; row-level rules return a Where. */
import type { Access, FieldAccess, Where } from 'payload'
import { CORE } from '../../collections/slugs'
import { type AccessUser, idOf, userHasRole } from '../../src/access'
import { CAMP_SLUGS } from './constants'

/** Administrators and programme organisers run camps, sessions, attendance and contests. */
export const isCampStaff: Access = ({ req }) => userHasRole(req.user, 'admin', 'organizer')

/** A learner's own rows. */
export const ownRows: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return user ? ({ learner: { equals: user.id } } as Where) : false
}

/** Rows of the programmes the signed-in learner is enrolled in, by their `camp` field. */
export const ofMyProgrammes: Access = async ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user) return false
  const { docs } = await req.payload.find({
    collection: CORE.enrollments,
    where: { and: [{ learner: { equals: user.id } }, { key: { like: `%:${CAMP_SLUGS.camps}:%` } }, { status: { in: ['active', 'completed'] } }] },
    select: { source: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const camps = (docs as Array<{ source?: { value?: unknown } }>).map((e) => idOf(e.source?.value)).filter((c) => c !== undefined)
  return camps.length ? ({ camp: { in: camps } } as Where) : false
}

/** Staff only, for fields a learner must never see (a contest's questions and answers). */
export const campStaffField: FieldAccess = ({ req }) => userHasRole(req.user, 'admin', 'organizer')
