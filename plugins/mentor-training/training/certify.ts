import type { PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idOf } from '../../../src/access'
import { clock } from '../../../src/clock'
import { isUniqueViolation } from '../../../src/errors'
import { withContext } from '../../../src/requestContext'
import { retryWhileTaken } from '../../../src/retryWhileTaken'
import { nextStatusPlace } from '../credentials/revocationList'
import { MENTOR_SLUGS } from '../constants'
import type { MentorContext } from '../hooks/guardMentorProfile'
import type { SanitizedMentorTrainingOptions } from '../types'
import { trackProgress } from './trackProgress'

type Doc = Record<string, any>

const addMonths = (from: Date, months: number) => {
  const d = new Date(from)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d
}

/** The mentor's latest certification, valid or not. */
export async function latestCertification(req: PayloadRequest, mentorId: Id): Promise<Doc | undefined> {
  const { docs } = await req.payload.find({ collection: MENTOR_SLUGS.certifications as never, where: { and: [{ mentor: { equals: mentorId } }, { status: { not_equals: 'revoked' } }] }, sort: '-validUntil', limit: 1, depth: 0, overrideAccess: true, req })
  return docs[0] as Doc | undefined
}

/**
 * Checks the mentor's active track enrolments and certifies for each one finished: a first
 * certification from an initial track (unless a valid one is held), a renewal from a renewal track
 * (counting only what was done since the latest certification; the new period starts where the
 * old one ends). The certification's key (mentor, track, cycle) is unique, so two completions
 * arriving at once certify once. Also closes the enrolment and writes the track's completion.
 */
export async function certifyFinishedTracks(req: PayloadRequest, mentor: Doc, options: SanitizedMentorTrainingOptions, onlyTrack?: Id): Promise<Doc[]> {
  const { payload } = req
  const user = idOf(mentor.user) as Id
  const { docs: enrolments } = await payload.find({
    collection: CORE.enrollments,
    where: { and: [{ learner: { equals: user } }, { key: { like: `%:${MENTOR_SLUGS.tracks}:%` } }, { status: { equals: 'active' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const issued: Doc[] = []
  for (const enrolment of enrolments as Doc[]) {
    const trackId = idOf(enrolment.source?.value) as Id
    if (onlyTrack !== undefined && String(trackId) !== String(onlyTrack)) continue
    const track = (await payload.findByID({ collection: MENTOR_SLUGS.tracks as never, id: trackId as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
    if (!track) continue
    const latest = await latestCertification(req, mentor.id)
    const now = clock.date()
    const renewal = track.purpose === 'renewal'
    if (renewal && !latest) continue
    if (!renewal && latest && Date.parse(latest.validUntil) > now.getTime()) continue
    const progress = await trackProgress(req, mentor, track, renewal ? latest?.issuedAt : undefined)
    if (!progress.complete) continue

    const { totalDocs: cycle } = await payload.count({ collection: MENTOR_SLUGS.certifications as never, where: { mentor: { equals: mentor.id } }, overrideAccess: true, req })
    const key = `${mentor.id}:${trackId}:${cycle + 1}`
    // Looked for first: on PostgreSQL a refused insert would abort the request's transaction, and with it what triggered this.
    if ((await payload.count({ collection: MENTOR_SLUGS.certifications as never, where: { key: { equals: key } }, overrideAccess: true, req })).totalDocs) continue
    const start = renewal && latest && Date.parse(latest.validUntil) > now.getTime() ? new Date(latest.validUntil) : now
    const validUntil = addMonths(start, options.certificationMonths).toISOString()
    let certification: Doc
    try {
      const issue = async () =>
        (await payload.create({
          collection: MENTOR_SLUGS.certifications as never,
          data: { key, mentor: mentor.id, mentorUser: user, track: trackId, kind: renewal ? 'renewal' : 'initial', issuedAt: now.toISOString(), validFrom: start.toISOString(), validUntil, status: 'valid', statusIndex: await nextStatusPlace(payload, req), evidence: progress } as never,
          overrideAccess: true,
          req,
        })) as Doc
      // Within a transaction a refused insert has already rolled back the caller's work, so a
      // retry would commit the certification alone; there the place is taken under a lock instead.
      // (SQLite's adapter leaves a promise of no transaction in transactionID.)
      certification = (await req.transactionID) ? await issue() : await retryWhileTaken('statusIndex', issue)
    } catch (error) {
      if (isUniqueViolation(error, 'key')) continue
      throw error
    }
    issued.push(certification)
    const bookkeeping: MentorContext = { mentorBookkeeping: true }
    // Training does not lift a suspension: a suspended mentor keeps their status, with the new validity.
    const current = (await payload.findByID({ collection: MENTOR_SLUGS.mentors as never, id: mentor.id, depth: 0, overrideAccess: true, req })) as Doc
    const status = current.status === 'suspended' ? 'suspended' : 'certified'
    await withContext(req, bookkeeping, () => payload.update({ collection: MENTOR_SLUGS.mentors as never, id: mentor.id, data: { status, certifiedUntil: validUntil } as never, overrideAccess: true, depth: 0, req }))
    await payload.update({ collection: CORE.enrollments, id: enrolment.id, data: { status: 'completed', progress: 100, completedAt: now.toISOString() } as never, overrideAccess: true, depth: 0, req })
    const done = await payload.count({ collection: CORE.completions, where: { key: { equals: `${user}:${MENTOR_SLUGS.tracks}:${trackId}` } }, overrideAccess: true, req })
    if (!done.totalDocs) {
      await payload.create({
        collection: CORE.completions,
        data: { learner: user, source: { relationTo: MENTOR_SLUGS.tracks, value: trackId }, completedAt: now.toISOString(), evidence: { certification: certification.id, hours: progress.hours, courses: progress.coursesDone, offline: progress.offlineDone } } as never,
        overrideAccess: true,
        req,
      })
    }
  }
  return issued
}
