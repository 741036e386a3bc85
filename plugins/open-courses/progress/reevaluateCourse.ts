/**
 * Evaluates every enrolment of one course again from its per-module rows, after the course's
 * completion rule or its modules changed: progress set to what the new rule gives, and courses
 * now complete completed. Pages through the enrolments by id, a transaction a page.
 */
import type { Payload, PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { completeCourses, evaluateEnrollments, forgetQueuedCompletions } from './applyProgress'
import { courseDefinitions } from './courseDefinitions'
import { writeAtomically } from './moduleProgressStore'

type Id = number | string
type Doc = Record<string, any>
const PAGE = 200

export async function reevaluateCourse(payload: Payload, course: Id, options: { req?: Partial<PayloadRequest>; onPage?: (done: number) => void } = {}): Promise<number> {
  const { req, onPage = () => {} } = options
  courseDefinitions(payload).forgetCourse(course)
  forgetQueuedCompletions(payload, course)
  let after: Id | undefined
  let done = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: CORE.enrollments,
      where: {
        and: [{ 'source.relationTo': { equals: CORE.courses } }, { 'source.value': { equals: course } }, ...(after === undefined ? [] : [{ id: { greater_than: after } }])],
      },
      sort: 'id',
      limit: PAGE,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
    })
    const pairs = (docs as Doc[]).map((d) => ({ learner: d.learner as Id, course }))
    if (pairs.length > 0) {
      const completed = await writeAtomically(payload, () => [], (exec) => evaluateEnrollments(payload, exec, pairs, 'exact', { req }), req)
      await completeCourses(payload, completed, req)
    }
    done += docs.length
    if (docs.length > 0) onPage(done)
    if (docs.length < PAGE) return done
    after = (docs[docs.length - 1] as Doc).id
  }
}
