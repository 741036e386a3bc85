import type { CollectionBeforeValidateHook } from 'payload'
import { APIError } from 'payload'
import { idOf, userHasRole } from '../../../src/access'
import { clock } from '../../../src/clock'
import { say } from '../../../src/i18n/say'
import { CAMP_SLUGS } from '../constants'
import { freePlace, fullError, TAKING_PLACES } from '../../../collections/enrollmentPlaces'

type Doc = Record<string, any>

/** Enrolling in a programme: before it ends, while it has room; staff may enrol anyone, rules aside. */
export const applyCampEnrolmentRules: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (!data || operation !== 'create' || data.source?.relationTo !== CAMP_SLUGS.camps) return data
  const camp = (await req.payload.findByID({ collection: CAMP_SLUGS.camps as never, id: idOf(data.source.value) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!camp) throw new APIError(say(req, '找不到该项目', 'no such programme'), 404)
  const takesPlace = typeof camp.capacity === 'number' && TAKING_PLACES.includes(data.status ?? 'active')
  const place = takesPlace ? await freePlace(req, { relationTo: CAMP_SLUGS.camps, id: camp.id }, camp.capacity) : undefined
  // Staff enrol anyone, rules aside; still, while places are free, theirs takes one.
  if (req.user && userHasRole(req.user, 'admin', 'organizer')) return { ...data, ...(place ? { place } : {}), status: data.status ?? 'active' }
  if (clock.now() > Date.parse(camp.endsOn)) throw new APIError(say(req, `“${camp.title}”已于 ${camp.endsOn} 结束`, `${camp.title} ended on ${camp.endsOn}`), 400)
  if (takesPlace && !place) throw fullError(req, { zh: `“${camp.title}”`, en: camp.title }, camp.capacity)
  return { ...data, ...(place ? { place } : {}), status: 'active' }
}
