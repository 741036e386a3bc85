/**
 * What ingest needs to know of a course and its modules (kinds, which are required, the
 * completion rule, H5P maximum scores), cached per process so that a statement costs no lookup.
 * An entry is dropped when its course, one of its modules or an H5P package changes in this
 * process (hooks in coreExtensions.ts); other processes see the change within TTL_MS.
 */
import type { Payload, PayloadRequest } from 'payload'
import { CORE } from '../../../collections/slugs'
import { OPEN_COURSE_SLUGS } from '../constants'

type Id = number | string
type Doc = Record<string, any>

export type ModuleDefinition = { id: Id; course: Id; kind: string; required: boolean; maxScore: number | null }
export type CourseDefinition = {
  id: Id
  scorePolicy: 'best' | 'last' | 'average'
  minAverageScore: number
  /** Ids (as strings) of the required modules, in order. */
  required: string[]
  modules: Map<string, ModuleDefinition>
}

const TTL_MS = 30_000
const key = (id: Id) => String(id)

export class CourseDefinitions {
  private courses = new Map<string, { at: number; definition: CourseDefinition | null }>()
  private courseOfModule = new Map<string, { at: number; course: Id | null }>()

  constructor(private payload: Payload) {}

  private fresh = (entry: { at: number } | undefined) => entry !== undefined && Date.now() - entry.at < TTL_MS

  /**
   * `req`: read in its transaction. A hook that holds a PostgreSQL connection for its request's
   * transaction and waits for a second one from the pool deadlocks once as many requests do so
   * at once as the pool has connections (20 concurrent enrolments did).
   */
  async course(id: Id, req?: Partial<PayloadRequest>): Promise<CourseDefinition | null> {
    const cached = this.courses.get(key(id))
    if (this.fresh(cached)) return cached!.definition
    const definition = await this.load(id, req)
    this.courses.set(key(id), { at: Date.now(), definition })
    for (const m of definition?.modules.values() ?? []) this.courseOfModule.set(key(m.id), { at: Date.now(), course: m.course })
    return definition
  }

  /** The definitions of these modules; unknown ids are left out (and remembered as unknown). */
  async modules(ids: Id[]): Promise<Map<string, ModuleDefinition>> {
    const unknown = ids.filter((id) => !this.fresh(this.courseOfModule.get(key(id))))
    if (unknown.length > 0) {
      const { docs } = await this.payload.find({ collection: CORE.modules, where: { id: { in: unknown } }, depth: 0, overrideAccess: true, pagination: false, select: { course: true } })
      const found = new Map((docs as Doc[]).map((d) => [key(d.id), d.course as Id]))
      for (const id of unknown) this.courseOfModule.set(key(id), { at: Date.now(), course: found.get(key(id)) ?? null })
    }
    const result = new Map<string, ModuleDefinition>()
    for (const id of ids) {
      const course = this.courseOfModule.get(key(id))?.course
      if (course === null || course === undefined) continue
      const module = (await this.course(course))?.modules.get(key(id))
      if (module) result.set(key(id), module)
    }
    return result
  }

  forgetCourse(id: Id | null | undefined): void {
    if (id === null || id === undefined) return
    const entry = this.courses.get(key(id))
    for (const m of entry?.definition?.modules.keys() ?? []) this.courseOfModule.delete(m)
    this.courses.delete(key(id))
  }

  forgetModule(id: Id): void {
    this.courseOfModule.delete(key(id))
  }

  forgetAll(): void {
    this.courses.clear()
    this.courseOfModule.clear()
  }

  private async load(id: Id, req?: Partial<PayloadRequest>): Promise<CourseDefinition | null> {
    const course = (await this.payload.findByID({ collection: CORE.courses, id, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
    if (!course) return null
    const { docs } = await this.payload.find({ collection: CORE.modules, where: { course: { equals: id } }, depth: 0, overrideAccess: true, pagination: false, sort: 'order', req })
    const modules = docs as Doc[]
    const packageIds = [...new Set(modules.map((m) => m.h5pPackage).filter((p) => p !== null && p !== undefined))]
    const { docs: packages } = packageIds.length
      ? await this.payload.find({ collection: OPEN_COURSE_SLUGS.h5pPackages as never, where: { id: { in: packageIds } }, depth: 0, overrideAccess: true, pagination: false, req })
      : { docs: [] }
    const maxScoreOf = new Map((packages as Doc[]).map((p) => [key(p.id), typeof p.maxScore === 'number' ? p.maxScore : null]))
    return {
      id: course.id,
      scorePolicy: course.completionRule?.scorePolicy ?? 'best',
      minAverageScore: course.completionRule?.minAverageScore ?? 0,
      required: modules.filter((m) => m.required !== false).map((m) => key(m.id)),
      modules: new Map(
        modules.map((m) => [
          key(m.id),
          { id: m.id, course: course.id, kind: m.kind, required: m.required !== false, maxScore: m.h5pPackage ? (maxScoreOf.get(key(m.h5pPackage)) ?? null) : null },
        ]),
      ),
    }
  }
}

const perPayload = new WeakMap<Payload, CourseDefinitions>()
export function courseDefinitions(payload: Payload): CourseDefinitions {
  let definitions = perPayload.get(payload)
  if (!definitions) perPayload.set(payload, (definitions = new CourseDefinitions(payload)))
  return definitions
}
