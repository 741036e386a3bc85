/**
 * A course's completion rule, or the set and kinds of its modules, decide every enrolment's
 * progress. When they change, the cached definitions are dropped at once and the course's
 * enrolments are re-evaluated by a queued job, never inside the author's request.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { idOf } from '../../../src/access'
import { OPEN_COURSE_TASKS } from '../constants'
import { forgetQueuedCompletions } from '../progress/applyProgress'
import { courseDefinitions } from '../progress/courseDefinitions'

type Id = number | string

const queueReevaluation = (req: PayloadRequest, course: Id) => {
  forgetQueuedCompletions(req.payload, course)
  return req.payload.jobs.queue({ task: OPEN_COURSE_TASKS.reevaluateCourse as never, input: { course: String(course) } as never, req })
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

export const reevaluateWhenCourseRuleChanges: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  courseDefinitions(req.payload).forgetCourse(doc.id)
  if (operation === 'update' && !same(previousDoc?.completionRule, doc.completionRule)) await queueReevaluation(req, doc.id)
  return doc
}

export const forgetCourseOnDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  courseDefinitions(req.payload).forgetCourse(doc.id)
}

export const reevaluateWhenModulesChange: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const course = idOf(doc.course)
  const before = idOf(previousDoc?.course)
  const definitions = courseDefinitions(req.payload)
  definitions.forgetModule(doc.id)
  definitions.forgetCourse(course)
  definitions.forgetCourse(before)
  const counts = (m: Record<string, unknown> | undefined) => ({ course: idOf(m?.course), required: m?.required !== false, kind: m?.kind })
  if (operation === 'create' || !same(counts(previousDoc), counts(doc))) {
    if (course !== undefined) await queueReevaluation(req, course)
    if (before !== undefined && String(before) !== String(course)) await queueReevaluation(req, before)
  }
  return doc
}

export const reevaluateWhenModuleDeleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const course = idOf(doc.course)
  courseDefinitions(req.payload).forgetModule(doc.id)
  courseDefinitions(req.payload).forgetCourse(course)
  if (course !== undefined) await queueReevaluation(req, course)
}

/** An H5P package's maximum score is part of the definitions. */
export const forgetDefinitionsOnPackageChange: CollectionAfterChangeHook = ({ doc, req }) => {
  courseDefinitions(req.payload).forgetAll()
  return doc
}
