/**
 * The access matrix of featured-course development (see test/helpers/accessMatrix.ts). Scopes:
 * `authored` (proposals the author's organisation leads or partners, and what hangs off them),
 * `own draft` (an author deletes only drafts), `assigned` (proposals a reviewer is assigned to),
 * `self` (a reviewer's own reviews), `own open` (a reviewer edits their own reviews until
 * submitted), `org` (awards of the author's organisation). Blind review beyond this (reading
 * others' scores only after submitting one's own) is in featured-courses.test.ts.
 */
import type { Payload } from 'payload'
import { type Actor, ALL, type Cell, cell, checkAccessMatrix, contextOf, createRow, startMatrixApp, storeRow, everyone, type Id, type Me, NONE, type Scope, type Side, type Spec } from '../helpers/accessMatrix'
import { createCourse, createUser } from '../helpers/fixtures'

const READ_ONLY = (scope: Scope) => cell('none', scope, 'none', 'none')

const MATRIX: Record<string, Record<Actor, Cell>> = {
  'proposal-rounds': everyone(READ_ONLY('all'), { anonymous: NONE, admin: ALL }),
  'course-proposals': everyone(NONE, { admin: ALL, author: cell('authored', 'authored', 'authored', 'own draft'), reviewer: READ_ONLY('assigned') }),
  'proposal-transitions': everyone(NONE, { admin: READ_ONLY('all'), author: READ_ONLY('authored'), reviewer: READ_ONLY('assigned') }),
  'proposal-reviews': everyone(NONE, { admin: ALL, reviewer: cell('none', 'self', 'own open', 'none') }),
  'funding-awards': everyone(NONE, { admin: cell('all', 'all', 'all', 'none'), author: READ_ONLY('org') }),
}

let payload: Payload
const app = startMatrixApp({ setUp: async (started) => {
  payload = started.payload
  round = await create('proposal-rounds', roundData())
} })
const { orgs } = app
let seq = 0
let round: Id
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

const create = (collection: string, data: Record<string, unknown>) => createRow(payload, collection, data)
const stored = (collection: string, data: Record<string, unknown>) => storeRow(payload, collection, data)
const roundData = () => ({ title: `2026 年度特色课程 ${++seq}`, opensAt: iso(Date.now() - DAY), closesAt: iso(Date.now() + DAY), budget: 1_000_000 })
const reviewer = async () => (await createUser(payload, ['reviewer'], orgs.agency)).id
const author = async () => (await createUser(payload, ['author'], orgs.uniB)).id

/** A proposal led by `lead`, as an author's REST create would send it. */
const proposalBody = async (lead: Id) => ({
  title: `特色课程申报 ${++seq}`,
  round,
  course: (await createCourse(payload, lead, { _status: 'draft' })).id,
  leadOrganization: lead,
  partners: [orgs.entA],
  team: [{ name: '周文博', role: 'lead', organization: lead }, { name: '黄志强', role: 'enterprise-expert', organization: orgs.entA }],
  plannedCredits: 2,
  plannedHours: 32,
  practiceShare: 50,
})

/** A proposal in or out of the actor's scope, stored as the workflow leaves it. */
async function proposal(scope: Scope, actor: Me, side: Side, status = 'draft'): Promise<Id> {
  const inside = side === 'in'
  const lead = (scope === 'authored' || scope === 'own draft') && inside ? actor.org : orgs.uniB
  const { team: _team, ...body } = await proposalBody(lead)
  const reviewers = scope === 'assigned' && inside ? [actor.id] : [await reviewer()]
  const createdBy = (scope === 'authored' || scope === 'own draft') && inside ? actor.id : await author()
  return stored('course-proposals', { ...body, status: scope === 'own draft' && !inside ? 'under-review' : status, createdBy, assignedReviewers: reviewers, revision: 1 })
}

const SPECS: Record<string, Spec> = {
  'proposal-rounds': {
    row: async () => create('proposal-rounds', roundData()),
    body: async () => roundData(),
    patch: { titleEn: 'Renamed round' },
    changed: 'titleEn',
  },
  'course-proposals': {
    row: (scope, actor, side) => proposal(scope, actor, side),
    body: async (scope, actor, side) => proposalBody(scope === 'authored' && side === 'in' ? actor.org : orgs.uniB),
    patch: { title: '改过的申报名称' },
    changed: 'title',
  },
  'proposal-transitions': {
    row: async (scope, actor, side) => stored('proposal-transitions', { key: `transition-${++seq}`, proposal: await proposal(scope, actor, side), sequence: 1, to: 'under-review', at: iso(Date.now()) }),
    body: async (scope, actor) => ({ key: `forged-${++seq}`, proposal: await proposal(scope, actor, 'in'), sequence: 9, to: 'approved', at: iso(Date.now()) }),
    patch: { to: 'approved' },
    changed: 'to',
  },
  'proposal-reviews': {
    row: async (scope, actor, side) => {
      const mine = (scope === 'self' || scope === 'own open') && side === 'in'
      const p = await proposal('assigned', actor, mine ? 'in' : 'out', 'under-review')
      // Outside: somebody else's review, submitted, of a proposal this reviewer has not reviewed; any row: open.
      return stored('proposal-reviews', { key: `review-${++seq}`, proposal: p, reviewer: mine ? actor.id : await reviewer(), round, revision: 1, status: mine || scope === 'all' ? 'assigned' : 'submitted' })
    },
    body: async () => ({ proposal: await proposal('all', { id: -1, org: orgs.uniB }, 'out', 'under-review'), reviewer: await reviewer() }),
    patch: { comment: '改过的评审意见' },
    changed: 'comment',
    // The scores are the reviewer's: an administrator only withdraws an assignment.
    patchIn: { all: { patch: { status: 'withdrawn' }, changed: 'status' } },
  },
  'funding-awards': {
    row: async (scope, actor, side) => {
      const organization = scope === 'org' && side === 'in' ? actor.org : orgs.uniB
      const p = await proposal('all', { id: -1, org: organization }, 'out', 'approved')
      return stored('funding-awards', { proposal: p, amount: 1000, tier: 'provincial', status: 'awarded', round, organization, sequence: ++seq, chainKey: `award-${seq}` })
    },
    body: async () => ({ proposal: await proposal('all', { id: -1, org: orgs.uniB }, 'out', 'approved'), amount: 1000, tier: 'provincial' }),
    patch: { note: '已拨付第一期' },
    changed: 'note',
  },
}


checkAccessMatrix(MATRIX, SPECS, contextOf(app))
