import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { APIError, ValidationError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf, userHasRole } from '../../../src/access'
import { clock } from '../../../src/clock'
import { say } from '../../../src/i18n/say'
import { MENTOR_SLUGS } from '../constants'

type Doc = Record<string, any>

const invalid = (req: PayloadRequest, path: string, zh: string, en: string) => new ValidationError({ collection: MENTOR_SLUGS.assignments, errors: [{ path, message: say(req, zh, en) }] })

/**
 * A new assignment: a student (not the mentor themself), a certified mentor whose certification
 * has not expired, no active mentor of the same kind for the student, and the mentor's lowest free
 * place. Afterwards an assignment only ends, with a reason, which frees its places.
 */
export const checkAssignment: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const { payload } = req
  if (operation === 'update') {
    const changed = ['student', 'mentor'].filter((k) => data[k] !== undefined && String(idOf(data[k])) !== String(idOf(originalDoc[k])))
    if (changed.length) throw new APIError(say(req, '更换导师请结束当前分配并新建一条', 'to change mentor, end this assignment and make a new one'), 409)
    if (data.status === undefined || data.status === originalDoc.status) return data
    if (originalDoc.status !== 'active' || data.status !== 'ended') throw new APIError(say(req, '已结束的分配不能恢复', 'an ended assignment cannot be reopened'), 409)
    if (!String(data.endReason ?? '').trim()) throw invalid(req, 'endReason', '结束分配须说明原因', 'ending an assignment needs a reason')
    return { ...data, endedAt: clock.date().toISOString(), slotKey: `ended:${originalDoc.id}`, studentKey: `ended:${originalDoc.id}` }
  }

  const mentor = (await payload.findByID({ collection: MENTOR_SLUGS.mentors as never, id: idOf(data.mentor) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!mentor) throw invalid(req, 'mentor', '找不到该导师', 'no such mentor')
  const student = (await payload.findByID({ collection: CORE.users, id: idOf(data.student) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!student || !userHasRole(student, 'student')) throw invalid(req, 'student', '被指导人须为学生', 'the one assigned a mentor must be a student')
  if (String(student.id) === String(idOf(mentor.user))) throw invalid(req, 'student', '导师不能指导自己', 'a mentor cannot be their own student')
  if (mentor.status !== 'certified') throw new APIError(say(req, `${mentor.name} 当前状态为“${mentor.status}”，只有已认证导师可以分配`, `${mentor.name} is ${mentor.status}; only certified mentors can be assigned`), 409)
  if (!mentor.certifiedUntil || Date.parse(mentor.certifiedUntil) <= clock.now()) {
    throw new APIError(say(req, `${mentor.name} 的认证已于 ${mentor.certifiedUntil} 过期`, `${mentor.name}'s certification expired on ${mentor.certifiedUntil}`), 409)
  }

  const studentKey = `${student.id}:${mentor.kind}`
  const current = (await payload.find({ collection: MENTOR_SLUGS.assignments as never, where: { studentKey: { equals: studentKey } }, limit: 1, depth: 1, overrideAccess: true, req })).docs[0] as Doc | undefined
  if (current) {
    const kind = mentor.kind === 'enterprise' ? ['企业导师', 'an enterprise mentor'] : ['高校导师', 'a university mentor']
    throw new APIError(say(req, `该学生已有${kind[0]}（${current.mentor?.name ?? ''}），请先结束该分配`, `this student already has ${kind[1]} (${current.mentor?.name ?? ''}); end that assignment first`), 409)
  }
  const { docs: active } = await payload.find({ collection: MENTOR_SLUGS.assignments as never, where: { and: [{ mentor: { equals: mentor.id } }, { status: { equals: 'active' } }] }, select: { slotKey: true } as never, depth: 0, pagination: false, overrideAccess: true, req })
  const taken = new Set((active as Doc[]).map((a) => a.slotKey))
  let slot = 1
  while (slot <= mentor.maxStudents && taken.has(`${mentor.id}:${slot}`)) slot++
  if (slot > mentor.maxStudents) throw new APIError(say(req, `${mentor.name} 已满（${mentor.maxStudents} 名学生）`, `${mentor.name} is full (${mentor.maxStudents} students)`), 409)
  return {
    ...data,
    kind: mentor.kind,
    status: 'active',
    startedAt: clock.date().toISOString(),
    endedAt: null,
    mentorUser: idOf(mentor.user),
    assignedBy: req.user?.id,
    slotKey: `${mentor.id}:${slot}`,
    studentKey,
  }
}
