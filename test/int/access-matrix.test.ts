/**
 * The access matrix: for every role (and anonymous callers) × core collection × operation, what the
 * REST API allows. A cell is `all` (any row), `none`, or a scope naming which rows are the caller's
 * own: `org` (their organisation's), `self` (their own), `home-university` (their university's
 * students'), `published` (published courses and their modules). Every cell is checked on a row
 * inside the scope and one outside it; a denied write must leave the row as it was.
 */
import type { Payload } from 'payload'
import { ALL, type Actor, type Cell, checkAccessMatrix, cell, contextOf, startMatrixApp, type Id, NONE, type Scope, type Side, type Spec } from '../helpers/accessMatrix'
import { courseData, createCourse, createOrganization, createUser } from '../helpers/fixtures'

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

let payload: Payload
const app = startMatrixApp({ setUp: async (started) => {
  payload = started.payload
} })
const { orgs } = app
let codeSeq = 0

const otherOrg = (org: Id) => (org === orgs.uniB ? orgs.uniA : orgs.uniB)
const otherUniversity = (org: Id) => (org === orgs.uniB ? orgs.uniA : orgs.uniB)
const student = (home: Id) => createUser(payload, ['student'], home, { homeUniversity: home, studentNumber: `S${++codeSeq}` })
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const uniqueUsccCode = () => `91441900MA51${String(++codeSeq).padStart(6, '0')}`

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
    query: 'draft=true',
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
    upload: { data: png, name: 'up.png' },
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


checkAccessMatrix(MATRIX, SPECS, contextOf(app))
