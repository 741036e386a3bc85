import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idOf } from '../../../src/access'
import { clock } from '../../../src/clock'
import { isUniqueViolation } from '../../../src/errors'
import { programmeOf } from '../attendance/programmes'
import { ATTENDED, CAMP_SLUGS } from '../constants'

type Doc = Record<string, any>

const rateOf = (attended: number, sessions: number) => (sessions ? Math.round((attended / sessions) * 1000) / 10 : 0)

/** A learner's attendance rate in a programme, 0–100: sessions attended (present, late, excused) of all its sessions. */
export async function attendanceRate(req: PayloadRequest, camp: Id, learner: Id): Promise<{ attended: number; sessions: number; rate: number }> {
  const [sessions, attended] = await Promise.all([
    programmeOf(req.payload, camp, req).then((p) => ({ totalDocs: p?.sessions ?? 0 })),
    req.payload.count({
      collection: CAMP_SLUGS.attendance as never,
      where: { and: [{ camp: { equals: camp } }, { learner: { equals: learner } }, { status: { in: ATTENDED } }] },
      overrideAccess: true,
      req,
    }),
  ])
  return { attended: attended.totalDocs, sessions: sessions.totalDocs, rate: rateOf(attended.totalDocs, sessions.totalDocs) }
}

/**
 * Writes the learner's completion of the programme once its rule is met: the attendance rate, and
 * the contest's best score when the rule names a contest. Called when attendance is recorded and
 * when a contest is submitted; the completion's unique key keeps it to one.
 */
export async function completeCamp(req: PayloadRequest, campId: Id | undefined, learner: Id): Promise<boolean> {
  if (campId === undefined) return false
  const camp = (await programmeOf(req.payload, campId, req))?.camp
  if (!camp) return false
  const key = `${learner}:${CAMP_SLUGS.camps}:${camp.id}`
  const rule = camp.completionRule ?? {}
  // The rate first: most records leave it short of the rule, and then nothing else is read.
  let attendance = await attendanceRate(req, camp.id, learner)
  if (!attendance.sessions || attendance.rate < (rule.minAttendanceRate ?? 0)) return false
  if ((await req.payload.count({ collection: CORE.completions, where: { key: { equals: key } }, overrideAccess: true, req })).totalDocs) return false
  // The count of sessions above may be a cached one: a completion issues a credit, so count again.
  const sessions = (await req.payload.count({ collection: CAMP_SLUGS.sessions as never, where: { camp: { equals: camp.id } }, overrideAccess: true, req })).totalDocs
  attendance = { ...attendance, sessions, rate: rateOf(attendance.attended, sessions) }
  if (attendance.rate < (rule.minAttendanceRate ?? 0)) return false
  let contestScore: number | undefined
  if (rule.contest) {
    const { docs } = await req.payload.find({
      collection: CAMP_SLUGS.attempts as never,
      where: { and: [{ contest: { equals: idOf(rule.contest) as Id } }, { learner: { equals: learner } }, { submittedAt: { exists: true } }] },
      sort: '-score',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    contestScore = (docs[0] as Doc | undefined)?.score
    if (contestScore === undefined || contestScore < (rule.minContestScore ?? 0)) return false
  }
  try {
    await req.payload.create({
      collection: CORE.completions,
      data: {
        learner,
        source: { relationTo: CAMP_SLUGS.camps, value: camp.id },
        score: contestScore,
        completedAt: clock.date().toISOString(),
        evidence: { attendance, contestScore: contestScore ?? null },
      } as never,
      overrideAccess: true,
      req,
    })
  } catch (error) {
    if (isUniqueViolation(error, 'key')) return false
    throw error
  }
  await req.payload.update({
    collection: CORE.enrollments,
    where: { key: { equals: key } },
    data: { status: 'completed', progress: 100, completedAt: clock.date().toISOString() } as never,
    overrideAccess: true,
    req,
  })
  return true
}

/** On attendance: each record may complete the learner's programme. */
export const completeCampOnAttendance: CollectionAfterChangeHook = async ({ doc, req }) => {
  await completeCamp(req, idOf(doc.camp) as Id, idOf(doc.learner) as Id)
  return doc
}
