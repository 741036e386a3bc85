/**
 * The access matrix: for every role (and anonymous callers) × core collection × operation, what the
 * REST API allows. A cell is `all` (any row), `none`, or a scope naming which rows are the caller's
 * own: `org` (their organisation's), `self` (their own), `home-university` (their university's
 * students'), `published` (published courses and their modules). Every cell is checked on a row
 * inside the scope and one outside it; a denied write must leave the row as it was.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/access'
import { as, courseData, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Scope = 'all' | 'none' | 'org' | 'self' | 'home-university' | 'published'
type Op = 'create' | 'read' | 'update' | 'delete'
type Cell = Record<Op, Scope>
type Actor = 'anonymous' | Role
type Id = number | string
type Side = 'in' | 'out'

const ACTORS: Actor[] = ['anonymous', 'admin', 'author', 'reviewer', 'mentor', 'student', 'registrar', 'organizer']
const cell = (create: Scope, read: Scope, update: Scope, remove: Scope): Cell => ({ create, read, update, delete: remove })
const ALL = cell('all', 'all', 'all', 'all')
const NONE = cell('none', 'none', 'none', 'none')

const MATRIX: Record<string, Record<Actor, Cell>> = {
  organizations: {
    anonymous: cell('none', 'all', 'none', 'none'),
    admin: ALL,
    author: cell('none', 'all', 'none', 'none'),
    reviewer: cell('none', 'all', 'none', 'none'),
    mentor: cell('none', 'all', 'none', 'none'),
    student: cell('none', 'all', 'none', 'none'),
    registrar: cell('none', 'all', 'none', 'none'),
    organizer: cell('none', 'all', 'none', 'none'),
  },
  users: {
    anonymous: NONE,
    admin: ALL,
    author: cell('none', 'org', 'self', 'none'),
    reviewer: cell('none', 'org', 'self', 'none'),
    mentor: cell('none', 'org', 'self', 'none'),
    student: cell('none', 'self', 'self', 'none'),
    // Registrars update their university's students' official name and student number (and
    // themselves, like everyone: test/int/official-identity.test.ts).
    registrar: cell('none', 'home-university', 'home-university', 'none'),
    organizer: cell('none', 'all', 'self', 'none'),
  },
  courses: {
    anonymous: cell('none', 'published', 'none', 'none'),
    admin: ALL,
    author: cell('org', 'org', 'org', 'org'),
    reviewer: cell('none', 'published', 'none', 'none'),
    mentor: cell('none', 'published', 'none', 'none'),
    student: cell('none', 'published', 'none', 'none'),
    registrar: cell('none', 'published', 'none', 'none'),
    organizer: cell('none', 'published', 'none', 'none'),
  },
  modules: {
    anonymous: cell('none', 'published', 'none', 'none'),
    admin: ALL,
    author: cell('org', 'org', 'org', 'org'),
    reviewer: cell('none', 'published', 'none', 'none'),
    mentor: cell('none', 'published', 'none', 'none'),
    student: cell('none', 'published', 'none', 'none'),
    registrar: cell('none', 'published', 'none', 'none'),
    organizer: cell('none', 'published', 'none', 'none'),
  },
  media: {
    anonymous: cell('none', 'all', 'none', 'none'),
    admin: ALL,
    author: cell('org', 'all', 'org', 'org'),
    reviewer: cell('none', 'all', 'none', 'none'),
    mentor: cell('none', 'all', 'none', 'none'),
    student: cell('none', 'all', 'none', 'none'),
    registrar: cell('none', 'all', 'none', 'none'),
    organizer: cell('none', 'all', 'none', 'none'),
  },
  enrollments: {
    anonymous: NONE,
    admin: ALL,
    author: cell('self', 'self', 'none', 'none'),
    reviewer: cell('self', 'self', 'none', 'none'),
    mentor: cell('self', 'self', 'none', 'none'),
    student: cell('self', 'self', 'none', 'none'),
    registrar: cell('self', 'self', 'none', 'none'),
    organizer: cell('all', 'all', 'all', 'none'),
  },
  completions: {
    anonymous: NONE,
    admin: cell('all', 'all', 'none', 'none'),
    author: cell('none', 'self', 'none', 'none'),
    reviewer: cell('none', 'self', 'none', 'none'),
    mentor: cell('none', 'self', 'none', 'none'),
    student: cell('none', 'self', 'none', 'none'),
    registrar: cell('none', 'home-university', 'none', 'none'),
    organizer: cell('all', 'all', 'none', 'none'),
  },
}

let t: TestApp
let payload: Payload
const orgs: Record<'uniA' | 'uniB' | 'entA' | 'agency', Id> = {} as never
const actors: Partial<Record<Actor, { id: Id; org: Id; token?: string }>> = {}
let codeSeq = 0

const otherOrg = (org: Id) => (org === orgs.uniB ? orgs.uniA : orgs.uniB)
const otherUniversity = (org: Id) => (org === orgs.uniB ? orgs.uniA : orgs.uniB)
const student = (home: Id) => createUser(payload, ['student'], home, { homeUniversity: home, studentNumber: `S${++codeSeq}` })
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const uniqueUsccCode = () => `91441900MA51${String(++codeSeq).padStart(6, '0')}`

type Spec = {
  /** A row inside (or outside) the actor's scope. */
  row: (scope: Scope, actor: { id: Id; org: Id }, side: Side) => Promise<Id>
  /** A body for create inside (or outside) the scope. */
  body: (scope: Scope, actor: { id: Id; org: Id }, side: Side) => Promise<Record<string, unknown>>
  patch: Record<string, unknown>
  /** The field the patch changes, to see that a denied update changed nothing. */
  changed: string
  /** Another patch for rows of one scope, where that scope may change other fields. */
  patchIn?: Partial<Record<Scope, { patch: Record<string, unknown>; changed: string }>>
  multipart?: boolean
}

const courseRow = async (scope: Scope, actor: { org: Id }, side: Side) => {
  const draft = { _status: 'draft' }
  if (scope === 'published') return (await createCourse(payload, otherOrg(actor.org), side === 'in' ? {} : draft)).id
  if (scope === 'org') return (await createCourse(payload, side === 'in' ? actor.org : otherOrg(actor.org), draft)).id
  return (await createCourse(payload, otherOrg(actor.org), draft)).id
}

const SPECS: Record<string, Spec> = {
  organizations: {
    row: async () => (await createOrganization(payload, 'enterprise', uniqueUsccCode())).id,
    body: async () => ({ kind: 'enterprise', name: '新企业', code: uniqueUsccCode() }),
    patch: { nameEn: 'Renamed' },
    changed: 'nameEn',
  },
  users: {
    row: async (scope, actor, side) => {
      if (scope === 'self') return side === 'in' ? actor.id : (await createUser(payload, ['mentor'], actor.org)).id
      if (scope === 'org') return (await createUser(payload, ['mentor'], side === 'in' ? actor.org : otherOrg(actor.org))).id
      if (scope === 'home-university') return (await student(side === 'in' ? actor.org : otherUniversity(actor.org))).id
      return (await createUser(payload, ['mentor'], otherOrg(actor.org))).id
    },
    body: async (_scope, actor) => ({ email: `new-${++codeSeq}@test.lianpei`, password: 'test-password-1', name: '新用户', roles: ['student'], organization: actor.org }),
    patch: { name: '改过的名字' },
    changed: 'name',
    patchIn: { 'home-university': { patch: { officialName: '改过的学籍姓名' }, changed: 'officialName' } },
  },
  courses: {
    row: courseRow,
    body: async (_scope, actor, side) => courseData(side === 'in' ? actor.org : otherOrg(actor.org)),
    patch: { title: '改过的标题' },
    changed: 'title',
  },
  modules: {
    row: async (scope, actor, side) => {
      const course = await courseRow(scope, actor, side)
      const doc = await payload.create({ collection: 'modules', data: { course, title: '模块', order: 1, kind: 'lesson' } as never, overrideAccess: true })
      return doc.id
    },
    body: async (_scope, actor, side) => ({
      course: (await createCourse(payload, side === 'in' ? actor.org : otherOrg(actor.org), { _status: 'draft' })).id,
      title: '新模块',
      order: 1,
      kind: 'lesson',
    }),
    patch: { title: '改过的模块' },
    changed: 'title',
  },
  media: {
    row: async (scope, actor, side) => {
      const organization = scope === 'org' && side === 'in' ? actor.org : otherOrg(actor.org)
      const doc = await payload.create({
        collection: 'media',
        data: { alt: '图', organization } as never,
        file: { data: png, mimetype: 'image/png', name: `m${++codeSeq}.png`, size: png.length },
        overrideAccess: true,
      })
      return doc.id
    },
    body: async (_scope, actor, side) => (side === 'in' ? { alt: '上传' } : { alt: '上传', organization: otherOrg(actor.org) }),
    patch: { alt: '改过的说明' },
    changed: 'alt',
    multipart: true,
  },
  enrollments: {
    row: async (scope, actor, side) => {
      const learner = scope === 'self' && side === 'in' ? actor.id : (await student(orgs.uniA)).id
      const source = (await createCourse(payload, orgs.uniA)).id
      const doc = await payload.create({ collection: 'enrollments', data: { learner, source: { relationTo: 'courses', value: source } } as never, overrideAccess: true })
      return doc.id
    },
    body: async (scope, actor, side) => ({
      learner: scope === 'self' && side === 'in' ? actor.id : (await student(orgs.uniA)).id,
      source: { relationTo: 'courses', value: (await createCourse(payload, orgs.uniA)).id },
    }),
    patch: { progress: 50 },
    changed: 'progress',
  },
  completions: {
    row: async (scope, actor, side) => {
      let learner: Id
      if (scope === 'self') learner = side === 'in' ? actor.id : (await student(orgs.uniA)).id
      else if (scope === 'home-university') learner = (await student(side === 'in' ? actor.org : otherUniversity(actor.org))).id
      else learner = (await student(orgs.uniB)).id
      const source = (await createCourse(payload, orgs.uniA)).id
      const doc = await payload.create({ collection: 'completions', data: { learner, source: { relationTo: 'courses', value: source }, score: 80 } as never, overrideAccess: true })
      return doc.id
    },
    body: async () => ({
      learner: (await student(orgs.uniA)).id,
      source: { relationTo: 'courses', value: (await createCourse(payload, orgs.uniA)).id },
      score: 88,
    }),
    patch: { score: 10 },
    changed: 'score',
  },
}

beforeAll(async () => {
  t = await startTestApp()
  payload = t.payload
  orgs.uniA = (await createOrganization(payload, 'university', '10101')).id
  orgs.uniB = (await createOrganization(payload, 'university', '10202')).id
  orgs.entA = (await createOrganization(payload, 'enterprise', '91441900MA51LP0099')).id
  orgs.agency = (await createOrganization(payload, 'agency', '12441900MB2C000018')).id
  const home: Record<Role, Id> = {
    admin: orgs.agency, author: orgs.uniA, reviewer: orgs.uniB, mentor: orgs.entA,
    student: orgs.uniA, registrar: orgs.uniA, organizer: orgs.agency,
  }
  for (const role of Object.keys(home) as Role[]) {
    const extra = role === 'student' ? { homeUniversity: orgs.uniA, studentNumber: 'S-ACTOR' } : {}
    const user = await createUser(payload, [role], home[role], extra)
    actors[role] = { id: user.id, org: home[role], token: await login(t.app, user.email) }
  }
  actors.anonymous = { id: -1, org: orgs.entA }
})
afterAll(async () => t?.stop())

const readRow = (slug: string, id: Id) => payload.findByID({ collection: slug as never, id, depth: 0, overrideAccess: true, draft: true, disableErrors: true })

async function expectWriteDenied(status: number, slug: string, id: Id, before: unknown) {
  expect([403, 404]).toContain(status)
  expect(await readRow(slug, id)).toEqual(before)
}

for (const [slug, byActor] of Object.entries(MATRIX)) {
  const spec = SPECS[slug]
  describe(slug, () => {
    for (const actorName of ACTORS) {
      const expected = byActor[actorName]
      const client = () => as(t.app, actors[actorName]?.token)
      const me = () => actors[actorName] as { id: Id; org: Id }
      const url = (id?: Id) => `/api/${slug}${id === undefined ? '' : `/${id}`}${slug === 'courses' ? '?draft=true' : ''}`

      it(`${actorName} create: ${expected.create}`, async () => {
        const scope = expected.create
        const post = async (side: Side) => {
          const body = await spec.body(scope, me(), side)
          const req = client().post(url())
          return spec.multipart ? req.field('_payload', JSON.stringify(body)).attach('file', png, `up${++codeSeq}.png`) : req.send(body)
        }
        const before = (await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs
        if (scope === 'none') {
          const res = await post('in')
          expect([401, 403]).toContain(res.status)
          expect((await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs).toBe(before)
          return
        }
        const ok = await post('in')
        expect(ok.status, JSON.stringify(ok.body)).toBe(201)
        if (scope !== 'all') {
          const denied = await post('out')
          expect(denied.status, JSON.stringify(denied.body)).toBe(403)
          expect((await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs).toBe(before + 1)
        }
      })

      it(`${actorName} read: ${expected.read}`, async () => {
        const scope = expected.read
        if (scope === 'none') {
          const res = await client().get(url())
          expect([401, 403]).toContain(res.status)
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
          const list = await client().get(`/api/${slug}?limit=1000&depth=0${slug === 'courses' ? '&draft=true' : ''}`)
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
        if (actorName === 'anonymous') expect([401, 403, 404]).toContain(denied.status)
        await expectWriteDenied(denied.status === 401 ? 403 : denied.status, slug, outside, before)
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
        await expectWriteDenied(denied.status === 401 ? 403 : denied.status, slug, outside, before)
      })
    }
  })
}
