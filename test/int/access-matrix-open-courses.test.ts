/**
 * The access matrix of the open course library's own collections (see
 * test/helpers/accessMatrix.ts; courses, modules and enrolments are in access-matrix.test.ts).
 * Scopes: `org` (packages of the author's organisation), `self` (statements and progress of which
 * the caller is the learner). Libraries come only from an administrator's install; statements
 * and progress only from the xAPI endpoint, whose access is in access-endpoints.test.ts.
 */
import type { Payload } from 'payload'
import { type Actor, ALL, type Cell, cell, checkAccessMatrix, contextOf, startMatrixApp, storeRow, everyone, type Id, type Me, NONE, type Scope, type Side, type Spec } from '../helpers/accessMatrix'
import { createCourse, createUser } from '../helpers/fixtures'
import { createPackage, fixture, installLibraries } from '../helpers/h5p'

const LEARNER_RECORDS = everyone(cell('none', 'self', 'none', 'none'), { anonymous: NONE, admin: cell('none', 'all', 'none', 'none'), organizer: cell('none', 'all', 'none', 'none') })

const MATRIX: Record<string, Record<Actor, Cell>> = {
  'h5p-packages': everyone(cell('none', 'all', 'none', 'none'), { admin: ALL, author: cell('org', 'all', 'org', 'org') }),
  'h5p-libraries': everyone(cell('none', 'all', 'none', 'none'), { admin: cell('none', 'all', 'none', 'all') }),
  'h5p-library-installs': everyone(NONE, { admin: ALL }),
  'xapi-statements': LEARNER_RECORDS,
  'module-progress': LEARNER_RECORDS,
}

let payload: Payload
const app = startMatrixApp({ setUp: async (started) => {
  payload = started.payload
  await installLibraries(payload)
  course = (await createCourse(payload, orgs.uniA)).id
  module_ = (await payload.create({ collection: 'modules', data: { course, title: '判断题', order: 1, kind: 'lesson' } as never, overrideAccess: true })).id
} })
const { orgs } = app
let seq = 0
let course: Id
let module_: Id
const trueFalse = fixture('true-false.h5p')

const otherOrg = (org: Id) => (org === orgs.uniB ? orgs.uniA : orgs.uniB)
const stored = (collection: string, data: Record<string, unknown>) => storeRow(payload, collection, data)
const learnerFor = async (scope: Scope, actor: Me, side: Side) =>
  scope === 'self' && side === 'in' ? actor.id : (await createUser(payload, ['student'], orgs.uniA, { homeUniversity: orgs.uniA, studentNumber: `S${++seq}` })).id

const SPECS: Record<string, Spec> = {
  'h5p-packages': {
    row: async (scope, actor, side) => (await createPackage(payload, 'true-false.h5p', trueFalse, { organization: scope === 'org' && side === 'in' ? actor.org : otherOrg(actor.org) })).id,
    body: async (_scope, actor, side) => (side === 'in' ? { title: '判断题' } : { title: '判断题', organization: otherOrg(actor.org) }),
    patch: { title: '改过的判断题' },
    changed: 'title',
    upload: { data: trueFalse, name: 'true-false.h5p' },
  },
  'h5p-libraries': {
    row: async () => stored('h5p-libraries', { key: `H5P.Test${++seq} 1.0`, machineName: `H5P.Test${seq}`, majorVersion: 1, minorVersion: 0, patchVersion: 0 }),
    body: async () => ({ key: `H5P.Forged${++seq} 1.0`, machineName: 'H5P.Forged', majorVersion: 1, minorVersion: 0, patchVersion: 0 }),
    patch: { title: 'Forged' },
    changed: 'title',
  },
  'h5p-library-installs': {
    row: async () => (await installLibraries(payload) as { id: Id }).id,
    body: async () => ({ note: '从 h5p.org 下载的判断题' }),
    patch: { note: '改过的来源说明' },
    changed: 'note',
    upload: { data: trueFalse, name: 'true-false.h5p' },
  },
  'xapi-statements': {
    row: async (scope, actor, side) => {
      const statementId = crypto.randomUUID()
      return stored('xapi-statements', { statementId, learner: await learnerFor(scope, actor, side), verb: 'http://adlnet.gov/expapi/verbs/answered', activityId: `https://lianpei.test/modules/${module_}`, module: module_, course, stored: new Date().toISOString(), statement: { id: statementId } })
    },
    body: async (_scope, actor) => ({ statementId: crypto.randomUUID(), learner: actor.id, verb: 'http://adlnet.gov/expapi/verbs/completed', activityId: 'https://lianpei.test/forged', stored: new Date().toISOString(), statement: {} }),
    patch: { scoreScaled: 1 },
    changed: 'scoreScaled',
  },
  'module-progress': {
    row: async (scope, actor, side) => stored('module-progress', { key: `progress-${++seq}`, learner: await learnerFor(scope, actor, side), course, module: module_, attempts: 1, scoredAttempts: 1, bestScore: 0.5, lastScore: 0.5 }),
    body: async (_scope, actor) => ({ key: `forged-${++seq}`, learner: actor.id, course, module: module_, attempts: 1, scoredAttempts: 1, bestScore: 1 }),
    patch: { bestScore: 1 },
    changed: 'bestScore',
  },
}


checkAccessMatrix(MATRIX, SPECS, contextOf(app))
