import type { PayloadRequest } from 'payload'
import { APIError, Forbidden } from 'payload'
import { freePlace, fullError } from '../../../collections/enrollmentPlaces'
import { CORE } from '../../../collections/slugs'
import { say } from '../../../src/i18n/say'
import { isInvited } from './invitations'
import { refusalByRules } from './refusalByRules'

type Doc = Record<string, any>
export type Admission = { status: 'active' | 'pending'; place?: string }

/**
 * Whether the signed-in learner may take up a course now, by its rules, and how: the course is
 * published, the window is open, an invite-only course takes only the invited, a course with a
 * capacity gives a free numbered place (unique, so a race is settled by the database), and an
 * approval-required course starts them as pending. Throws the refusal, in the learner's language.
 * For a first enrolment and for rejoining a course the learner left alike.
 */
export async function admitToCourse(req: PayloadRequest, courseId: string | number): Promise<Admission> {
  const course = (await req.payload.findByID({ collection: CORE.courses, id: courseId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!course || course._status !== 'published') throw new APIError(say(req, `课程 ${courseId} 未开放选课`, `course ${courseId} is not open for enrolment`), 404)
  const rules = course.enrollment ?? {}
  const refusal = refusalByRules(rules, Date.now(), { invited: isInvited(rules.invitees, (req.user as Doc | null)?.email) })
  switch (refusal?.reason) {
    case 'not-yet-open':
      throw new APIError(say(req, `《${course.title}》选课将于 ${refusal.at} 开放`, `enrolment in ${course.title} opens at ${refusal.at}`), 400)
    case 'closed':
      throw new APIError(say(req, `《${course.title}》选课已于 ${refusal.at} 截止`, `enrolment in ${course.title} closed at ${refusal.at}`), 400)
    case 'invite-only':
      throw new Forbidden(req.t)
    case 'full':
      throw fullError(req, { zh: `《${course.title}》`, en: course.title }, refusal.capacity)
  }
  let place: string | undefined
  if (typeof rules.capacity === 'number') {
    place = await freePlace(req, { relationTo: CORE.courses, id: courseId }, rules.capacity)
    if (!place) throw fullError(req, { zh: `《${course.title}》`, en: course.title }, rules.capacity)
  }
  return { status: rules.mode === 'approval' ? 'pending' : 'active', ...(place ? { place } : {}) }
}
