/**
 * A track is finished when its last requirement arrives: a course completion, an offline record,
 * or an enrolment into a track whose requirements were already met. Each calls
 * certifyFinishedTracks for the mentor concerned; there is no periodic scan.
 */
import type { CollectionAfterChangeHook } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idOf } from '../../../src/access'
import { withContext } from '../../../src/requestContext'
import { MENTOR_SLUGS } from '../constants'
import { certifyFinishedTracks } from '../training/certify'
import type { SanitizedMentorTrainingOptions } from '../types'
import type { MentorContext } from './guardMentorProfile'

type Doc = Record<string, any>

/** The mentor profile of an account, if it has one. */
export async function mentorOfUser(req: Parameters<CollectionAfterChangeHook>[0]['req'], user: unknown): Promise<Doc | undefined> {
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

/** On enrolments into a track: an applicant (or a mentor whose certification expired) is in training now, and may already have done all it asks. */
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
