import type { PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idOf } from '../../../src/access'
import { MENTOR_SLUGS } from '../constants'

type Doc = Record<string, any>

export type TrackProgress = {
  coursesDone: Id[]
  coursesMissing: Id[]
  hours: number
  offlineDone: string[]
  offlineMissing: string[]
  complete: boolean
}

/** What a mentor has done, for every track at once: their course completions, those courses' hours, their offline items. */
export type MentorRecord = { completions: Doc[]; hoursByCourse: Map<string, number>; activities: Doc[] }

/** Three reads, however many tracks the mentor is in. O(the mentor's completions and offline items). */
export async function loadMentorRecord(req: PayloadRequest, mentor: Doc): Promise<MentorRecord> {
  const read = { depth: 0, pagination: false, overrideAccess: true, req } as const
  const [{ docs: completions }, { docs: activities }] = await Promise.all([
    req.payload.find({
      collection: CORE.completions,
      where: { and: [{ learner: { equals: idOf(mentor.user) as Id } }, { key: { like: `%:${CORE.courses}:%` } }] },
      select: { source: true, completedAt: true } as never,
      ...read,
    }),
    req.payload.find({ collection: MENTOR_SLUGS.activities as never, where: { mentor: { equals: mentor.id } }, select: { item: true, happenedOn: true, track: true } as never, ...read }),
  ])
  const courseIds = [...new Set((completions as Doc[]).filter((c) => c.source?.relationTo === CORE.courses).map((c) => String(idOf(c.source.value))))]
  const { docs: courses } = courseIds.length ? await req.payload.find({ collection: CORE.courses, where: { id: { in: courseIds } }, select: { hours: true } as never, ...read }) : { docs: [] }
  return { completions: completions as Doc[], hoursByCourse: new Map((courses as Doc[]).map((c) => [String(c.id), c.hours ?? 0])), activities: activities as Doc[] }
}

/**
 * Where a mentor stands in a track, from their record: the course completions, the hours of every
 * course they completed and the offline items recorded for them in this track. For a renewal only
 * what happened after `since` (the latest certification's issue) counts.
 */
export function progressInTrack(record: MentorRecord, track: Doc, since?: string): TrackProgress {
  const after = (iso: string | undefined) => !since || (iso !== undefined && Date.parse(iso) >= Date.parse(since))
  const counted = record.completions.filter((c) => c.source?.relationTo === CORE.courses && after(c.completedAt))
  const doneIds = new Set(counted.map((c) => String(idOf(c.source.value))))
  const hours = [...doneIds].reduce((sum, id) => sum + (record.hoursByCourse.get(id) ?? 0), 0)
  const required = ((track.requiredCourses ?? []) as unknown[]).map(idOf).filter((c): c is Id => c !== undefined)
  const inTrack = record.activities.filter((a) => String(idOf(a.track)) === String(track.id) && after(a.happenedOn))
  const offlineDone = [...new Set(inTrack.map((a) => a.item as string))]
  const offlineMissing = ((track.offlineItems ?? []) as Doc[]).map((i) => i.key as string).filter((k) => !offlineDone.includes(k))
  const coursesMissing = required.filter((c) => !doneIds.has(String(c)))
  return {
    coursesDone: required.filter((c) => doneIds.has(String(c))),
    coursesMissing,
    hours,
    offlineDone,
    offlineMissing,
    complete: coursesMissing.length === 0 && offlineMissing.length === 0 && hours >= (track.minHours ?? 0),
  }
}

/** Where a mentor stands in one track (certification's check). */
export const trackProgress = async (req: PayloadRequest, mentor: Doc, track: Doc, since?: string): Promise<TrackProgress> =>
  progressInTrack(await loadMentorRecord(req, mentor), track, since)
