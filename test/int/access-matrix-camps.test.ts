/**
 * The access matrix of programmes and camps (see test/helpers/accessMatrix.ts). Programme
 * organisers and administrators run every programme; scopes: `self` (rows of which the caller is
 * the learner), `enrolled` (contests of the programmes the caller is enrolled in). Contest
 * attempts and reminders are written only by the platform (the start and submit endpoints, the
 * reminder job); their endpoints are in access-endpoints.test.ts.
 */
import type { Payload } from 'payload'
import { type Actor, ALL, type Cell, cell, checkAccessMatrix, contextOf, createRow, startMatrixApp, storeRow, everyone, type Id, type Me, NONE, type Scope, type Side, type Spec } from '../helpers/accessMatrix'
import { createUser } from '../helpers/fixtures'

const STAFF = { admin: ALL, organizer: ALL }
const PUBLIC_STAFF_WRITE = everyone(cell('none', 'all', 'none', 'none'), STAFF)

const MATRIX: Record<string, Record<Actor, Cell>> = {
  camps: PUBLIC_STAFF_WRITE,
  'camp-sessions': PUBLIC_STAFF_WRITE,
  attendance: everyone(cell('none', 'self', 'none', 'none'), { anonymous: NONE, ...STAFF }),
  contests: everyone(cell('none', 'enrolled', 'none', 'none'), { anonymous: NONE, ...STAFF }),
  'contest-attempts': everyone(cell('none', 'self', 'none', 'none'), { anonymous: NONE, admin: cell('none', 'all', 'none', 'none'), organizer: cell('none', 'all', 'none', 'none') }),
  'camp-session-reminders': everyone(NONE, { admin: cell('none', 'all', 'none', 'none'), organizer: cell('none', 'all', 'none', 'none') }),
}

let payload: Payload
const app = startMatrixApp({ setUp: async (started) => {
  payload = started.payload
  const camp = await newCamp()
  session = await create('camp-sessions', sessionData(camp))
  contest = await create('contests', contestData(camp))
} })
const { orgs } = app
let seq = 0
let session: Id
let contest: Id
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

const campData = () => ({
  title: `思政训练营 ${++seq}`, code: `CAMP-M-${seq}`, kind: 'political-education', organization: orgs.uniA,
  startsOn: iso(Date.now() - DAY), endsOn: iso(Date.now() + 7 * DAY), credits: 1, hours: 16, completionRule: { minAttendanceRate: 50 },
})
const sessionData = (camp: Id) => ({ camp, title: `专题讲座 ${++seq}`, kind: 'lecture', startsAt: iso(Date.now()), endsAt: iso(Date.now() + 90 * 60_000), place: '学术报告厅' })
const contestData = (camp: Id) => ({
  title: `知识竞赛 ${++seq}`, camp, opensAt: iso(Date.now() - DAY), closesAt: iso(Date.now() + DAY), timeLimitSeconds: 600,
  questions: [{ text: '“两个结合”指什么？', kind: 'single', points: 1, choices: [{ text: '甲', correct: true }, { text: '乙', correct: false }] }],
})
const create = (collection: string, data: Record<string, unknown>) => createRow(payload, collection, data)
const newCamp = () => create('camps', campData())
const enrol = (learner: Id, camp: Id) => create('enrollments', { learner, source: { relationTo: 'camps', value: camp } })
const student = async () => (await createUser(payload, ['student'], orgs.uniA, { homeUniversity: orgs.uniA, studentNumber: `S${++seq}` })).id
/** The actor for `self` rows inside the scope, somebody else otherwise. */
const learnerFor = async (scope: Scope, actor: Me, side: Side) => (scope === 'self' && side === 'in' ? actor.id : student())
/** Rows only the platform writes, stored directly: access looks at their fields, not at how they came. */
const stored = (collection: string, data: Record<string, unknown>) => storeRow(payload, collection, { ...data, key: `${collection}-${++seq}` })

const SPECS: Record<string, Spec> = {
  camps: {
    row: newCamp,
    body: async () => campData(),
    patch: { summary: '改过的简介' },
    changed: 'summary',
  },
  'camp-sessions': {
    row: async () => create('camp-sessions', sessionData(await newCamp())),
    body: async () => sessionData(await newCamp()),
    patch: { place: '第二报告厅' },
    changed: 'place',
  },
  attendance: {
    row: async (scope, actor, side) => stored('attendance', { session, learner: await learnerFor(scope, actor, side), status: 'present', checkedInAt: iso(Date.now()), method: 'code' }),
    body: async () => {
      const learner = await student()
      const camp = await newCamp()
      await enrol(learner, camp)
      return { session: await create('camp-sessions', sessionData(camp)), learner, status: 'present' }
    },
    patch: { status: 'excused' },
    changed: 'status',
  },
  contests: {
    row: async (scope, actor, side) => {
      const camp = await newCamp()
      if (scope === 'enrolled' && side === 'in') await enrol(actor.id, camp)
      return create('contests', contestData(camp))
    },
    body: async () => contestData(await newCamp()),
    patch: { title: '改过的竞赛' },
    changed: 'title',
  },
  'contest-attempts': {
    row: async (scope, actor, side) => stored('contest-attempts', { contest, learner: await learnerFor(scope, actor, side), startedAt: iso(Date.now()), deadline: iso(Date.now() + 600_000) }),
    body: async (_scope, actor) => ({ contest, learner: actor.id, key: `forged-${++seq}`, startedAt: iso(Date.now()), deadline: iso(Date.now() + 600_000), score: 100 }),
    patch: { score: 100 },
    changed: 'score',
  },
  'camp-session-reminders': {
    row: async () => stored('camp-session-reminders', { session, learner: await student() }),
    body: async () => ({ session, learner: await student(), key: `forged-${++seq}` }),
    patch: { learner: null },
    changed: 'learner',
  },
}


checkAccessMatrix(MATRIX, SPECS, contextOf(app))
