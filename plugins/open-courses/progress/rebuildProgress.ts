/**
 * Builds the per-module rows again from the statements already stored, for one course or all:
 * the rows are cleared, then the statements are read by id, a page at a time, and each page goes
 * through the very fold and upsert that ingest uses, so the result is what ingest would have
 * kept. Then, unless told not to, every enrolment of those courses is evaluated again.
 *
 * Used by `npm run progress:rebuild -- [--course <id>]` and by the migration that introduced the
 * rows (there with the migration's request, so that on PostgreSQL it runs in its transaction).
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import { OPEN_COURSE_SLUGS } from '../constants'
import { courseDefinitions } from './courseDefinitions'
import { attemptTime, countsForModule, percentOf } from './countsForModule'
import { type ModuleEvent, foldEvents, moduleProgressStore, writeAtomically } from './moduleProgressStore'
import { reevaluateCourse } from './reevaluateCourse'

type Id = number | string
type Doc = Record<string, any>
const PAGE = 2000

export type RebuildOptions = {
  course?: Id
  req?: Partial<PayloadRequest>
  /** Evaluate the enrolments afterwards. @default true */
  reevaluate?: boolean
  log?: (line: string) => void
}

export async function rebuildProgress(payload: Payload, options: RebuildOptions = {}): Promise<{ statements: number; modules: number; enrollments: number }> {
  const { course, req, reevaluate = true, log = () => {} } = options
  const store = moduleProgressStore(payload)
  const definitions = courseDefinitions(payload)
  definitions.forgetAll()
  // A course's rows and statements are those of its modules now (a module may have moved).
  const modulesOfCourse = course === undefined ? undefined : [...((await definitions.course(course))?.modules.values() ?? [])].map((m) => m.id)
  await writeAtomically(payload, (exec) => store.clearWrites(exec, modulesOfCourse), async () => undefined, req)

  let after: Id | undefined
  let statements = 0
  const modules = new Set<string>()
  const courses = new Set<Id>(course === undefined ? [] : [course])
  for (;;) {
    const where: Where = {
      and: [
        modulesOfCourse === undefined ? { module: { exists: true } } : { module: { in: modulesOfCourse.length ? modulesOfCourse : [-1] } },
        ...(after === undefined ? [] : [{ id: { greater_than: after } }]),
      ],
    }
    const { docs } = await payload.find({
      collection: OPEN_COURSE_SLUGS.xapiStatements as never,
      where,
      sort: 'id',
      limit: PAGE,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      select: { learner: true, module: true, verb: true, scoreScaled: true, success: true, completion: true, subStatement: true, timestamp: true, stored: true } as never,
      req,
    })
    const rows = docs as Doc[]
    if (rows.length === 0) break
    const byId = await definitions.modules([...new Set(rows.map((r) => r.module as Id))])
    const events: ModuleEvent[] = []
    for (const r of rows) {
      const module = byId.get(String(r.module))
      if (!module || !countsForModule(module.kind, { verb: r.verb, subStatement: Boolean(r.subStatement), success: r.success ?? null, completion: r.completion ?? null })) continue
      const stored = new Date(r.stored).toISOString()
      events.push({ learner: r.learner, course: module.course, module: module.id, score: percentOf(r.scoreScaled), at: attemptTime(r.timestamp ? new Date(r.timestamp).toISOString() : stored, stored) })
      modules.add(`${r.learner}:${module.id}`)
      courses.add(module.course)
    }
    await writeAtomically(payload, (exec) => store.deltaWrites(exec, foldEvents(events)), async () => undefined, req)
    statements += rows.length
    log(`  ${statements} statements read, ${modules.size} learner × module rows`)
    after = rows[rows.length - 1].id
    if (rows.length < PAGE) break
  }

  let enrollments = 0
  if (reevaluate) {
    for (const id of courses) {
      enrollments += await reevaluateCourse(payload, id, { req, onPage: (done) => log(`  course ${id}: ${done} enrolments evaluated`) })
    }
  }
  return { statements, modules: modules.size, enrollments }
}
