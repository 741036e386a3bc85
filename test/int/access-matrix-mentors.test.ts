/**
 * The access matrix of the mentor registry (see test/helpers/accessMatrix.ts). Administrators and
 * programme organisers run the registry. Scopes: `self` (the caller's own profile, the rows of
 * their profile, their own assignments as a student, the evaluations they wrote), `own-profile`
 * (a mentor applies for their own account only), `my-mentor` (a student evaluates a mentor who
 * guides them), `my-organisation` (an organiser evaluates a mentor of their organisation; the
 * mentor-training tests cover a mentor of their organisation's students). Certifications and reminders are written only by the platform.
 */
import type { Payload } from 'payload'
import { type Actor, ALL, type Cell, cell, checkAccessMatrix, contextOf, createRow, startMatrixApp, storeRow, everyone, type Id, type Me, NONE, type Scope, type Side, type Spec } from '../helpers/accessMatrix'
import { createCourse, createUser } from '../helpers/fixtures'

const STAFF_READ = cell('none', 'all', 'none', 'none')
const OWN_READ = cell('none', 'self', 'none', 'none')

const MATRIX: Record<string, Record<Actor, Cell>> = {
  // Anyone signed in may look a mentor up; a mentor applies for themselves; only an administrator deletes.
  mentors: everyone(cell('none', 'all', 'self', 'none'), {
    anonymous: NONE,
    admin: ALL,
    organizer: cell('all', 'all', 'all', 'none'),
    mentor: cell('own-profile', 'all', 'self', 'none'),
  }),
  'mentor-tracks': everyone(STAFF_READ, { anonymous: NONE, admin: ALL, organizer: ALL }),
  'mentor-activities': everyone(OWN_READ, { anonymous: NONE, admin: cell('all', 'all', 'none', 'all'), organizer: cell('all', 'all', 'none', 'all') }),
  'mentor-certifications': everyone(OWN_READ, { anonymous: NONE, admin: cell('none', 'all', 'all', 'none'), organizer: STAFF_READ }),
  'mentor-assignments': everyone(OWN_READ, { anonymous: NONE, admin: cell('all', 'all', 'all', 'none'), organizer: cell('all', 'all', 'all', 'none') }),
  // Anyone signed in may post, but only the mentor's students and their organisations are heard.
  'mentor-evaluations': everyone(OWN_READ, {
    anonymous: NONE,
    admin: cell('none', 'all', 'none', 'all'),
    organizer: cell('my-organisation', 'all', 'none', 'none'),
    student: cell('my-mentor', 'self', 'none', 'none'),
  }),
  'mentor-reminders': everyone(NONE, { admin: STAFF_READ, organizer: STAFF_READ }),
}

let payload: Payload
const app = startMatrixApp({ setUp: async (started) => {
  payload = started.payload
  track = await create('mentor-tracks', { ...trackData(), requiredCourses: [(await createCourse(payload, orgs.entA)).id] })
} })
const { orgs, actors } = app
let seq = 0
let track: Id
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()
const SCORES = { guidance: 5, expertise: 4, availability: 4 }

const create = (collection: string, data: Record<string, unknown>) => createRow(payload, collection, data)
const stored = (collection: string, data: Record<string, unknown>) => storeRow(payload, collection, data)
const person = async (roles: Array<'mentor' | 'student'>, org: Id = orgs.entA) =>
  (await createUser(payload, roles, org, roles.includes('student') ? { homeUniversity: org, studentNumber: `S${++seq}` } : {})).id
const profileData = (user: Id) => ({ user, name: `导师 ${++seq}`, kind: 'enterprise', tier: 'industry-mentor', organization: orgs.entA, maxStudents: 5 })
/** A certified mentor's profile, as certification leaves it. */
const certifiedMentor = async (user?: Id) => stored('mentors', { ...profileData(user ?? (await person(['mentor']))), status: 'certified', certifiedUntil: iso(Date.now() + 365 * DAY) })
/** The caller's own profile, made once. */
async function profileOf(user: Id) {
  const { docs } = await payload.find({ collection: 'mentors' as never, where: { user: { equals: user } }, depth: 0, overrideAccess: true })
  return docs.length ? (docs[0] as { id: Id }).id : certifiedMentor(user)
}
const mentorUserFor = async (scope: Scope, actor: Me, side: Side) => (scope === 'self' && side === 'in' ? actor.id : person(['mentor']))
const trackData = () => ({ title: `企业导师培训 ${++seq}`, code: `MT-M-${seq}`, tier: 'industry-mentor', minHours: 0, offlineItems: [{ key: 'workshop', title: '企业导师工作坊', kind: 'workshop' }], organization: orgs.entA })
const assignment = (student: Id, mentor: Id, mentorUser: Id) => stored('mentor-assignments', { student, mentor, mentorUser, kind: 'enterprise', status: 'active', startedAt: iso(Date.now()) })

const SPECS: Record<string, Spec> = {
  mentors: {
    row: async (scope, actor, side) => (scope === 'self' && side === 'in' ? profileOf(actor.id) : certifiedMentor()),
    body: async (scope, actor, side) => profileData(scope === 'own-profile' && side === 'in' ? actor.id : await person(['mentor'])),
    patch: { bio: '二十年智能制造产线经验' },
    changed: 'bio',
  },
  'mentor-tracks': {
    row: async () => create('mentor-tracks', trackData()),
    body: async () => trackData(),
    patch: { titleEn: 'Renamed track' },
    changed: 'titleEn',
  },
  'mentor-activities': {
    row: async (scope, actor, side) => stored('mentor-activities', { mentor: await certifiedMentor(), mentorUser: await mentorUserFor(scope, actor, side), track, item: 'workshop', happenedOn: iso(Date.now()), key: `activity-${++seq}` }),
    body: async () => {
      const user = await person(['mentor'])
      const mentor = await stored('mentors', { ...profileData(user), status: 'in-training' })
      await create('enrollments', { learner: user, source: { relationTo: 'mentor-tracks', value: track } })
      return { mentor, track, item: 'workshop', happenedOn: iso(Date.now()) }
    },
    patch: { note: '改过的备注' },
    changed: 'note',
  },
  'mentor-certifications': {
    row: async (scope, actor, side) =>
      stored('mentor-certifications', { key: `cert-${++seq}`, mentor: await certifiedMentor(), mentorUser: await mentorUserFor(scope, actor, side), track, kind: 'initial', issuedAt: iso(Date.now()), validFrom: iso(Date.now()), validUntil: iso(Date.now() + 365 * DAY), status: 'valid' }),
    body: async () => ({ key: `forged-${++seq}`, mentor: await certifiedMentor(), track, kind: 'initial', issuedAt: iso(Date.now()), validFrom: iso(Date.now()), validUntil: iso(Date.now() + 3650 * DAY) }),
    patch: { status: 'revoked', revocationReason: '培训材料造假' },
    changed: 'status',
  },
  'mentor-assignments': {
    row: async (scope, actor, side) => {
      const mine = scope === 'self' && side === 'in'
      const asStudent = mine && actor === actors.student
      const mentorUser = mine && !asStudent ? actor.id : await person(['mentor'])
      return assignment(asStudent ? actor.id : await person(['student'], orgs.uniA), mine && !asStudent ? await profileOf(actor.id) : await certifiedMentor(mentorUser), mentorUser)
    },
    body: async () => ({ student: await person(['student'], orgs.uniA), mentor: await certifiedMentor(), reason: '研究方向相近' }),
    patch: { status: 'ended', endReason: '学生毕业' },
    changed: 'status',
  },
  'mentor-evaluations': {
    row: async (scope, actor, side) => stored('mentor-evaluations', { key: `evaluation-${++seq}`, mentor: await certifiedMentor(), evaluator: scope === 'self' && side === 'in' ? actor.id : await person(['student'], orgs.uniA), evaluatorKind: 'student', year: 2026, ...SCORES, overall: 4.3 }),
    body: async (scope, actor, side) => {
      const inside = side === 'in'
      if (scope === 'my-organisation') {
        const mentor = await stored('mentors', { ...profileData(await person(['mentor'])), organization: inside ? actor.org : orgs.entA, status: 'certified' })
        return { mentor, ...SCORES, comment: '指导认真' }
      }
      const mentorUser = await person(['mentor'])
      const mentor = await certifiedMentor(mentorUser)
      await assignment(inside && scope === 'my-mentor' ? actor.id : await person(['student'], orgs.uniA), mentor, mentorUser)
      return { mentor, ...SCORES, comment: '指导认真' }
    },
    patch: { comment: '改过的意见' },
    changed: 'comment',
  },
  'mentor-reminders': {
    row: async () => stored('mentor-reminders', { key: `reminder-${++seq}`, certification: await stored('mentor-certifications', { key: `cert-${++seq}`, mentor: await certifiedMentor(), track, kind: 'initial', issuedAt: iso(Date.now()), validFrom: iso(Date.now()), validUntil: iso(Date.now() + 30 * DAY), status: 'valid' }), days: 30, sent: true }),
    body: async () => ({ key: `forged-${++seq}`, days: 30 }),
    patch: { sent: false },
    changed: 'sent',
  },
}


checkAccessMatrix(MATRIX, SPECS, contextOf(app))
