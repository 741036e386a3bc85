/**
 * The access table of every custom endpoint, and of GraphQL beside REST: each case names who may
 * call it (every other role and anonymous callers are refused with 401, 403 or 404, and what the
 * call would write is counted before and after). Row-level cases come in pairs: the caller's own
 * resource (their enrolment, record, certification, programme) and somebody else's.
 * Collections' own REST operations are in access-matrix*.test.ts.
 */
import type { Payload } from 'payload'
import { formatNames } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { issueCreditRecord } from '../../plugins/credits/issuing/issueCreditRecord'
import { ACTORS, type Actor, createRow, type Id, type MatrixApp, type Me, startMatrixApp, storeRow } from '../helpers/accessMatrix'
import { as, createCourse, createUser, login } from '../helpers/fixtures'
import { createPackage, installLibraries } from '../helpers/h5p'

type Call = { method: 'get' | 'post'; url: string; body?: unknown; headers?: Record<string, string> }
type Case = {
  name: string
  allowed: readonly Actor[]
  call: (actor: Actor, me: Me) => Promise<Call>
  /** Collections a refused call must leave as they were. */
  writes?: string[]
  /**
   * Passing access is all this case shows for those allowed: the domain then answers for itself
   * (a 409 for a proposal not ready, a 400 for an empty CSV), and its own tests cover that.
   */
  pastAccessOnly?: boolean
}

const ANYONE = ACTORS
const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous')
const STAFF: Actor[] = ['admin', 'organizer']
const NOBODY: Actor[] = []

let payload: Payload
let t: MatrixApp['t']
const app = startMatrixApp({ setUp: async (started) => {
  payload = started.payload
  t = started.t
  f.course = (await createCourse(payload, orgs.entA, { partners: [orgs.uniA] })).id
  await installLibraries(payload)
  f.pkg = (await createPackage(payload)).id
  f.module = await create('modules', { course: f.course, title: '判断题', order: 1, kind: 'h5p', h5pPackage: f.pkg })
  f.track = await create('mentor-tracks', { title: '企业导师培训', code: 'MT-E-1', tier: 'industry-mentor', minHours: 0, organization: orgs.entA })
  f.round = await create('proposal-rounds', { title: '2026 年度特色课程', opensAt: iso(Date.now() - DAY), closesAt: iso(Date.now() + DAY), budget: 1_000_000 })
  f.camp = await newCamp()
  f.session = await newSession(f.camp)
  f.contest = await newContest(f.camp)
  f.otherRecord = await issueFor(await student(orgs.uniA))
  f.guardedRecord = await issueFor(await student(orgs.uniB))
  f.otherCertification = await certification((await createUser(payload, ['mentor'], orgs.entA)).id)
} })
const { orgs, actors } = app
let seq = 0
const f = {} as { course: Id; module: Id; pkg: Id; track: Id; round: Id; camp: Id; session: Id; contest: Id; otherRecord: Id; otherCertification: Id; guardedRecord: Id }
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

const create = (collection: string, data: Record<string, unknown>) => createRow(payload, collection, data)
const stored = (collection: string, data: Record<string, unknown>) => storeRow(payload, collection, data)
const student = async (home: Id = orgs.uniA) => (await createUser(payload, ['student'], home, { homeUniversity: home, studentNumber: `S${++seq}` })).id
const enrol = (learner: Id, relationTo: string, value: Id) => create('enrollments', { learner, source: { relationTo, value } })
/** A learner's enrolment in a new open course, which they left. */
const left = async (learner: Id) => create('enrollments', { learner, source: { relationTo: 'courses', value: (await createCourse(payload, orgs.uniA)).id }, status: 'withdrawn' })
/** The caller, or a stand-in learner for anonymous callers (whose call is refused before it matters). */
const learnerOf = async (me: Me) => (me.id === -1 ? student() : me.id)

async function issueFor(learner: Id): Promise<Id> {
  const completion = await create('completions', { learner, source: { relationTo: 'courses', value: f.course }, score: 80 + (++seq % 20) })
  return (await issueCreditRecord(payload, completion)).recordId as Id
}
const newCamp = () =>
  create('camps', { title: `思政训练营 ${++seq}`, code: `CAMP-E-${seq}`, kind: 'political-education', organization: orgs.uniA, startsOn: iso(Date.now() - DAY), endsOn: iso(Date.now() + 7 * DAY), credits: 1, completionRule: { minAttendanceRate: 50 } })
const newSession = (camp: Id) => create('camp-sessions', { camp, title: `专题讲座 ${++seq}`, kind: 'lecture', startsAt: iso(Date.now() - 60_000), endsAt: iso(Date.now() + 90 * 60_000) })
const newContest = (camp: Id) =>
  create('contests', { title: `知识竞赛 ${++seq}`, camp, opensAt: iso(Date.now() - DAY), closesAt: iso(Date.now() + DAY), timeLimitSeconds: 600, questions: [{ text: '题', kind: 'single', points: 1, choices: [{ text: '甲', correct: true }, { text: '乙' }] }] })
/** The user's mentor profile (one per account), certified. */
async function mentorProfile(user: Id): Promise<Id> {
  const { docs } = await payload.find({ collection: 'mentors' as never, where: { user: { equals: user } }, depth: 0, overrideAccess: true })
  if (docs.length) return (docs[0] as { id: Id }).id
  return stored('mentors', { user, name: `导师 ${++seq}`, kind: 'enterprise', tier: 'industry-mentor', organization: orgs.entA, maxStudents: 5, status: 'certified', certifiedUntil: iso(Date.now() + 365 * DAY) })
}
const certification = async (mentorUser: Id) =>
  stored('mentor-certifications', { key: `cert-${++seq}`, mentor: await mentorProfile(mentorUser), mentorUser, track: f.track, kind: 'initial', issuedAt: iso(Date.now()), validFrom: iso(Date.now()), validUntil: iso(Date.now() + 365 * DAY), status: 'valid' })
async function checkInCode(session: Id): Promise<string> {
  const res = await as(t.app, actors.organizer?.token).get(`/api/camp-sessions/${session}/check-in-code`)
  return res.body.code as string
}
const statement = (email: string, module: Id) => ({
  actor: { objectType: 'Agent', mbox: `mailto:${email}` },
  verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { en: 'experienced' } },
  object: { objectType: 'Activity', id: `http://localhost/api/modules/${module}` },
})
const emailOf = async (id: Id) => ((await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true })) as { email: string }).email

const get = (url: string): Call => ({ method: 'get', url })
const post = (url: string, body: unknown = {}): Call => ({ method: 'post', url, body })
const xapi = (body: unknown): Call => ({ ...post('/api/xapi/statements', body), headers: { 'X-Experience-API-Version': '1.0.3' } })

const CASES: Case[] = [
  // Public: what a verifier, a visitor or another platform reads.
  { name: 'GET /api/health', allowed: ANYONE, call: async () => get('/api/health') },
  { name: 'GET /api/.well-known/jwks.json', allowed: ANYONE, call: async () => get('/api/.well-known/jwks.json') },
  { name: 'GET /api/issuer', allowed: ANYONE, call: async () => get('/api/issuer') },
  { name: 'GET /api/catalogue', allowed: ANYONE, call: async () => get('/api/catalogue') },
  { name: 'GET /api/achievements/courses/:id', allowed: ANYONE, call: async () => get(`/api/achievements/courses/${f.course}`) },
  { name: 'GET /api/credit-records/status-lists/:n', allowed: ANYONE, call: async () => get('/api/credit-records/status-lists/0') },
  { name: 'GET /api/mentor-tracks/:id/achievement', allowed: ANYONE, call: async () => get(`/api/mentor-tracks/${f.track}/achievement`) },
  { name: 'GET /api/mentor-certifications/status-lists/:n', allowed: ANYONE, call: async () => get('/api/mentor-certifications/status-lists/0') },
  { name: 'GET /api/mentor-certifications/:id/status', allowed: ANYONE, call: async () => get(`/api/mentor-certifications/${f.otherCertification}/status`) },
  { name: 'GET /api/mentors/registry', allowed: ANYONE, call: async () => get('/api/mentors/registry') },
  { name: 'GET /api/h5p-packages/:id/embed', allowed: ANYONE, call: async () => get(`/api/h5p-packages/${f.pkg}/embed`) },

  // Learning: the caller's own.
  { name: 'GET /api/modules/:id/play', allowed: SIGNED_IN, call: async () => get(`/api/modules/${f.module}/play`) },
  {
    name: 'POST /api/xapi/statements about oneself',
    allowed: SIGNED_IN,
    writes: ['xapi-statements'],
    call: async (_a, me) => xapi(statement(me.id === -1 ? 'nobody@test.lianpei' : await emailOf(me.id), f.module)),
  },
  {
    name: 'POST /api/xapi/statements about somebody else',
    allowed: NOBODY,
    writes: ['xapi-statements'],
    call: async () => xapi(statement(await emailOf(await student()), f.module)),
  },
  { name: 'GET /api/xapi/statements', allowed: SIGNED_IN, call: async () => get('/api/xapi/statements') },
  {
    name: 'POST /api/enrollments/:id/withdraw, one’s own',
    allowed: SIGNED_IN,
    writes: ['enrollments'],
    call: async (_a, me) => post(`/api/enrollments/${await enrol(await learnerOf(me), 'courses', (await createCourse(payload, orgs.uniA)).id)}/withdraw`),
  },
  {
    // Staff change an enrolment's status through the collection (PATCH), not by withdrawing for a learner.
    name: 'POST /api/enrollments/:id/withdraw, somebody else’s',
    allowed: NOBODY,
    writes: ['enrollments'],
    call: async () => post(`/api/enrollments/${await enrol(await student(), 'courses', (await createCourse(payload, orgs.uniA)).id)}/withdraw`),
  },
  {
    name: 'POST /api/enrollments/:id/rejoin, one’s own',
    allowed: SIGNED_IN,
    writes: ['enrollments'],
    call: async (_a, me) => post(`/api/enrollments/${await left(await learnerOf(me))}/rejoin`),
  },
  {
    name: 'POST /api/enrollments/:id/rejoin, somebody else’s',
    allowed: NOBODY,
    writes: ['enrollments'],
    call: async () => post(`/api/enrollments/${await left(await student())}/rejoin`),
  },
  {
    name: 'POST /api/courses/:id/enroll-csv',
    allowed: STAFF,
    writes: ['enrollments'],
    call: async () => ({ method: 'post', url: `/api/courses/${f.course}/enroll-csv`, body: `email\n${await emailOf(await student())}\n`, headers: { 'Content-Type': 'text/csv' } }),
  },

  // Credits.
  { name: 'GET /api/credit-records/:id/credential, one’s own', allowed: SIGNED_IN, call: async (_a, me) => get(`/api/credit-records/${await issueFor(await learnerOf(me))}/credential`) },
  { name: 'GET /api/credit-records/:id/credential, a university A student’s', allowed: ['admin', 'registrar'], call: async () => get(`/api/credit-records/${f.otherRecord}/credential`) },
  { name: 'GET /api/credit-records/:id/credential, a university B student’s', allowed: ['admin'], call: async () => get(`/api/credit-records/${await issueFor(await student(orgs.uniB))}/credential`) },
  { name: 'GET /api/credit-records/transcript', allowed: SIGNED_IN, call: async () => get('/api/credit-records/transcript') },
  { name: 'GET /api/credit-feed', allowed: ['registrar'], call: async () => get('/api/credit-feed') },
  {
    name: 'POST /api/credit-records/:id/acknowledge, a university A student’s',
    allowed: ['registrar'],
    writes: ['credit-ledger-events'],
    call: async () => post(`/api/credit-records/${await issueFor(await student())}/acknowledge`, { decision: 'accepted', localCourseCode: 'L-1' }),
  },
  {
    name: 'POST /api/credit-records/:id/acknowledge, a university B student’s',
    allowed: NOBODY,
    writes: ['credit-ledger-events'],
    call: async () => post(`/api/credit-records/${await issueFor(await student(orgs.uniB))}/acknowledge`, { decision: 'accepted', localCourseCode: 'L-1' }),
  },
  {
    name: 'POST /api/credit-records/:id/correct',
    allowed: ['admin'],
    writes: ['credit-records'],
    call: async () => post(`/api/credit-records/${await issueFor(await student())}/correct`, { reason: '成绩录入错误', score: 95 }),
  },
  { name: 'POST /api/credit-ledger-checkpoints/sign', allowed: ['admin'], writes: ['credit-ledger-checkpoints'], call: async () => post('/api/credit-ledger-checkpoints/sign') },

  // Featured courses: the committee's and the administrator's.
  {
    name: 'POST /api/course-proposals/:id/assign-reviewers',
    allowed: ['admin'],
    pastAccessOnly: true,
    writes: ['proposal-reviews'],
    call: async () => post(`/api/course-proposals/${await proposal(orgs.uniA)}/assign-reviewers`, { reviewers: [(await createUser(payload, ['reviewer'], orgs.agency)).id] }),
  },
  // Authors submit (draft → submitted); the administrator moves it on (submitted → under review).
  {
    name: 'POST /api/course-proposals/:id/transition of a proposal of one’s organisation',
    allowed: ['admin', 'author'],
    pastAccessOnly: true,
    writes: ['proposal-transitions'],
    call: async (actor) => post(`/api/course-proposals/${await proposal(orgs.uniA, actor === 'admin' ? 'submitted' : 'draft')}/transition`, { to: actor === 'admin' ? 'under-review' : 'submitted' }),
  },
  {
    name: 'POST /api/course-proposals/:id/transition of another university’s proposal',
    allowed: ['admin'],
    pastAccessOnly: true,
    writes: ['proposal-transitions'],
    call: async (actor) => post(`/api/course-proposals/${await proposal(orgs.uniB, actor === 'admin' ? 'submitted' : 'draft')}/transition`, { to: actor === 'admin' ? 'under-review' : 'submitted' }),
  },
  { name: 'GET /api/proposal-rounds/:id/results', allowed: ['admin'], call: async () => get(`/api/proposal-rounds/${f.round}/results`) },
  { name: 'GET /api/funding-awards/totals', allowed: ['admin'], call: async () => get('/api/funding-awards/totals') },

  // Mentors.
  { name: 'GET /api/mentor-certifications/:id/credential, one’s own', allowed: SIGNED_IN, call: async (_a, me) => get(`/api/mentor-certifications/${await certification(await learnerOf(me))}/credential`) },
  { name: 'GET /api/mentor-certifications/:id/credential, somebody else’s', allowed: STAFF, call: async () => get(`/api/mentor-certifications/${f.otherCertification}/credential`) },

  // Programmes and camps.
  { name: 'GET /api/camp-sessions/:id/check-in-code', allowed: STAFF, call: async () => get(`/api/camp-sessions/${f.session}/check-in-code`) },
  { name: 'GET /api/camp-sessions/:id/arrivals', allowed: STAFF, call: async () => get(`/api/camp-sessions/${f.session}/arrivals`) },
  {
    name: 'POST /api/camp-sessions/:id/check-in to a programme one is enrolled in',
    allowed: SIGNED_IN,
    writes: ['attendance'],
    call: async (_a, me) => {
      const camp = await newCamp()
      const session = await newSession(camp)
      await enrol(await learnerOf(me), 'camps', camp)
      return post(`/api/camp-sessions/${session}/check-in`, { code: await checkInCode(session) })
    },
  },
  {
    name: 'POST /api/camp-sessions/:id/check-in to a programme one is not enrolled in',
    allowed: NOBODY,
    writes: ['attendance'],
    call: async () => post(`/api/camp-sessions/${f.session}/check-in`, { code: await checkInCode(f.session) }),
  },
  {
    name: 'POST /api/contests/:id/start of a programme one is enrolled in',
    allowed: SIGNED_IN,
    writes: ['contest-attempts'],
    call: async (_a, me) => {
      const camp = await newCamp()
      await enrol(await learnerOf(me), 'camps', camp)
      return post(`/api/contests/${await newContest(camp)}/start`)
    },
  },
  { name: 'POST /api/contests/:id/start of a programme one is not enrolled in', allowed: NOBODY, writes: ['contest-attempts'], call: async () => post(`/api/contests/${f.contest}/start`) },
  {
    name: 'GET /api/contests/:id/leaderboard of a programme one is enrolled in',
    allowed: SIGNED_IN,
    call: async (_a, me) => {
      const camp = await newCamp()
      await enrol(await learnerOf(me), 'camps', camp)
      return get(`/api/contests/${await newContest(camp)}/leaderboard`)
    },
  },
  { name: 'GET /api/contests/:id/leaderboard of a programme one is not enrolled in', allowed: STAFF, call: async () => get(`/api/contests/${f.contest}/leaderboard`) },
]

async function proposal(lead: Id, status = 'draft'): Promise<Id> {
  const course = (await createCourse(payload, lead, { _status: 'draft' })).id
  const createdBy = (await createUser(payload, ['author'], lead)).id
  return stored('course-proposals', { title: `特色课程申报 ${++seq}`, round: f.round, course, leadOrganization: lead, partners: [orgs.entA], status, createdBy, revision: 0 })
}

const count = async (collection: string) => (await payload.count({ collection: collection as never, overrideAccess: true })).totalDocs


describe('custom endpoints', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      for (const actor of ACTORS) {
        const allowed = c.allowed.includes(actor)
        it(`${actor}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const me = actors[actor] as Me & { token?: string }
          const call = await c.call(actor, me)
          const before = await Promise.all((c.writes ?? []).map(count))
          const client = as(t.app, me.token)
          let req = client[call.method](call.url)
          for (const [name, value] of Object.entries(call.headers ?? {})) req = req.set(name, value)
          const res = call.body === undefined || call.method === 'get' ? await req : await req.send(call.body as never)
          const detail = `${res.status} ${res.text.slice(0, 300)}`
          if (!allowed) {
            expect([401, 403, 404], detail).toContain(res.status)
            if (actor === 'anonymous') expect([401, 403], detail).toContain(res.status)
            expect(await Promise.all((c.writes ?? []).map(count))).toEqual(before)
          } else if (c.pastAccessOnly) {
            expect([401, 403, 404], detail).not.toContain(res.status)
            expect(res.status, detail).toBeLessThan(500)
          } else {
            expect(res.status, detail).toBeGreaterThanOrEqual(200)
            expect(res.status, detail).toBeLessThan(300)
          }
        })
      }
    })
  }
})

describe('GraphQL', () => {
  const graphql = (actor: Actor, query: string) => as(t.app, actors[actor]?.token).post('/api/graphql').send({ query })
  const COLLECTIONS = () => Object.keys(TABLES).filter((slug) => !slug.startsWith('payload-'))

  // A row in lists the calls above left empty, so that every comparison below compares something.
  beforeAll(async () => {
    const mentor = await mentorProfile((await createUser(payload, ['mentor'], orgs.entA)).id)
    await stored('course-mappings', { university: orgs.uniA, course: f.course, localCourseCode: 'L-GQL', key: 'gql-mapping' })
    await stored('credit-webhooks', { university: orgs.uniA, url: 'https://registrar.example.edu.cn/hook', secret: 'a-secret-of-sixteen-or-more', active: true })
    await stored('funding-awards', { proposal: await proposal(orgs.uniA, 'approved'), amount: 1000, tier: 'provincial', status: 'awarded', round: f.round, organization: orgs.uniA, sequence: 1, chainKey: 'gql-award' })
    await stored('mentor-evaluations', { key: 'gql-evaluation', mentor, evaluator: await student(), evaluatorKind: 'student', year: 2026, guidance: 5, expertise: 5, availability: 5 })
    await stored('mentor-activities', { key: 'gql-activity', mentor, track: f.track, item: 'workshop', happenedOn: iso(Date.now()) })
    await stored('camp-session-reminders', { key: 'gql-reminder', session: f.session, learner: await student() })
    await stored('mentor-reminders', { key: 'gql-mentor-reminder', certification: f.otherCertification, days: 30, sent: true })
  })

  // Each actor sees through GraphQL exactly the rows REST shows them (whose rules the matrix proves).
  for (const actor of ACTORS) {
    it(`${actor}: every list answers the same rows as REST`, async () => {
      for (const slug of COLLECTIONS()) {
        const rest = await as(t.app, actors[actor]?.token).get(`/api/${slug}?limit=1000&depth=0`)
        const restIds = rest.status === 200 ? (rest.body.docs as Array<{ id: Id }>).map((d) => String(d.id)).sort() : []
        // Payload's own naming, `all` before a plural that is its singular (media).
        const names = formatNames(slug)
        const name = names.plural === names.singular ? `all${names.plural}` : names.plural
        const res = await graphql(actor, `{ ${name}(limit: 1000) { docs { id } } }`)
        expect(res.status, `${slug} ${res.text.slice(0, 200)}`).toBe(200)
        if (rest.status === 200) expect(res.body.errors, `${actor} ${slug}`).toBeUndefined()
        if (actor === 'admin' && (await count(slug)) > 0) expect(restIds.length, `the admin sees the ${slug} there are`).toBeGreaterThan(0)
        const gqlIds = ((res.body.data?.[name]?.docs ?? []) as Array<{ id: Id }>).map((d) => String(d.id)).sort()
        expect(gqlIds, `${actor} ${slug}`).toEqual(restIds)
      }
    })
  }

  it('a contest’s questions, and so its answers, never reach a learner through GraphQL', async () => {
    const camp = await newCamp()
    const contest = await newContest(camp)
    await enrol(actors.student?.id as Id, 'camps', camp)
    const res = await graphql('student', `{ Contest(id: ${JSON.stringify(contest)}) { id title questions { text choices { text correct } } } }`)
    expect(res.body.data?.Contest?.id).toBe(contest)
    expect(res.body.data.Contest.questions ?? []).toEqual([])
    expect(res.text).not.toContain('甲')
    const staff = await graphql('organizer', `{ Contest(id: ${JSON.stringify(contest)}) { questions { choices { correct } } } }`)
    expect(staff.body.data.Contest.questions[0].choices[0].correct).toBe(true)
  })

  const MUTATIONS: Array<{ actor: Actor; slug: string; mutation: () => Promise<string> }> = [
    { actor: 'anonymous', slug: 'credit-records', mutation: async () => `mutation { createCreditRecord(data: { learner: ${JSON.stringify(await student())}, sourceType: "courses", sourceId: "1", credits: 9, sequence: 999999, key: "forged", status: issued, completedAt: "2026-01-01", issuedAt: "2026-01-01" }) { id } }` },
    { actor: 'student', slug: 'credit-records', mutation: async () => `mutation { updateCreditRecord(id: ${JSON.stringify(f.guardedRecord)}, data: { status: accepted }) { id status } }` },
    { actor: 'student', slug: 'completions', mutation: async () => `mutation { createCompletion(data: { learner: ${JSON.stringify(actors.student?.id)}, source: { relationTo: courses, value: ${JSON.stringify(f.course)} }, score: 100, completedAt: "2026-01-01" }) { id } }` },
    { actor: 'author', slug: 'contest-attempts', mutation: async () => `mutation { deleteContest(id: ${JSON.stringify(f.contest)}) { id } }` },
    { actor: 'registrar', slug: 'credit-ledger-events', mutation: async () => `mutation { createCreditLedgerEvent(data: { chain: "forged", position: 1, key: "forged", kind: accepted, at: "2026-01-01", contentHash: "x", previousHash: "x", hash: "x" }) { id } }` },
    { actor: 'mentor', slug: 'mentor-certifications', mutation: async () => `mutation { updateMentorCertification(id: ${JSON.stringify(f.otherCertification)}, data: { validUntil: "2099-01-01" }) { id } }` },
    { actor: 'student', slug: 'attendance', mutation: async () => `mutation { createAttendance(data: { session: ${JSON.stringify(f.session)}, learner: ${JSON.stringify(actors.student?.id)}, status: present }) { id } }` },
  ]
  for (const m of MUTATIONS) {
    it(`${m.actor}: a ${m.slug} mutation is refused and writes nothing`, async () => {
      const mutation = await m.mutation()
      const before = await count(m.slug)
      const beforeContests = await count('contests')
      const res = await graphql(m.actor, mutation)
      expect(res.body.errors?.length, res.text.slice(0, 300)).toBeGreaterThan(0)
      expect(JSON.stringify(res.body.errors), res.text.slice(0, 600)).toMatch(/not allowed|Forbidden|Unauthorized/i)
      expect(await count(m.slug)).toBe(before)
      expect(await count('contests')).toBe(beforeContests)
      const record = (await payload.findByID({ collection: 'credit-records' as never, id: f.guardedRecord, depth: 0, overrideAccess: true })) as { status: string }
      expect(record.status).toBe('issued')
    })
  }
})

describe('row-level rules the tables cannot show', () => {
  it('GET /api/xapi/statements answers a learner their own statements only, staff anyone’s, even when asked for another agent', async () => {
    const victim = await student()
    const victimEmail = await emailOf(victim)
    const posted = await as(t.app, await tokenOf(victim)).post('/api/xapi/statements').set('X-Experience-API-Version', '1.0.3').send(statement(victimEmail, f.module))
    expect(posted.status, posted.text).toBe(200)
    const [id] = posted.body as string[]
    const agent = encodeURIComponent(JSON.stringify({ mbox: `mailto:${victimEmail}` }))
    for (const actor of SIGNED_IN) {
      for (const url of ['/api/xapi/statements?limit=1000', `/api/xapi/statements?agent=${agent}`]) {
        const res = await as(t.app, actors[actor]?.token).get(url)
        expect(res.status).toBe(200)
        const ids = (res.body.statements as Array<{ id: string }>).map((s) => s.id)
        if (STAFF.includes(actor)) expect(ids, `${actor} ${url}`).toContain(id)
        else expect(ids, `${actor} ${url}`).not.toContain(id)
      }
    }
  })

  it('a mentor reads the enrolments and completions of the students they guide now, and of nobody else', async () => {
    const mentor = actors.mentor as Me & { token: string }
    const guided = await student()
    const other = await student()
    const course = (await createCourse(payload, orgs.uniA)).id
    const rows = async (learner: Id) => ({
      enrollment: await enrol(learner, 'courses', course),
      completion: await create('completions', { learner, source: { relationTo: 'courses', value: course }, score: 90 }),
    })
    const mine = await rows(guided)
    const theirs = await rows(other)
    const assignment = await stored('mentor-assignments', { student: guided, mentor: await mentorProfile(mentor.id), mentorUser: mentor.id, kind: 'enterprise', status: 'active', startedAt: iso(Date.now()) })
    const read = (collection: string, id: Id) => as(t.app, mentor.token).get(`/api/${collection}/${id}`)
    expect((await read('enrollments', mine.enrollment)).status).toBe(200)
    expect((await read('completions', mine.completion)).status).toBe(200)
    expect((await read('users', guided)).status).toBe(200)
    expect((await read('enrollments', theirs.enrollment)).status).toBe(404)
    expect((await read('completions', theirs.completion)).status).toBe(404)
    expect((await read('users', other)).status).toBe(404)
    // A mentor may not change what they may read.
    expect((await as(t.app, mentor.token).patch(`/api/enrollments/${mine.enrollment}`).send({ progress: 100 })).status).toBe(403)

    await payload.update({ collection: 'mentor-assignments' as never, id: assignment, data: { status: 'ended', endReason: '学生毕业' } as never, overrideAccess: true })
    expect((await read('enrollments', mine.enrollment)).status).toBe(404)
    expect((await read('completions', mine.completion)).status).toBe(404)
  })
})

const tokenOf = async (user: Id) => login(t.app, await emailOf(user))

/** Where each collection's access table is; a new collection fails here until it has one. */
const TABLES: Record<string, string> = {
  ...Object.fromEntries(['organizations', 'users', 'courses', 'modules', 'media', 'enrollments', 'completions'].map((s) => [s, 'access-matrix.test.ts'])),
  ...Object.fromEntries(['h5p-packages', 'h5p-libraries', 'h5p-library-installs', 'xapi-statements', 'module-progress'].map((s) => [s, 'access-matrix-open-courses.test.ts'])),
  ...Object.fromEntries(['proposal-rounds', 'course-proposals', 'proposal-transitions', 'proposal-reviews', 'funding-awards'].map((s) => [s, 'access-matrix-featured.test.ts'])),
  ...Object.fromEntries(['mentors', 'mentor-tracks', 'mentor-activities', 'mentor-certifications', 'mentor-assignments', 'mentor-evaluations', 'mentor-reminders'].map((s) => [s, 'access-matrix-mentors.test.ts'])),
  ...Object.fromEntries(['camps', 'camp-sessions', 'attendance', 'contests', 'contest-attempts', 'camp-session-reminders'].map((s) => [s, 'access-matrix-camps.test.ts'])),
  ...Object.fromEntries(['credit-records', 'course-mappings', 'credit-webhooks', 'credit-webhook-deliveries', 'credit-ledger-events', 'credit-ledger-checkpoints'].map((s) => [s, 'access-matrix-credits.test.ts'])),
  // Payload's own, below.
  ...Object.fromEntries(['payload-kv', 'payload-jobs', 'payload-locked-documents', 'payload-preferences', 'payload-migrations'].map((s) => [s, 'access-endpoints.test.ts'])),
}

describe('every collection', () => {
  it('has an access table', () => {
    expect(payload.config.collections.map((c) => c.slug).sort()).toEqual(Object.keys(TABLES).sort())
  })

  it('Payload’s key-value store and jobs queue answer nobody through the API, administrators included', async () => {
    for (const slug of ['payload-kv', 'payload-jobs']) {
      const before = await count(slug)
      for (const actor of ACTORS) {
        const client = as(t.app, actors[actor]?.token)
        expect((await client.get(`/api/${slug}`)).status, `${actor} ${slug}`).toBe(403)
        expect((await client.post(`/api/${slug}`).send({ key: 'forged', data: {}, taskSlug: 'sendEmail', input: {} })).status, `${actor} ${slug}`).toBe(403)
      }
      expect(await count(slug)).toBe(before)
    }
  })

  it('document locks (who is editing what in the admin panel): staff only, and only in their own name', async () => {
    const LOCKS = 'payload-locked-documents'
    const lockOf = async (holder: Id) =>
      (await payload.db.create({ collection: LOCKS, data: { document: { relationTo: 'courses', value: f.course }, user: { relationTo: 'users', value: holder } } } as never)) as { id: Id }
    const holderOf = async (id: Id) => ((await payload.findByID({ collection: LOCKS as never, id, depth: 0, overrideAccess: true })) as unknown as { user: { value: Id } }).user.value
    const author = actors.author as Me & { token?: string }
    const reviewer = actors.reviewer as Me & { token?: string }
    const lock = await lockOf(author.id)
    for (const actor of ['anonymous', 'student'] as const) {
      const client = as(t.app, actors[actor]?.token)
      const list = await client.get(`/api/${LOCKS}?depth=1`)
      expect(list.status, `${actor} lists locks`).toBe(403)
      expect([403, 404], `${actor} reads a lock`).toContain((await client.get(`/api/${LOCKS}/${lock.id}`)).status)
      expect([403, 404], `${actor} takes over`).toContain((await client.patch(`/api/${LOCKS}/${lock.id}`).send({ user: { relationTo: 'users', value: actors[actor]?.id ?? author.id } })).status)
      expect([403, 404], `${actor} drops the lock`).toContain((await client.delete(`/api/${LOCKS}/${lock.id}`)).status)
    }
    expect(await holderOf(lock.id)).toBe(author.id)
    const before = await count(LOCKS)
    for (const actor of ACTORS) {
      const forged = await as(t.app, actors[actor]?.token).post(`/api/${LOCKS}`).send({ document: { relationTo: 'courses', value: f.course }, user: { relationTo: 'users', value: author.id } })
      expect(forged.status, `${actor} creates a lock`).toBe(403)
    }
    expect(await count(LOCKS)).toBe(before)

    // The admin panel's own calls: list the document's lock, take it over, leave the document.
    const staff = as(t.app, reviewer.token)
    const listed = await staff.get(`/api/${LOCKS}?where[document.relationTo][equals]=courses&where[document.value][equals]=${f.course}`)
    expect(listed.status, listed.text).toBe(200)
    expect((listed.body.docs as Array<{ id: Id }>).map((d) => d.id)).toContain(lock.id)
    const inAnotherName = await staff.patch(`/api/${LOCKS}/${lock.id}`).send({ user: { relationTo: 'users', value: actors.admin!.id } })
    expect(inAnotherName.status, 'a lock put in somebody else’s name').toBe(403)
    // Nor moved to another document, or kept alive, while it stays in the author's name.
    const moved = await staff.patch(`/api/${LOCKS}/${lock.id}`).send({ document: { relationTo: 'modules', value: f.module } })
    expect(moved.status, 'a lock moved without taking it over').toBe(403)
    expect((await staff.patch(`/api/${LOCKS}/${lock.id}`).send({})).status, 'a lock kept alive in another’s name').toBe(403)
    expect((await staff.patch(`/api/${LOCKS}?where[id][equals]=${lock.id}`).send({ document: { relationTo: 'modules', value: f.module } })).status, 'the same in bulk').toBe(403)
    expect(await holderOf(lock.id)).toBe(author.id)
    const takenOver = await staff.patch(`/api/${LOCKS}/${lock.id}`).send({ user: { relationTo: 'users', value: reviewer.id } })
    expect(takenOver.status, takenOver.text).toBe(200)
    expect(await holderOf(lock.id)).toBe(reviewer.id)
    expect((await staff.delete(`/api/${LOCKS}/${lock.id}`)).status).toBe(200)
    expect(await count(LOCKS)).toBe(before - 1)
  })

  it('admin-panel preferences are each user’s own', async () => {
    const mine = await as(t.app, actors.student?.token).post('/api/payload-preferences').send({ key: 'portal-test', value: { columns: ['title'] } })
    expect(mine.status, mine.text).toBe(201)
    for (const actor of SIGNED_IN.filter((a) => a !== 'student')) {
      const list = await as(t.app, actors[actor]?.token).get('/api/payload-preferences?limit=1000&depth=0')
      expect((list.body.docs as Array<{ id: Id }>).map((d) => d.id), actor).not.toContain(mine.body.doc.id)
      expect([403, 404], actor).toContain((await as(t.app, actors[actor]?.token).patch(`/api/payload-preferences/${mine.body.doc.id}`).send({ value: {} })).status)
    }
    const stored = (await payload.findByID({ collection: 'payload-preferences' as never, id: mine.body.doc.id, depth: 0, overrideAccess: true })) as { value: unknown }
    expect(stored.value).toEqual({ columns: ['title'] })
    expect((await as(t.app, undefined).get('/api/payload-preferences')).status).toBe(403)
  })
})
