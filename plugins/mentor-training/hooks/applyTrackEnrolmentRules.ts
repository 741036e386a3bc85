import type { CollectionBeforeValidateHook } from 'payload'
import { APIError } from 'payload'
import { idOf } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { MENTOR_SLUGS, TIERS } from '../constants'
import { mentorOfUser } from './certifyOnRequirement'

type Doc = Record<string, any>

/**
 * On enrolments into a track: only a mentor of the track's tier, not suspended, may enrol.
 */
export const applyTrackEnrolmentRules: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (!data || operation !== 'create' || data.source?.relationTo !== MENTOR_SLUGS.tracks) return data
  const mentor = await mentorOfUser(req, idOf(data.learner) ?? req.user?.id)
  if (!mentor) throw new APIError(say(req, '只有导师库中的导师可以参加导师培训', 'only a mentor in the registry may enrol in a mentor training track'), 403)
  const track = (await req.payload.findByID({ collection: MENTOR_SLUGS.tracks as never, id: idOf(data.source.value) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!track) throw new APIError(say(req, '找不到该培训方案', 'no such track'), 404)
  if (track.tier !== mentor.tier) {
    throw new APIError(say(req, `该方案面向${TIERS[track.tier]?.label[0]}，你的层级是${TIERS[mentor.tier]?.label[0]}`, `this track is for ${track.tier}; your tier is ${mentor.tier}`), 400)
  }
  if (mentor.status === 'suspended') throw new APIError(say(req, '导师资格已暂停，不能参加培训', 'a suspended mentor cannot enrol'), 403)
  return { ...data, status: 'active' }
}

