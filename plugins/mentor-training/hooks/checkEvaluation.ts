import type { CollectionBeforeChangeHook } from 'payload'
import { APIError, ValidationError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type AccessUser, idOf, userHasRole } from '../../../src/access'
import { clock } from '../../../src/clock'
import { say } from '../../../src/i18n/say'
import { MENTOR_SLUGS } from '../constants'

type Doc = Record<string, any>
const SCORES = ['guidance', 'expertise', 'availability'] as const

/**
 * Who may evaluate a mentor: a student who has been assigned to them, or an organiser of the
 * mentor's organisation or of the home university of one of their students. Once a year each.
 */
export const checkEvaluation: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { payload } = req
  const user = req.user as (AccessUser & Doc) | null
  if (!user) throw new APIError(say(req, '请先登录', 'sign in to evaluate a mentor'), 401)
  for (const s of SCORES) {
    const v = data[s]
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
      throw new ValidationError({ collection: MENTOR_SLUGS.evaluations, errors: [{ path: s, message: say(req, `${s} 应为 1–5 的整数（收到 ${v}）`, `${s} must be a whole number from 1 to 5 (got ${v})`) }] })
    }
  }
  const mentor = (await payload.findByID({ collection: MENTOR_SLUGS.mentors as never, id: idOf(data.mentor) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!mentor) throw new ValidationError({ collection: MENTOR_SLUGS.evaluations, errors: [{ path: 'mentor', message: say(req, '找不到该导师', 'no such mentor') }] })
  const { docs: assignments } = await payload.find({ collection: MENTOR_SLUGS.assignments as never, where: { mentor: { equals: mentor.id } }, select: { student: true } as never, depth: 0, pagination: false, overrideAccess: true, req })
  const students = (assignments as Doc[]).map((a) => String(idOf(a.student)))
  let evaluatorKind: 'student' | 'organization' | undefined
  if (userHasRole(user, 'student') && students.includes(String(user.id))) evaluatorKind = 'student'
  else if (userHasRole(user, 'organizer')) {
    const orgs = new Set([String(idOf(mentor.organization))])
    if (students.length) {
      const { docs } = await payload.find({ collection: CORE.users, where: { id: { in: students } }, select: { homeUniversity: true } as never, depth: 0, pagination: false, overrideAccess: true, req })
      for (const s of docs as Doc[]) orgs.add(String(idOf(s.homeUniversity)))
    }
    if (orgs.has(String(idOf(user.organization)))) evaluatorKind = 'organization'
  }
  if (!evaluatorKind) throw new APIError(say(req, '只有该导师指导过的学生或相关单位可以评价', 'only the mentor’s students and their organisations may evaluate this mentor'), 403)
  const year = clock.date().getUTCFullYear()
  const key = `${mentor.id}:${user.id}:${year}`
  if ((await payload.count({ collection: MENTOR_SLUGS.evaluations as never, where: { key: { equals: key } }, overrideAccess: true, req })).totalDocs) {
    throw new APIError(say(req, `你已评价过该导师（${year} 年度）`, `you have already evaluated this mentor for ${year}`), 409)
  }
  const overall = Math.round(((data.guidance + data.expertise + data.availability) / 3) * 100) / 100
  return { ...data, key, evaluator: user.id, evaluatorKind, year, overall }
}
