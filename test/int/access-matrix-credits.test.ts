/**
 * The access matrix of the credit ledger's collections (see test/helpers/accessMatrix.ts). Scopes:
 * `self` (records of which the caller is the learner), `home-university` (records of the
 * registrar's university's students), `university` (rows of the registrar's own university).
 * Records, events, checkpoints and deliveries are written only by the platform.
 */
import type { Payload } from 'payload'
import { issueCreditRecord } from '../../plugins/credits/issuing/issueCreditRecord'
import { type Actor, ALL, type Cell, cell, checkAccessMatrix, contextOf, startMatrixApp, storeRow, everyone, type Id, type Me, NONE, type Scope, type Side, type Spec } from '../helpers/accessMatrix'
import { createCourse, createUser } from '../helpers/fixtures'

const READ_ONLY = cell('none', 'all', 'none', 'none')
const REGISTRARS: Record<Actor, Cell> = everyone(NONE, { admin: ALL, registrar: cell('university', 'university', 'university', 'university') })
const REGISTRARS_READ: Record<Actor, Cell> = everyone(NONE, { admin: READ_ONLY, registrar: cell('none', 'university', 'none', 'none') })

const MATRIX: Record<string, Record<Actor, Cell>> = {
  'credit-records': everyone(cell('none', 'self', 'none', 'none'), {
    anonymous: NONE,
    admin: cell('none', 'all', 'all', 'none'),
    registrar: cell('none', 'home-university', 'home-university', 'none'),
  }),
  'course-mappings': REGISTRARS,
  'credit-webhooks': REGISTRARS,
  'credit-ledger-events': REGISTRARS_READ,
  'credit-webhook-deliveries': REGISTRARS_READ,
  // Checkpoints are public: anyone holding an exported feed checks its chain heads against them.
  'credit-ledger-checkpoints': everyone(READ_ONLY),
}

let payload: Payload
const app = startMatrixApp({ env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' }, setUp: async (started) => {
  payload = started.payload
  course = (await createCourse(payload, orgs.entA, { partners: [orgs.uniA] })).id
  webhook = (await payload.create({ collection: 'credit-webhooks' as never, data: { university: orgs.uniA, url: 'http://127.0.0.1:9/hook' } as never, overrideAccess: true }) as { id: Id }).id
  record = await issue(await student(orgs.uniA))
} })
const { orgs } = app
let seq = 0
let course: Id
let webhook: Id
let record: Id

const otherUniversity = (org: Id) => (org === orgs.uniB ? orgs.uniA : orgs.uniB)
/** The actor's university when they have one (the registrar's), else university A. */
const universityOf = (actor: Me, side: Side) => {
  const mine = actor.org === orgs.uniA || actor.org === orgs.uniB ? actor.org : orgs.uniA
  return side === 'in' ? mine : otherUniversity(mine)
}
const student = async (home: Id) => (await createUser(payload, ['student'], home, { homeUniversity: home, studentNumber: `S${++seq}` })).id

/** A credit record issued as the platform issues one: a completion, then the issuing job's work. */
async function issue(learner: Id): Promise<Id> {
  const completion = await payload.create({ collection: 'completions', data: { learner, source: { relationTo: 'courses', value: course }, score: 80 + (++seq % 20) } as never, overrideAccess: true })
  const result = await issueCreditRecord(payload, completion.id)
  return result.recordId as Id
}

const recordOwner = async (scope: Scope, actor: Me, side: Side): Promise<Id> => {
  if (scope === 'self') return side === 'in' ? actor.id : student(orgs.uniA)
  if (scope === 'home-university') return student(universityOf(actor, side))
  return student(orgs.uniA)
}

/** Rows only the platform writes, stored directly: access looks at their fields, not at how they came. */
const platformRow = (collection: string, data: Record<string, unknown>) => async (scope: Scope, actor: Me, side: Side) => {
  const university = scope === 'university' ? universityOf(actor, side) : orgs.uniA
  return storeRow(payload, collection, { ...data, university, key: `${collection}-${++seq}` })
}
const hash = 'A'.repeat(43)
const noBody = async () => ({})

const SPECS: Record<string, Spec> = {
  'credit-records': {
    row: async (scope, actor, side) => issue(await recordOwner(scope, actor, side)),
    body: async (_scope, actor) => ({ learner: actor.id, sourceType: 'courses', sourceId: String(course), credits: 9, completedAt: new Date().toISOString() }),
    patch: { status: 'revoked', revocationReason: '成绩录入错误' },
    changed: 'status',
    patchIn: { 'home-university': { patch: { status: 'accepted', localCourseCode: 'LOCAL-101' }, changed: 'localCourseCode' } },
  },
  'course-mappings': {
    row: async (scope, actor, side) =>
      (await payload.create({ collection: 'course-mappings' as never, data: { university: universityOf(actor, scope === 'university' ? side : 'in'), course: (await createCourse(payload, orgs.entA)).id, localCourseCode: `L-${++seq}` } as never, overrideAccess: true }) as { id: Id }).id,
    body: async (scope, actor, side) => ({ university: universityOf(actor, scope === 'university' ? side : 'in'), course: (await createCourse(payload, orgs.entA)).id, localCourseCode: `L-${++seq}` }),
    patch: { localCourseCode: 'CHANGED-1' },
    changed: 'localCourseCode',
  },
  'credit-webhooks': {
    row: async (scope, actor, side) =>
      (await payload.create({ collection: 'credit-webhooks' as never, data: { university: universityOf(actor, scope === 'university' ? side : 'in'), url: `http://127.0.0.1:9/hook/${++seq}` } as never, overrideAccess: true }) as { id: Id }).id,
    body: async (scope, actor, side) => ({ university: universityOf(actor, scope === 'university' ? side : 'in'), url: `http://127.0.0.1:9/hook/${++seq}` }),
    patch: { active: false },
    changed: 'active',
  },
  'credit-ledger-events': {
    row: platformRow('credit-ledger-events', { chain: 'test', position: 1, kind: 'accepted', at: new Date().toISOString(), contentHash: hash, previousHash: hash, hash }),
    body: async () => ({ chain: 'forged', position: 1, key: 'forged', kind: 'accepted', at: new Date().toISOString(), contentHash: hash, previousHash: hash, hash }),
    patch: { reason: 'forged' },
    changed: 'reason',
  },
  'credit-webhook-deliveries': {
    row: async (scope, actor, side) => platformRow('credit-webhook-deliveries', { record, webhook, attempt: 1, succeeded: true, httpStatus: 200 })(scope, actor, side),
    body: async () => ({ record, webhook, attempt: 1, succeeded: true }),
    patch: { succeeded: false },
    changed: 'succeeded',
  },
  'credit-ledger-checkpoints': {
    row: () => storeRow(payload, 'credit-ledger-checkpoints', { chain: 'test', recordHash: hash, eventHash: hash, signedAt: new Date().toISOString(), jws: 'a.b.c' }),
    body: noBody,
    patch: { jws: 'forged' },
    changed: 'jws',
  },
}


checkAccessMatrix(MATRIX, SPECS, contextOf(app))
