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
  /**
   * Reads under way, shared by every statement that needs them: when an entry is missing or
   * stale, a class's concurrent statements all miss at once, and each read the same rows (32
   * concurrent players: 32 reads of the course and its modules, 50-70 ms each on a busy
   * PostgreSQL, bench:xapi-ingest 2026-11-29).
   */
  private coursesRead = new Map<string, Promise<CourseDefinition | null>>()
  private modulesRead = new Map<string, Promise<Map<string, Id>>>()
  /** Moves on at every forget: a read begun before a change answers its caller but is not kept. */
  private generation = 0

  constructor(private payload: Payload) {}

  private fresh = (entry: { at: number } | undefined) => entry !== undefined && Date.now() - entry.at < TTL_MS

  /**
   * `req`: read in its transaction, and never wait for another's read. A hook that holds a
   * PostgreSQL connection for its request's transaction and waits for a second one from the pool
   * deadlocks once as many requests do so at once as the pool has connections (20 concurrent
   * enrolments did).
   */
  async course(id: Id, req?: Partial<PayloadRequest>): Promise<CourseDefinition | null> {
    const cached = this.courses.get(key(id))
    if (this.fresh(cached)) return cached!.definition
    const generation = this.generation
    if (req) return this.keep(id, await this.load(id, req), generation)
    let read = this.coursesRead.get(key(id))
    if (!read) {
      const started: Promise<CourseDefinition | null> = this.load(id)
        .then((definition) => this.keep(id, definition, generation))
        .finally(() => {
          if (this.coursesRead.get(key(id)) === started) this.coursesRead.delete(key(id))
        })
      this.coursesRead.set(key(id), (read = started))
    }
    return read
  }

  private keep(id: Id, definition: CourseDefinition | null, generation: number): CourseDefinition | null {
    if (generation !== this.generation) return definition
    this.courses.set(key(id), { at: Date.now(), definition })
    for (const m of definition?.modules.values() ?? []) this.courseOfModule.set(key(m.id), { at: Date.now(), course: m.course })
    return definition
  }

  /** The definitions of these modules; unknown ids are left out (and remembered as unknown). */
  async modules(ids: Id[]): Promise<Map<string, ModuleDefinition>> {
    const courseOf = new Map<string, Id | null>()
    const reads = new Set<Promise<Map<string, Id>>>()
    const toRead: Id[] = []
    for (const id of ids) {
      const entry = this.courseOfModule.get(key(id))
      if (this.fresh(entry)) courseOf.set(key(id), entry!.course)
      else if (this.modulesRead.has(key(id))) reads.add(this.modulesRead.get(key(id))!)
      else toRead.push(id)
    }
    if (toRead.length > 0) {
      const generation = this.generation
      const started = this.payload
        .find({ collection: CORE.modules, where: { id: { in: toRead } }, depth: 0, overrideAccess: true, pagination: false, select: { course: true } })
        .then(({ docs }) => {
          const found = new Map((docs as Doc[]).map((d) => [key(d.id), d.course as Id]))
          if (generation === this.generation) for (const id of toRead) this.courseOfModule.set(key(id), { at: Date.now(), course: found.get(key(id)) ?? null })
          return found
        })
        .finally(() => {
          for (const id of toRead) if (this.modulesRead.get(key(id)) === started) this.modulesRead.delete(key(id))
        })
      for (const id of toRead) this.modulesRead.set(key(id), started)
      reads.add(started)
    }
    for (const found of await Promise.all(reads)) for (const id of ids) if (!courseOf.has(key(id)) && found.has(key(id))) courseOf.set(key(id), found.get(key(id))!)
    const result = new Map<string, ModuleDefinition>()
    for (const id of ids) {
      const course = courseOf.get(key(id))
      if (course === null || course === undefined) continue
      const module = (await this.course(course))?.modules.get(key(id))
      if (module) result.set(key(id), module)
    }
    return result
  }

  forgetCourse(id: Id | null | undefined): void {
    if (id === null || id === undefined) return
    this.generation++
    const entry = this.courses.get(key(id))
    for (const m of entry?.definition?.modules.keys() ?? []) {
      this.courseOfModule.delete(m)
      this.modulesRead.delete(m)
    }
    this.courses.delete(key(id))
    this.coursesRead.delete(key(id))
  }

  forgetModule(id: Id): void {
    this.generation++
    this.courseOfModule.delete(key(id))
    this.modulesRead.delete(key(id))
  }

  forgetAll(): void {
    this.generation++
    this.courses.clear()
    this.courseOfModule.clear()
    this.coursesRead.clear()
    this.modulesRead.clear()
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
