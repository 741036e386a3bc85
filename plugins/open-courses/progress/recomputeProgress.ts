/**
 * A learner's progress in a course, derived from their statements (each its own row, so nothing
 * is lost to concurrent writes): a lesson or video counts once experienced or completed, an H5P or
 * quiz module once completed or passed. The enrolment carries the percentage of required modules;
 * when all are done and the average score meets the course's rule, one completion is written
 * (the completions table's unique key makes that once, however many requests race).
 */
import type { Payload } from 'payload'
import { CORE } from '../../../collections/slugs'
import { isUniqueViolation } from '../../../src/errors'
import { OPEN_COURSE_SLUGS } from '../constants'

type Id = number | string
type Doc = Record<string, any>

export const VERBS = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const

const counts = (module: Doc, s: Doc) => {
  if (s.subStatement) return false
  if (module.kind === 'lesson' || module.kind === 'video') return s.verb === VERBS.experienced || s.verb === VERBS.completed
  return s.verb === VERBS.completed || s.verb === VERBS.passed || (s.verb === VERBS.answered && s.completion !== false) || s.success === true
}

const scoreOf = (attempts: Doc[], policy: string): number | null => {
  const scored = attempts.filter((s) => typeof s.scoreScaled === 'number').sort((a, b) => String(a.stored).localeCompare(String(b.stored)))
  if (scored.length === 0) return null
  const values = scored.map((s) => Math.max(0, s.scoreScaled) * 100)
  if (policy === 'last') return values[values.length - 1]
  if (policy === 'average') return values.reduce((a, b) => a + b, 0) / values.length
  return Math.max(...values)
}

export async function recomputeProgress(payload: Payload, learner: Id, courseId: Id): Promise<{ progress: number; completed: boolean }> {
  const course = (await payload.findByID({ collection: CORE.courses, id: courseId, depth: 0, overrideAccess: true })) as Doc
  const { docs: modules } = await payload.find({ collection: CORE.modules, where: { course: { equals: courseId } }, depth: 0, overrideAccess: true, pagination: false })
  const required = (modules as Doc[]).filter((m) => m.required !== false)
  const { docs: statements } = await payload.find({
    collection: OPEN_COURSE_SLUGS.xapiStatements as never,
    where: { and: [{ learner: { equals: learner } }, { course: { equals: courseId } }] },
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  const policy = course.completionRule?.scorePolicy ?? 'best'
  const perModule = required.map((m) => {
    const mine = (statements as Doc[]).filter((s) => String(s.module) === String(m.id))
    const done = mine.some((s) => counts(m, s))
    return { id: m.id, done, score: done ? scoreOf(mine.filter((s) => counts(m, s)), policy) : null }
  })
  const doneCount = perModule.filter((m) => m.done).length
  const progress = required.length === 0 ? 0 : Math.round((doneCount / required.length) * 100)
  const scores = perModule.map((m) => m.score).filter((s): s is number => s !== null)
  const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null
  const minimum = course.completionRule?.minAverageScore ?? 0
  const completed = required.length > 0 && doneCount === required.length && (average === null ? minimum === 0 : average >= minimum)

  const { docs: enrollments } = await payload.find({
    collection: CORE.enrollments,
    where: { key: { equals: `${learner}:${CORE.courses}:${courseId}` } },
    depth: 0,
    overrideAccess: true,
    limit: 1,
  })
  const enrollment = enrollments[0] as Doc | undefined
  if (enrollment && (enrollment.progress !== progress || (completed && enrollment.status !== 'completed'))) {
    await payload.update({
      collection: CORE.enrollments,
      id: enrollment.id,
      data: { progress, ...(completed && { status: 'completed', completedAt: new Date().toISOString() }) },
      overrideAccess: true,
      depth: 0,
    })
  }
  if (completed) {
    try {
      await payload.create({
        collection: CORE.completions,
        data: {
          learner,
          source: { relationTo: CORE.courses, value: course.id },
          score: average === null ? undefined : Math.round(average * 10) / 10,
          completedAt: new Date().toISOString(),
          evidence: { modules: perModule.map((m) => ({ module: m.id, score: m.score === null ? null : Math.round(m.score * 10) / 10 })), scorePolicy: policy },
        } as never,
        overrideAccess: true,
        depth: 0,
      })
    } catch (error) {
      // Another request completed the course first: the unique key kept it to one.
      if (!isUniqueViolation(error, 'key')) throw error
    }
  }
  return { progress, completed }
}
