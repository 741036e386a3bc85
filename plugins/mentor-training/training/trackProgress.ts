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

/**
 * Where a mentor stands in a track, from their rows: the course completions, the hours of every
 * course they completed and the offline items recorded for them. For a renewal only what happened
 * after `since` (the latest certification's issue) counts. O(the mentor's completions).
 */
export async function trackProgress(req: PayloadRequest, mentor: Doc, track: Doc, since?: string): Promise<TrackProgress> {
  const after = (iso: string | undefined) => !since || (iso !== undefined && Date.parse(iso) >= Date.parse(since))
  const { docs: completions } = await req.payload.find({
    collection: CORE.completions,
    where: { and: [{ learner: { equals: idOf(mentor.user) as Id } }, { key: { like: `%:${CORE.courses}:%` } }] },
    select: { source: true, completedAt: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const counted = (completions as Doc[]).filter((c) => c.source?.relationTo === CORE.courses && after(c.completedAt))
  const doneIds = new Set(counted.map((c) => String(idOf(c.source.value))))
  const courseIds = [...doneIds]
  const { docs: courses } = courseIds.length
    ? await req.payload.find({ collection: CORE.courses, where: { id: { in: courseIds } }, select: { hours: true } as never, depth: 0, pagination: false, overrideAccess: true, req })
    : { docs: [] }
  const hours = (courses as Doc[]).reduce((sum, c) => sum + (c.hours ?? 0), 0)
  const required = ((track.requiredCourses ?? []) as unknown[]).map(idOf).filter((c): c is Id => c !== undefined)

  const { docs: activities } = await req.payload.find({
    collection: MENTOR_SLUGS.activities as never,
    where: { and: [{ mentor: { equals: mentor.id } }, { track: { equals: track.id } }] },
    select: { item: true, happenedOn: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const offlineDone = [...new Set((activities as Doc[]).filter((a) => after(a.happenedOn)).map((a) => a.item as string))]
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
