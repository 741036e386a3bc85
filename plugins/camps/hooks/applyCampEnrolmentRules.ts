import type { CollectionBeforeValidateHook } from 'payload'
import { APIError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf, userHasRole } from '../../../src/access'
import { clock } from '../../../src/clock'
import { say } from '../../../src/i18n/say'
import { CAMP_SLUGS } from '../constants'

type Doc = Record<string, any>

/** Enrolling in a programme: before it ends, while it has room; staff may enrol anyone, rules aside. */
export const applyCampEnrolmentRules: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (!data || operation !== 'create' || data.source?.relationTo !== CAMP_SLUGS.camps) return data
  const camp = (await req.payload.findByID({ collection: CAMP_SLUGS.camps as never, id: idOf(data.source.value) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!camp) throw new APIError(say(req, '找不到该项目', 'no such programme'), 404)
  if (req.user && userHasRole(req.user, 'admin', 'organizer')) return { ...data, status: data.status ?? 'active' }
  if (clock.now() > Date.parse(camp.endsOn)) throw new APIError(say(req, `“${camp.title}”已于 ${camp.endsOn} 结束`, `${camp.title} ended on ${camp.endsOn}`), 400)
  if (typeof camp.capacity === 'number') {
    const taken = await req.payload.count({ collection: CORE.enrollments, where: { and: [{ key: { like: `%:${CAMP_SLUGS.camps}:${camp.id}` } }, { status: { in: ['active', 'completed'] } }] }, overrideAccess: true, req })
    if (taken.totalDocs >= camp.capacity) throw new APIError(say(req, `“${camp.title}”名额已满（${camp.capacity} 人）`, `${camp.title} is full (${camp.capacity} places)`), 409)
  }
  return { ...data, status: 'active' }
}
