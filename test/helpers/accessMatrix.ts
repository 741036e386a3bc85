/**
 * The access-matrix engine: a table of role (and anonymous) × collection × operation, each cell
 * `all` (any row), `none`, or a scope naming which rows are the caller's own. Every scoped cell is
 * checked on a row inside the scope and one outside it, through the REST API; a denied write must
 * leave the database as it was. The tables live in test/int/access-matrix*.test.ts.
 */
import type { Express } from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/access'
import { as, createOrganization, createUser, login } from './fixtures'
import { startTestApp, type TestApp } from './testApp'

export type Id = number | string
/** `all`, `none`, or a row scope the collection's Spec knows how to build rows inside and outside of. */
export type Scope = string
export type Op = 'create' | 'read' | 'update' | 'delete'
export type Cell = Record<Op, Scope>
export type Actor = 'anonymous' | Role
export type Side = 'in' | 'out'
export type Me = { id: Id; org: Id }

export const ACTORS: Actor[] = ['anonymous', 'admin', 'author', 'reviewer', 'mentor', 'student', 'registrar', 'organizer']
export const cell = (create: Scope, read: Scope, update: Scope, remove: Scope): Cell => ({ create, read, update, delete: remove })
export const ALL = cell('all', 'all', 'all', 'all')
export const NONE = cell('none', 'none', 'none', 'none')
/** Every actor gets the same cell, except those named. */
export const everyone = (base: Cell, except: Partial<Record<Actor, Cell>> = {}): Record<Actor, Cell> =>
  Object.fromEntries(ACTORS.map((a) => [a, except[a] ?? base])) as Record<Actor, Cell>

export type Spec = {
  /** A row inside (or outside) the actor's scope. For `all` and `none`, any row. */
  row: (scope: Scope, actor: Me, side: Side) => Promise<Id>
  /** A body for create inside (or outside) the scope. */
  body: (scope: Scope, actor: Me, side: Side) => Promise<Record<string, unknown>>
  patch: Record<string, unknown>
  /** The field the patch changes, to see that a denied update changed nothing. */
  changed: string
  /** Another patch for rows of one scope, where that scope may change other fields. */
  patchIn?: Partial<Record<Scope, { patch: Record<string, unknown>; changed: string }>>
  /** Multipart create with this file. */
  upload?: { data: Buffer; name: string }
  /** Query string every request adds (`draft=true` for versioned collections). */
  query?: string
}

export type MatrixContext = { app: Express; payload: Payload; actors: Partial<Record<Actor, Me & { token?: string }>> }

let uploads = 0

export function checkAccessMatrix(matrix: Record<string, Record<Actor, Cell>>, specs: Record<string, Spec>, context: () => MatrixContext) {
  const readRow = (slug: string, id: Id) =>
    context().payload.findByID({ collection: slug as never, id, depth: 0, overrideAccess: true, draft: true, disableErrors: true })
  const count = async (slug: string) => (await context().payload.count({ collection: slug as never, overrideAccess: true })).totalDocs

  /** Refused: 401 only for anonymous callers; 404 where the caller may not even read the row. */
  async function expectWriteDenied(actor: Actor, status: number, slug: string, id: Id, before: unknown) {
    expect(actor === 'anonymous' ? [401, 403, 404] : [403, 404]).toContain(status)
    expect(await readRow(slug, id)).toEqual(before)
  }

  for (const [slug, byActor] of Object.entries(matrix)) {
    const spec = specs[slug]
    if (!spec) throw new Error(`no spec for ${slug}`)
    describe(slug, () => {
      for (const actorName of ACTORS) {
        const expected = byActor[actorName]
        const client = () => as(context().app, context().actors[actorName]?.token)
        const me = () => context().actors[actorName] as Me
        const url = (id?: Id) => `/api/${slug}${id === undefined ? '' : `/${id}`}${spec.query ? `?${spec.query}` : ''}`

        it(`${actorName} create: ${expected.create}`, async () => {
          const scope = expected.create
          const post = async (side: Side) => {
            const body = await spec.body(scope, me(), side)
            const req = client().post(url())
            return spec.upload ? req.field('_payload', JSON.stringify(body)).attach('file', spec.upload.data, `${++uploads}-${spec.upload.name}`) : req.send(body)
          }
          const before = await count(slug)
          if (scope === 'none') {
            const res = await post('in')
            expect(actorName === 'anonymous' ? [401, 403] : [403], JSON.stringify(res.body)).toContain(res.status)
            expect(await count(slug)).toBe(before)
            return
          }
          const ok = await post('in')
          expect([200, 201], JSON.stringify(ok.body)).toContain(ok.status)
          if (scope !== 'all') {
            const denied = await post('out')
            expect(denied.status, JSON.stringify(denied.body)).toBe(403)
            expect(await count(slug)).toBe(before + 1)
          }
        })

        it(`${actorName} read: ${expected.read}`, async () => {
          const scope = expected.read
          if (scope === 'none') {
            const res = await client().get(url())
            expect(actorName === 'anonymous' ? [401, 403] : [403]).toContain(res.status)
            return
          }
          const inside = await spec.row(scope, me(), 'in')
          const res = await client().get(url(inside))
          expect(res.status, JSON.stringify(res.body)).toBe(200)
          expect(res.body.id).toBe(inside)
          if (scope !== 'all') {
            const outside = await spec.row(scope, me(), 'out')
            const denied = await client().get(url(outside))
            expect([403, 404]).toContain(denied.status)
            const list = await client().get(`/api/${slug}?limit=1000&depth=0${spec.query ? `&${spec.query}` : ''}`)
            const ids = list.body.docs.map((d: { id: Id }) => d.id)
            expect(ids).toContain(inside)
            expect(ids).not.toContain(outside)
          }
        })

        it(`${actorName} update: ${expected.update}`, async () => {
          const scope = expected.update
          const { patch, changed } = spec.patchIn?.[scope] ?? spec
          const outside = await spec.row(scope === 'none' ? 'all' : scope, me(), scope === 'all' || scope === 'none' ? 'in' : 'out')
          if (scope !== 'none') {
            const inside = await spec.row(scope, me(), 'in')
            const ok = await client().patch(url(inside)).send(patch)
            expect(ok.status, JSON.stringify(ok.body)).toBe(200)
            expect((await readRow(slug, inside))?.[changed as never]).toEqual(patch[changed])
            if (scope === 'all') return
          }
          const before = await readRow(slug, outside)
          const denied = await client().patch(url(outside)).send(patch)
          await expectWriteDenied(actorName, denied.status, slug, outside, before)
        })

        it(`${actorName} delete: ${expected.delete}`, async () => {
          const scope = expected.delete
          const outside = await spec.row(scope === 'none' ? 'all' : scope, me(), scope === 'all' || scope === 'none' ? 'in' : 'out')
          if (scope !== 'none') {
            const inside = await spec.row(scope, me(), 'in')
            const ok = await client().delete(url(inside))
            expect(ok.status, JSON.stringify(ok.body)).toBe(200)
            expect(await readRow(slug, inside)).toBeNull()
            if (scope === 'all') return
          }
          const before = await readRow(slug, outside)
          const denied = await client().delete(url(outside))
          await expectWriteDenied(actorName, denied.status, slug, outside, before)
        })
      }
    })
  }
}

export type Organizations = Record<'uniA' | 'uniB' | 'entA' | 'agency', Id>
export type Cast = { orgs: Organizations; actors: MatrixContext['actors'] }

/**
 * Two universities, an enterprise and an agency, and one signed-in user per role: the author and
 * the registrar and the student at university A, the reviewer at B, the mentor at the enterprise.
 */
export async function createCast(payload: Payload, app: Express): Promise<Cast> {
  const orgs = {
    uniA: (await createOrganization(payload, 'university', '10101')).id,
    uniB: (await createOrganization(payload, 'university', '10202')).id,
    entA: (await createOrganization(payload, 'enterprise', '91441900MA51LP0099')).id,
    agency: (await createOrganization(payload, 'agency', '12441900MB2C000018')).id,
  }
  const home: Record<Role, Id> = {
    admin: orgs.agency, author: orgs.uniA, reviewer: orgs.uniB, mentor: orgs.entA,
    student: orgs.uniA, registrar: orgs.uniA, organizer: orgs.agency,
  }
  const actors: MatrixContext['actors'] = { anonymous: { id: -1, org: orgs.entA } }
  for (const role of Object.keys(home) as Role[]) {
    const extra = role === 'student' ? { homeUniversity: orgs.uniA, studentNumber: 'S-ACTOR' } : {}
    const user = await createUser(payload, [role], home[role], extra)
    actors[role] = { id: user.id, org: home[role], token: await login(app, user.email) }
  }
  return { orgs, actors }
}

export type MatrixApp = { t: TestApp; payload: Payload; orgs: Organizations; actors: MatrixContext['actors'] }

/**
 * For one test file: before its tests, the app on a database of its own, the cast, then the file's
 * own `setUp`; after them, the app stopped. The returned object is filled in by then.
 */
export function startMatrixApp(options: { env?: Record<string, string>; setUp?: (app: MatrixApp) => Promise<void> } = {}): MatrixApp {
  const app = { orgs: {}, actors: {} } as MatrixApp
  beforeAll(async () => {
    app.t = await startTestApp({ env: options.env })
    app.payload = app.t.payload
    const cast = await createCast(app.payload, app.t.app)
    Object.assign(app.orgs, cast.orgs)
    Object.assign(app.actors, cast.actors)
    await options.setUp?.(app)
  })
  afterAll(async () => app.t?.stop())
  return app
}

/** What checkAccessMatrix reads, once the app has started. */
export const contextOf = (app: MatrixApp) => (): MatrixContext => ({ app: app.t.app, payload: app.payload, actors: app.actors })

/** A document through the Local API, hooks and all, without access. */
export const createRow = async (payload: Payload, collection: string, data: Record<string, unknown>): Promise<Id> =>
  ((await payload.create({ collection: collection as never, data: data as never, overrideAccess: true })) as { id: Id }).id

/** A row stored directly through the adapter: access looks at its fields, not at how it came. */
export const storeRow = async (payload: Payload, collection: string, data: Record<string, unknown>): Promise<Id> =>
  (await payload.db.create({ collection: collection as never, data })).id as Id
