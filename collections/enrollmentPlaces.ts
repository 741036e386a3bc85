/**
 * Places of a source that has a capacity (a course, a programme). Each enrolment that takes a
 * place holds a numbered one in `place` ("place:courses:12:3"), a unique field, so two learners
 * who enrol at the same moment cannot both take the last place: the second write is refused by
 * the database and run again (createEnrollment, the REST create), and then finds the source full.
 * Counting and then inserting could not promise that: both counts see a free place.
 *
 * Enrolments without a number (staff enrolling beyond the capacity, rows from before places)
 * still count against it. A place is given back when the enrolment is withdrawn or rejected.
 */
import type { CollectionBeforeValidateHook, Endpoint, Payload, PayloadRequest } from 'payload'
import { addDataAndFileToRequest, APIError } from 'payload'
import { isUniqueViolation } from '../src/errors'
import { say } from '../src/i18n/say'
import { retryWhileTaken } from '../src/retryWhileTaken'
import { CORE } from './slugs'

type Id = number | string
type Doc = Record<string, any>

/** Statuses that hold a place. */
export const TAKING_PLACES = ['active', 'pending', 'completed']
const RELEASING = ['withdrawn', 'rejected']

const prefix = (relationTo: string, id: Id) => `place:${relationTo}:${id}:`

/**
 * The lowest free numbered place of a source, or `undefined` when it is full. Read in `req`'s
 * transaction; the unique `place` settles a race between two readers.
 */
export async function freePlace(req: Partial<PayloadRequest> & { payload: Payload }, source: { relationTo: string; id: Id }, capacity: number): Promise<string | undefined> {
  const { docs } = await req.payload.find({
    collection: CORE.enrollments,
    where: { and: [{ 'source.relationTo': { equals: source.relationTo } }, { 'source.value': { equals: source.id } }, { status: { in: TAKING_PLACES } }] },
    select: { place: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  // Every row holding a place counts, whatever its number: a capacity lowered since, or staff
  // enrolling beyond it, leaves numbers that a free low number must not add to.
  if (docs.length >= capacity) return undefined
  const start = prefix(source.relationTo, source.id)
  const numbered = new Set((docs as Doc[]).map((d) => String(d.place ?? '')).filter((p) => p.startsWith(start)).map((p) => Number(p.slice(start.length))))
  const unnumbered = docs.length - numbered.size
  for (let n = 1; n <= capacity - unnumbered; n++) if (!numbered.has(n)) return `${start}${n}`
  return undefined
}

/**
 * `context` key of an update that admits a withdrawn enrolment again by its source's rules:
 * `{ id, place }`, the row and the place the rules gave it (null where the source has no capacity:
 * none, "open:<key>"). In `context`, not `data`, as an update's data already holds the stored
 * row's place; for that row only, as every write nested in the update (its afterChange hooks')
 * shares the context.
 */
export const ADMITTED = 'enrollmentAdmitted'
export type Admitted = { id: Id; place: string | null }

/**
 * Keeps `place` the platform's own: a new enrolment holds none ("open:<key>", unique like the
 * key) until a source's rules give it a number; a withdrawn or rejected one gives its place back.
 */
export const keepEnrollmentPlace: CollectionBeforeValidateHook = ({ data, originalDoc, operation, context, req }) => {
  if (!data) return data
  if (operation === 'create') return { ...data, place: `open:${data.key}` }
  const admitted = context?.[ADMITTED] as Admitted | undefined
  if (admitted && String(admitted.id) === String(originalDoc?.id)) {
    // Decided meanwhile (staff rejected or completed it): not the learner's to take back.
    if (originalDoc?.status !== 'withdrawn') throw new APIError(say(req, '这条选课记录已不是“已退出”状态，不能重新加入', 'this enrolment is no longer withdrawn: it cannot be rejoined'), 409, undefined, true)
    return { ...data, place: admitted.place ?? `open:${originalDoc?.key}` }
  }
  const releasing = data.status !== undefined && RELEASING.includes(data.status) && !RELEASING.includes(originalDoc?.status)
  // A numbered place belongs to the source it was given in: moved to another, the row keeps none.
  const moved = data.source !== undefined && (data.source?.relationTo !== originalDoc?.source?.relationTo || String(data.source?.value?.id ?? data.source?.value) !== String(originalDoc?.source?.value?.id ?? originalDoc?.source?.value))
  return { ...data, place: releasing || moved ? `freed:${originalDoc?.id}:${Date.now()}` : originalDoc?.place }
}

/**
 * Runs a write that takes a place, again while a concurrent one took the same; when every run
 * found its place taken, the 409 a full source answers.
 */
export async function takingPlace<T>(req: Partial<PayloadRequest> | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await retryWhileTaken('place', write)
  } catch (error) {
    if (isUniqueViolation(error, 'place')) throw new APIError(say(req, '名额刚被占满', 'the last places were just taken'), 409, undefined, true)
    throw error
  }
}

/** Creates an enrolment, taking a place as takingPlace does. */
export const createEnrollment = (payload: Payload, options: Omit<Parameters<Payload['create']>[0], 'collection'>) =>
  takingPlace(options.req, () => payload.create({ ...options, collection: CORE.enrollments } as never))

/** `POST /api/enrollments`, in place of Payload's own create (the admin panel posts here too), with createEnrollment's retry. */
export const createEnrollmentEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const doc = await createEnrollment(req.payload, { data: (req.data ?? {}) as never, overrideAccess: false, user: req.user, depth: 0, req } as never)
    return Response.json({ doc, message: say(req, '已选课', 'Enrolled') }, { status: 201 })
  },
}

/** The refusal when a source is full, as its rules say it. */
export const fullError = (req: PayloadRequest, title: { zh: string; en: string }, capacity: number) => new APIError(say(req, `${title.zh}名额已满（${capacity} 人）`, `${title.en} is full (${capacity} places)`), 409)
