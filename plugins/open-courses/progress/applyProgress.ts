/**
 * From statements that count to an enrolment's progress and the course's completion: the batch's
 * events update the per-module rows, then each touched learner × course is evaluated once from
 * those rows. Completing a course (the `completions` row the credits plugin issues from, and the
 * enrolment's status) goes through the Local API, so that its hooks run, and through the jobs
 * queue when ingest finds it: durable, retried, and off the statements' path. The completions
 * table's unique key makes it once.
 */
import type { Payload, PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { OPEN_COURSE_TASKS } from '../constants'
import { isUniqueViolation } from '../../../src/errors'
import { courseDefinitions, type CourseDefinition } from './courseDefinitions'
import { type CourseEvaluation, evaluateCourseProgress } from './evaluateCourseProgress'
import { enrollmentKey, type EnrollmentState, type Executor, foldEvents, type ModuleEvent, moduleKey, moduleProgressStore, writeAtomically } from './moduleProgressStore'

type Id = number | string

export type CourseCompleted = { learner: Id; course: CourseDefinition; evaluation: CourseEvaluation; enrollment: EnrollmentState }

/**
 * Evaluates each learner × course that has an enrolment and writes its progress (`raise` on
 * ingest, `exact` when the course's rule changed); answers the courses whose rule is now met by an
 * active enrolment. A learner without an enrolment keeps their module rows, and no credit.
 * `leaveQueued` (ingest): an enrolment whose completion this process queued a moment ago is not
 * evaluated; the job that completes it evaluates it. `definitions`: courses already read; any
 * other is read with `req`, in its transaction.
 */
export async function evaluateEnrollments(
  payload: Payload,
  exec: Executor,
  pairs: Array<{ learner: Id; course: Id }>,
  mode: 'raise' | 'exact',
  options: { req?: Partial<PayloadRequest>; leaveQueued?: boolean; definitions?: CourseDefinitionsRead } = {},
): Promise<CourseCompleted[]> {
  const { req, leaveQueued = false } = options
  const store = moduleProgressStore(payload)
  const enrollments = await store.lockEnrollments(exec, pairs.map((p) => enrollmentKey(p.learner, p.course)))
  // Raising cannot move an enrolment at 100 % that is complete, or (on ingest) whose completion
  // this process queued a moment ago, where an evaluation would find it met and queue nothing: it
  // needs none. A learner goes on sending statements after the last module.
  const settled = (e: EnrollmentState | undefined) =>
    e !== undefined && mode === 'raise' && e.progress >= 100 && (e.status === 'completed' || (leaveQueued && e.status === 'active' && completionQueued(payload, e.key)))
  const enrolled = pairs.filter((p) => enrollments.has(enrollmentKey(p.learner, p.course)) && !settled(enrollments.get(enrollmentKey(p.learner, p.course))))
  const definitions = new Map(options.definitions)
  for (const pair of enrolled) {
    if (!definitions.has(String(pair.course))) definitions.set(String(pair.course), await courseDefinitions(payload).course(pair.course, req))
  }
  const requiredRows = enrolled.flatMap(({ learner, course }) => {
    const definition = definitions.get(String(course))
    return definition ? definition.required.map((m) => moduleKey(learner, definition.modules.get(m)!.id)) : []
  })
  const states = await store.readStates(exec, [...new Set(requiredRows)])
  const completed: CourseCompleted[] = []
  const changed: Array<{ key: string; progress: number }> = []
  for (const pair of enrolled) {
    const key = enrollmentKey(pair.learner, pair.course)
    const course = definitions.get(String(pair.course))
    if (!course) continue
    const enrollment = enrollments.get(key)!
    const evaluation = evaluateCourseProgress(course, states.get(String(pair.learner)) ?? new Map())
    if (mode === 'exact' ? evaluation.progress !== enrollment.progress : evaluation.progress > enrollment.progress) changed.push({ key, progress: evaluation.progress })
    if (evaluation.completed && enrollment.status === 'active') completed.push({ learner: pair.learner, course, evaluation, enrollment })
  }
  await store.writeProgress(exec, changed, mode)
  return completed
}

/** A batch's countable statements, as the writes that add them to their module rows. */
export const moduleWrites = (payload: Payload, exec: Executor, events: ModuleEvent[]): unknown[] => moduleProgressStore(payload).deltaWrites(exec, foldEvents(events))

/** Course definitions by course id (as a string); null for a course that is gone. */
export type CourseDefinitionsRead = Map<string, CourseDefinition | null>

/**
 * The definitions of the courses a batch's events concern, read before its transaction opens
 * (ingest has no request to share a connection with): a transaction that waits for a second pool
 * connection while holding one can deadlock with jobs waiting for its row locks.
 */
export async function definitionsOf(payload: Payload, events: ModuleEvent[]): Promise<CourseDefinitionsRead> {
  const definitions: CourseDefinitionsRead = new Map()
  for (const course of new Set(events.map((e) => String(e.course)))) definitions.set(course, await courseDefinitions(payload).course(course))
  return definitions
}

/** Once those writes are in: each learner × course the batch touched, evaluated once. */
export async function evaluateTouched(payload: Payload, exec: Executor, events: ModuleEvent[], definitions: CourseDefinitionsRead): Promise<CourseCompleted[]> {
  const pairs = new Map(events.map((e) => [enrollmentKey(e.learner, e.course), { learner: e.learner, course: e.course }]))
  return pairs.size === 0 ? [] : evaluateEnrollments(payload, exec, [...pairs.values()], 'raise', { leaveQueued: true, definitions })
}

/**
 * One completion per learner × course, then the enrolment marked completed (a plain update: the
 * enrolments' hooks concern creating one). If writing the completion fails, the enrolment stays
 * active and the next evaluation tries again. A completion already there (recorded by hand, or by
 * another process) is looked for first: within a caller's transaction a unique-key refusal would
 * abort that transaction, so there it is never provoked, and never swallowed.
 */
export async function completeCourses(payload: Payload, done: CourseCompleted[], req?: Partial<PayloadRequest>): Promise<void> {
  for (const { learner, course, evaluation, enrollment } of done) {
    const completedAt = new Date().toISOString()
    const key = `${learner}:${CORE.courses}:${course.id}`
    const existing = await payload.count({ collection: CORE.completions, where: { key: { equals: key } }, overrideAccess: true, req })
    if (existing.totalDocs === 0) {
      try {
        await payload.create({
          collection: CORE.completions,
          data: {
            learner,
            source: { relationTo: CORE.courses, value: course.id },
            score: evaluation.average ?? undefined,
            completedAt,
            evidence: { modules: evaluation.modules, scorePolicy: course.scorePolicy },
          } as never,
          overrideAccess: true,
          depth: 0,
          req,
        })
      } catch (error) {
        // Another process completed the course in between: the unique key kept it to one.
        if (req?.transactionID || !isUniqueViolation(error, 'key')) throw error
      }
    }
    await writeAtomically(payload, () => [], (exec) => moduleProgressStore(payload).markCompleted(exec, enrollment.key, completedAt), req)
  }
}

/**
 * Courses completed by ingest: one job for a batch's completions (a class finishing a quiz
 * together completes in few batches, and each job costs a write and a read of the jobs table).
 * Each learner × course is queued once a minute per process, remembered only once queued; a
 * failure is logged and the next statement of that learner queues it again.
 */
const queued = new WeakMap<Payload, Map<string, number>>()
const REQUEUE_AFTER_MS = 60_000

const recentlyQueued = (payload: Payload): Map<string, number> => {
  let recent = queued.get(payload)
  if (!recent) queued.set(payload, (recent = new Map()))
  return recent
}

const completionQueued = (payload: Payload, key: string): boolean => {
  const at = queued.get(payload)?.get(key)
  return at !== undefined && Date.now() - at <= REQUEUE_AFTER_MS
}

/** The course's rule or modules changed: its completions may be queued again at once. */
export function forgetQueuedCompletions(payload: Payload, course: Id): void {
  const suffix = enrollmentKey('', course)
  for (const key of queued.get(payload)?.keys() ?? []) if (key.endsWith(suffix)) queued.get(payload)!.delete(key)
}

/** One completion job for these learners' courses (tasks/completeCourse.ts), in `req`'s transaction where given. */
export const queueCompletionJob = (payload: Payload, enrollments: Array<{ learner: Id; course: Id }>, req?: Partial<PayloadRequest>) =>
  payload.jobs.queue({
    task: OPEN_COURSE_TASKS.completeCourse as never,
    input: { enrollments: enrollments.map(({ learner, course }) => ({ learner: String(learner), course: String(course) })) } as never,
    req: req as PayloadRequest | undefined,
  })

export async function queueCompletions(payload: Payload, done: CourseCompleted[]): Promise<void> {
  const recent = recentlyQueued(payload)
  const now = Date.now()
  for (const [key, at] of recent) if (now - at > REQUEUE_AFTER_MS) recent.delete(key)
  const due = new Map<string, { learner: string; course: string }>()
  for (const { learner, course } of done) {
    const key = enrollmentKey(learner, course.id)
    if (!recent.has(key)) due.set(key, { learner: String(learner), course: String(course.id) })
  }
  if (due.size === 0) return
  try {
    await queueCompletionJob(payload, [...due.values()])
    for (const key of due.keys()) recent.set(key, now)
  } catch (error) {
    payload.logger.error({ err: error, enrollments: [...due.keys()] }, 'could not queue the completion of courses')
  }
}

/** The job: evaluates the learner's course again and completes it if the rule is met. */
export async function completeCourseOf(payload: Payload, learner: Id, course: Id, req?: Partial<PayloadRequest>): Promise<boolean> {
  const done = await writeAtomically(payload, () => [], (exec) => evaluateEnrollments(payload, exec, [{ learner, course }], 'raise', { req }), req)
  await completeCourses(payload, done, req)
  return done.length > 0
}
