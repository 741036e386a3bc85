import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idOf } from '../../../src/access'
import { clock } from '../../../src/clock'
import { isUniqueConstraintError, isUniqueViolation } from '../../../src/errors'
import { say } from '../../../src/i18n/say'
import { CAMP_SLUGS } from '../constants'
import { completeCamp } from '../hooks/completeCamp'
import type { SanitizedCampsOptions } from '../types'
import { codeIsCurrent } from './checkInCode'
import { sessionOf } from './programmes'

type Doc = Record<string, any>
const MINUTE = 60_000

export type CheckInOutcome = { ok: true; doc: Doc } | { ok: false; status: number; message: string }

/** When checking in is open: from `graceMinutes` before the start to as long after the end. */
export function checkInWindow(session: Doc, options: SanitizedCampsOptions) {
  const grace = options.checkIn.graceMinutes * MINUTE
  return { opens: Date.parse(session.startsAt) - grace, closes: Date.parse(session.endsAt) + grace }
}

/**
 * The signed-in learner checks in to a session: while checking in is open, with the code shown now
 * (or the one just before), enrolled in the programme, once; present, or late after
 * `lateAfterMinutes`. The check-in endpoint and the portal's check-in page both call this.
 */
export async function checkIn(req: PayloadRequest, sessionId: string, code: string, options: SanitizedCampsOptions): Promise<CheckInOutcome> {
  const fail = (status: number, zh: string, en: string): CheckInOutcome => ({ ok: false, status, message: say(req, zh, en) })
  if (!req.user) return fail(401, '请先登录再签到', 'sign in to check in')
  if (!/^\d{6}$/.test(code)) return fail(400, '签到码为 6 位数字', 'the code is the six digits shown')
  const session = /^[\w-]+$/.test(sessionId) ? await sessionOf(req.payload, sessionId, req) : null
  if (!session) return fail(404, '找不到该场次', `no session ${sessionId}`)
  const now = clock.now()
  const { opens, closes } = checkInWindow(session, options)
  if (now < opens) return fail(400, `签到尚未开始（${new Date(opens).toISOString()} 开始）`, `checking in opens at ${new Date(opens).toISOString()}`)
  if (now > closes) return fail(400, `签到已于 ${new Date(closes).toISOString()} 结束`, `checking in closed at ${new Date(closes).toISOString()}`)
  if (!codeIsCurrent(session.checkInSecret, code, now, options.checkIn.codeSeconds)) return fail(400, '签到码不正确或已过期，请输入现场正在显示的签到码', 'the code is wrong or has expired: enter the one shown now')
  const learner = req.user.id
  const enrolled = await req.payload.count({ collection: CORE.enrollments, where: { and: [{ key: { equals: `${learner}:${CAMP_SLUGS.camps}:${idOf(session.camp)}` } }, { status: { in: ['active', 'completed'] } }] }, overrideAccess: true, req })
  if (!enrolled.totalDocs) return fail(403, '你没有报名这个项目', 'you are not enrolled in this programme')
  const status = now <= Date.parse(session.startsAt) + options.checkIn.lateAfterMinutes * MINUTE ? 'present' : 'late'
  const at = new Date(now).toISOString()
  const camp = idOf(session.camp) as Id
  let doc: Doc | undefined
  try {
    // A lecture hall checks in within a minute: the record is one short insert through the
    // adapter, not Payload's per-document pipeline. What recordAttendance adds to an organiser's
    // record is added here; the unique key keeps it to one per learner and session.
    doc = (await req.payload.db.create({
      collection: CAMP_SLUGS.attendance,
      data: { key: `${session.id}:${learner}`, session: session.id, camp, learner, status, checkedInAt: at, method: 'code', recordedBy: null, createdAt: at, updatedAt: at },
    })) as Doc
  } catch (error) {
    if (!isUniqueViolation(error, 'key') && !isUniqueConstraintError(error)) throw error
  }
  // What completeCampOnAttendance does after an organiser's record, in a transaction of its own.
  // Also after a repeated check-in: if the first one's completion failed, this one writes it.
  const started = await initTransaction(req)
  try {
    await completeCamp(req, camp, learner)
    if (started) await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
  return doc ? { ok: true, doc } : fail(409, '你已签到过', 'you have already checked in')
}
