/**
 * A track is finished when its last requirement arrives: a course completion, an offline record,
 * or an enrolment into a track whose requirements were already met. Each calls
 * certifyFinishedTracks for the mentor concerned; there is no periodic scan.
 */
import type { CollectionAfterChangeHook, CollectionBeforeValidateHook } from 'payload'
import { APIError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idOf } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { withContext } from '../../../src/requestContext'
import { MENTOR_SLUGS, TIERS } from '../constants'
import { certifyFinishedTracks } from '../training/certify'
import type { SanitizedMentorTrainingOptions } from '../types'
import type { MentorContext } from './guardMentorProfile'

type Doc = Record<string, any>

async function mentorOfUser(req: Parameters<CollectionAfterChangeHook>[0]['req'], user: unknown): Promise<Doc | undefined> {
  if (user === undefined || user === null) return undefined
  const { docs } = await req.payload.find({ collection: MENTOR_SLUGS.mentors as never, where: { user: { equals: user as Id } }, limit: 1, depth: 0, overrideAccess: true, req })
  return docs[0] as Doc | undefined
}

/** On completions: a course finished by a mentor may finish one of their tracks. */
export const certifyOnCourseCompletion =
  (options: SanitizedMentorTrainingOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create' || doc.source?.relationTo !== CORE.courses) return doc
    const mentor = await mentorOfUser(req, idOf(doc.learner))
    if (mentor) await certifyFinishedTracks(req, mentor, options)
    return doc
  }

/** On offline records. */
export const certifyWhenActivityRecorded =
  (options: SanitizedMentorTrainingOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    const mentor = (await req.payload.findByID({ collection: MENTOR_SLUGS.mentors as never, id: idOf(doc.mentor) as never, depth: 0, overrideAccess: true, req })) as Doc
    await certifyFinishedTracks(req, mentor, options, idOf(doc.track) as Id)
    return doc
  }

/**
 * On enrolments into a track: only a mentor of the track's tier, not suspended, may enrol; an
 * applicant (or a mentor whose certification expired) is then in training.
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

export const startTrainingOnEnrolment =
  (options: SanitizedMentorTrainingOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create' || doc.source?.relationTo !== MENTOR_SLUGS.tracks) return doc
    const mentor = await mentorOfUser(req, idOf(doc.learner))
    if (!mentor) return doc
    if (mentor.status === 'applicant' || mentor.status === 'expired') {
      const bookkeeping: MentorContext = { mentorBookkeeping: true }
      await withContext(req, bookkeeping, () => req.payload.update({ collection: MENTOR_SLUGS.mentors as never, id: mentor.id, data: { status: 'in-training' } as never, overrideAccess: true, depth: 0, req }))
    }
    await certifyFinishedTracks(req, { ...mentor }, options, idOf(doc.source.value) as Id)
    return doc
  }
