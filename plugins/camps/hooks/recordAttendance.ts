import type { CollectionBeforeChangeHook } from 'payload'
import { APIError, ValidationError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { clock } from '../../../src/clock'
import { say } from '../../../src/i18n/say'
import { CAMP_SLUGS } from '../constants'

type Doc = Record<string, any>

/**
 * An organiser's record is for a learner enrolled in the session's programme, once per session;
 * afterwards an organiser may change its status only. (A learner's own check-in with the code is
 * written by attendance/checkIn.ts.)
 */
export const recordAttendance: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update') {
    const moved = ['session', 'learner'].filter((k) => data[k] !== undefined && String(idOf(data[k])) !== String(idOf(originalDoc[k])))
    if (moved.length) throw new APIError(say(req, '考勤记录只能修改状态', 'only the status of an attendance record can change'), 409)
    return { ...data, recordedBy: req.user?.id }
  }
  const session = (await req.payload.findByID({ collection: CAMP_SLUGS.sessions as never, id: idOf(data.session) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!session) throw new ValidationError({ collection: CAMP_SLUGS.attendance, errors: [{ path: 'session', message: say(req, '找不到该场次', 'no such session') }] })
  const learner = idOf(data.learner)
  const camp = idOf(session.camp)
  const enrolled = await req.payload.count({ collection: CORE.enrollments, where: { and: [{ key: { equals: `${learner}:${CAMP_SLUGS.camps}:${camp}` } }, { status: { in: ['active', 'completed'] } }] }, overrideAccess: true, req })
  if (!enrolled.totalDocs) throw new APIError(say(req, '该学员未报名这个项目', 'this learner is not enrolled in the programme'), 403)
  const key = `${session.id}:${learner}`
  const existing = (await req.payload.find({ collection: CAMP_SLUGS.attendance as never, where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true, req })).docs[0] as Doc | undefined
  if (existing) throw new APIError(say(req, `已于 ${existing.checkedInAt ?? existing.createdAt} 记录为“${existing.status}”`, `already recorded as ${existing.status} at ${existing.checkedInAt ?? existing.createdAt}`), 409)
  return { ...data, key, camp, checkedInAt: data.checkedInAt ?? clock.date().toISOString(), method: 'organizer', recordedBy: req.user?.id }
}
