/**
 * The featured-course workflow through the REST API: rounds and their window, proposals and their
 * moves, reviewer assignment and the conflict rule, blind review (REST and GraphQL), the decision,
 * the publish gate on every path, funding within the budget (also under 20 concurrent awards, and
 * a budget lowered while awards are made), the
 * committee's CSV and the emails at each move.
 */
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moveProposal } from '../../plugins/featured-courses/hooks/moveProposal'
import { as, createOrganization, createSignedInUser, createUser, type SignedInUser } from '../helpers/fixtures'
import { startSmtpServer, textOf } from '../helpers/smtp'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
type Person = SignedInUser
let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let university: Id
let enterprise: Id
let admin: Person
let author: Person
let outsider: Person
const reviewers: Person[] = []
let conflicted: Person
let seq = 0

const DAY = 86_400_000
const iso = (offset: number) => new Date(Date.now() + offset).toISOString()

const person = (roles: Parameters<typeof createUser>[1], org: Id, extra: Record<string, unknown> = {}): Promise<Person> => createSignedInUser(t, roles, org, extra)

beforeAll(async () => {
  smtp = await startSmtpServer()
  t = await startTestApp({ env: { SMTP_URL: smtp.url } })
  university = (await createOrganization(t.payload, 'university', '10001', '嵩山大学')).id
  enterprise = (await createOrganization(t.payload, 'enterprise', '91410100MA0000FC01', '嵩山机器人')).id
  const otherUniversity = (await createOrganization(t.payload, 'university', '10002', '蓉城大学')).id
  const agency = (await createOrganization(t.payload, 'agency', '12410100MB0000FC02', '基地办公室')).id
  const otherEnterprise = (await createOrganization(t.payload, 'enterprise', '91510100MA0000FC03', '天府软件')).id
  admin = await person(['admin'], agency)
  author = await person(['author'], university)
  outsider = await person(['author'], otherUniversity)
  for (const org of [otherUniversity, agency, otherEnterprise, otherUniversity]) reviewers.push(await person(['reviewer'], org))
  conflicted = await person(['reviewer'], enterprise)
})
afterAll(async () => {
  await t?.stop()
  await smtp?.close()
})

async function round(extra: Record<string, unknown> = {}) {
  seq++
  const res = await as(t.app, admin.token).post('/api/proposal-rounds').send({ title: `2026 年度特色课程 ${seq}`, opensAt: iso(-DAY), closesAt: iso(DAY), budget: 100000, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: Id; rubric: Array<{ key: string; weight: number }> }
}

async function draftCourse() {
  seq++
  const res = await as(t.app, author.token).post('/api/courses?draft=true').send({ title: `智能产线调试 ${seq}`, code: `FC-${Date.now().toString(36).toUpperCase()}-${seq}`, credits: 2, featured: true, _status: 'draft' })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: Id }
}

const complete = (roundId: Id, courseId: Id) => ({
  title: `特色课程申报 ${seq}`,
  round: roundId,
  course: courseId,
  leadOrganization: university,
  partners: [enterprise],
  team: [
    { name: '周文博', role: 'lead', organization: university, user: author.id },
    { name: '黄志强', role: 'enterprise-expert', organization: enterprise },
  ],
  innovation: { technology: '数字孪生调试', standards: 'GB/T 39116 智能制造能力成熟度', processes: '柔性产线换型' },
  plannedCredits: 2,
  plannedHours: 32,
  practiceShare: 50,
})

async function proposal(roundId: Id, extra: Record<string, unknown> = {}) {
  const course = await draftCourse()
  const res = await as(t.app, author.token).post('/api/course-proposals').send({ ...complete(roundId, course.id), ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { ...(res.body.doc as { id: Id; status: string }), course: course.id }
}

const move = (token: string, id: Id, to: string, comment?: string) => as(t.app, token).post(`/api/course-proposals/${id}/transition`).send({ to, ...(comment && { comment }) })
const count = async (collection: string, where: Record<string, unknown> = {}) => (await t.payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs
const reviewsOf = async (id: Id) => (await t.payload.find({ collection: 'proposal-reviews' as never, where: { proposal: { equals: id } }, depth: 0, pagination: false, overrideAccess: true })).docs as Array<Record<string, any>>
const tokenOf = (reviewerId: unknown) => [...reviewers, conflicted].find((r) => String(r.id) === String(reviewerId))!.token
const scoresAll = (value: number, rubric: Array<{ key: string }>) => rubric.map((c) => ({ criterion: c.key, score: value }))

/** A proposal submitted and reviewed with each reviewer's score, ready for the decision. */
async function reviewed(values: number[]) {
  const r = await round()
  const p = await proposal(r.id)
  expect((await move(author.token, p.id, 'submitted')).body.doc.status).toBe('under-review')
  const reviews = await reviewsOf(p.id)
  for (const [i, review] of reviews.entries()) {
    const res = await as(t.app, tokenOf(review.reviewer)).patch(`/api/proposal-reviews/${review.id}`).send({ scores: scoresAll(values[i], r.rubric), recommendation: 'approve', status: 'submitted' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  return { round: r, proposal: p, reviews }
}

describe('rounds and submission', () => {
  it('refuses a submission outside the window with a clear 400, and writes nothing', async () => {
    const closed = await round({ opensAt: iso(-10 * DAY), closesAt: iso(-DAY) })
    const early = await round({ opensAt: iso(DAY), closesAt: iso(10 * DAY) })
    for (const r of [closed, early]) {
      const p = await proposal(r.id)
      const res = await move(author.token, p.id, 'submitted')
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(closed === r ? /closed to submissions/ : /does not take submissions yet/)
      expect((await t.payload.findByID({ collection: 'course-proposals' as never, id: p.id, overrideAccess: true }) as { status: string }).status).toBe('draft')
      expect(await count('proposal-transitions', { proposal: { equals: p.id } })).toBe(0)
      expect(await count('proposal-reviews', { proposal: { equals: p.id } })).toBe(0)
    }
  })

  it('refuses an incomplete submission, naming what is missing', async () => {
    const r = await round()
    const p = await proposal(r.id, { team: [], innovation: {}, practiceShare: null })
    const res = await move(author.token, p.id, 'submitted')
    expect(res.status).toBe(400)
    const messages = JSON.stringify(res.body)
    expect(messages).toMatch(/course lead/)
    expect(messages).toMatch(/new technology/)
    expect(messages).toMatch(/practice share/)
  })

  it('wants a university as lead and enterprises as partners, and an author of one of them', async () => {
    const r = await round()
    const course = await draftCourse()
    const wrongLead = await as(t.app, author.token).post('/api/course-proposals').send({ ...complete(r.id, course.id), leadOrganization: enterprise, partners: [] })
    expect(wrongLead.status).toBe(400)
    expect(JSON.stringify(wrongLead.body)).toMatch(/lead organisation must be a university/)
    const notMine = await as(t.app, outsider.token).post('/api/course-proposals').send(complete(r.id, course.id))
    expect(notMine.status).toBe(403)
    const startsSubmitted = await as(t.app, author.token).post('/api/course-proposals').send({ ...complete(r.id, course.id), status: 'approved' })
    expect(startsSubmitted.status).toBe(400)
    expect(await count('course-proposals', { course: { equals: course.id } })).toBe(0)
  })
})

describe('moves and their roles', () => {
  it('leaves no history behind a move whose write Payload refuses, and the next move goes through', async () => {
    const r = await round()
    const p = await proposal(r.id)
    const refused = await as(t.app, author.token).patch(`/api/course-proposals/${p.id}`).send({ status: 'submitted', practiceShare: 150 })
    expect(refused.status).toBe(400)
    expect(await count('proposal-transitions', { proposal: { equals: p.id } })).toBe(0)
    expect((await move(author.token, p.id, 'submitted')).status).toBe(200)
    expect(await count('proposal-transitions', { proposal: { equals: p.id } })).toBe(2)
  })

  it('answers malformed lists and a course of another organisation with a 400', async () => {
    const r = await round()
    const course = await draftCourse()
    const notAList = await as(t.app, author.token).post('/api/course-proposals').send({ ...complete(r.id, course.id), partners: 5 })
    expect(notAList.status).toBe(400)
    const elsewhere = await as(t.app, outsider.token).post('/api/courses?draft=true').send({ title: '别校课程', code: `FC-OTHER-${Date.now().toString(36).toUpperCase()}`, credits: 1, _status: 'draft' })
    const foreign = await as(t.app, author.token).post('/api/course-proposals').send(complete(r.id, elsewhere.body.doc.id))
    expect(foreign.status).toBe(400)
    expect(JSON.stringify(foreign.body)).toMatch(/must belong to the lead university or a partner/)
    expect(await count('course-proposals', { course: { in: [course.id, elsewhere.body.doc.id] } })).toBe(0)
  })

  it('refuses a move that does not exist from the current state, or by the wrong role', async () => {
    const r = await round()
    const p = await proposal(r.id)
    const skip = await move(admin.token, p.id, 'approved')
    expect(skip.status).toBe(409)
    expect(skip.body.errors[0].message).toMatch(/cannot move from draft to approved/)
    expect((await move(admin.token, p.id, 'submitted')).status).toBe(403)
    expect((await move(outsider.token, p.id, 'submitted')).status).toBe(404)
    // The same rules through a plain PATCH.
    expect((await as(t.app, author.token).patch(`/api/course-proposals/${p.id}`).send({ status: 'approved' })).status).toBe(409)
    const bad = await as(t.app, author.token).post(`/api/course-proposals/${p.id}/transition`).send({ to: 'published' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/to must be one of/)
    expect(await count('proposal-transitions', { proposal: { equals: p.id } })).toBe(0)
  })

  it('assigns three reviewers evenly on submission, never from the lead’s or a partner’s organisation, and keeps the history', async () => {
    const r = await round()
    const first = await proposal(r.id)
    const second = await proposal(r.id)
    expect((await move(author.token, first.id, 'submitted')).body.doc.status).toBe('under-review')
    expect((await move(author.token, second.id, 'submitted')).body.doc.status).toBe('under-review')
    const assigned = [...(await reviewsOf(first.id)), ...(await reviewsOf(second.id))].map((rv) => String(rv.reviewer))
    expect(assigned).toHaveLength(6)
    expect(assigned).not.toContain(String(conflicted.id))
    // Four eligible reviewers, six places: nobody has more than one more than another.
    const load = reviewers.map((rv) => assigned.filter((a) => a === String(rv.id)).length)
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1)

    const history = await as(t.app, author.token).get(`/api/proposal-transitions?where[proposal][equals]=${first.id}&sort=sequence`)
    expect(history.body.docs.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual(['draft>submitted', 'submitted>under-review'])
    expect(history.body.docs[0].by.id ?? history.body.docs[0].by).toBe(author.id)
    expect(history.body.docs[1].by).toBeFalsy()
    expect(history.body.docs[1].comment).toMatch(/3 reviewers assigned/)
  })

  it('refuses assigning a reviewer from a partner organisation, twice the same, or a non-reviewer', async () => {
    const r = await round()
    const p = await proposal(r.id)
    await move(author.token, p.id, 'submitted')
    const before = await count('proposal-reviews', { proposal: { equals: p.id } })
    const conflict = await as(t.app, admin.token).post('/api/proposal-reviews').send({ proposal: p.id, reviewer: conflicted.id })
    expect(conflict.status).toBe(400)
    expect(JSON.stringify(conflict.body)).toMatch(/lead or a partner organisation/)
    const existing = (await reviewsOf(p.id))[0]
    expect((await as(t.app, admin.token).post('/api/proposal-reviews').send({ proposal: p.id, reviewer: existing.reviewer })).status).toBe(409)
    expect((await as(t.app, admin.token).post('/api/proposal-reviews').send({ proposal: p.id, reviewer: outsider.id })).status).toBe(400)
    expect((await as(t.app, reviewers[0].token).post('/api/proposal-reviews').send({ proposal: p.id, reviewer: reviewers[0].id })).status).toBe(403)
    expect(await count('proposal-reviews', { proposal: { equals: p.id } })).toBe(before)
  })

  it('lets two administrators decide at the same moment only once', async () => {
    const other = await person(['admin'], university)
    // Several times: which request reads what first varies, and each interleaving must end in one
    // decision (the test below makes the one that CI caught certain).
    for (let i = 0; i < 3; i++) {
      const { proposal: p } = await reviewed([80, 80, 80])
      const [a, b] = await Promise.all([move(admin.token, p.id, 'approved'), move(other.token, p.id, 'rejected', 'Not now')])
      expect([a.status, b.status].sort()).toEqual([200, 409])
      const moves = await count('proposal-transitions', { proposal: { equals: p.id } })
      expect(moves).toBe(3)
    }
  })

  it('refuses a decision made on a proposal read before another decision committed', async () => {
    // The interleaving the concurrent test above can only hope to hit, made certain: the hook is
    // handed the proposal as it was read before an approval committed.
    const { proposal: p } = await reviewed([80, 80, 80])
    const stale = await t.payload.findByID({ collection: 'course-proposals' as never, id: p.id, depth: 0, overrideAccess: true })
    expect((await move(admin.token, p.id, 'approved')).status).toBe(200)
    const user = await t.payload.findByID({ collection: 'users', id: admin.id, depth: 0, overrideAccess: true })
    const req = await createLocalReq({ user: { ...user, collection: 'users' } } as never, t.payload)
    const decide = moveProposal({ data: { status: 'rejected', transitionComment: 'Not now' }, originalDoc: stale, operation: 'update', req, context: {}, collection: (t.payload.collections as Record<string, { config: unknown }>)['course-proposals']!.config } as never)
    await expect(decide).rejects.toMatchObject({ status: 409 })
    expect(await count('proposal-transitions', { proposal: { equals: p.id } })).toBe(3)
  })

  it('is not stopped by a history row that a failed write left behind', async () => {
    // What a crash between the history row and the proposal's own write leaves on SQLite, which
    // has no transaction to roll the row back: a move recorded that the proposal never made.
    const { proposal: p } = await reviewed([80, 80, 80])
    const before = (await t.payload.findByID({ collection: 'course-proposals' as never, id: p.id, depth: 0, overrideAccess: true })) as { status: string; moves: number }
    expect(before.status).toBe('under-review')
    await t.payload.create({
      collection: 'proposal-transitions' as never,
      data: { key: `${p.id}:${before.moves + 1}`, proposal: p.id, sequence: before.moves + 1, from: 'under-review', to: 'rejected', at: new Date().toISOString(), comment: 'never happened' } as never,
      overrideAccess: true,
    })
    const res = await move(admin.token, p.id, 'approved')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc.status).toBe('approved')
    const history = (await t.payload.find({ collection: 'proposal-transitions' as never, where: { proposal: { equals: p.id } }, sort: '-sequence', limit: 1, depth: 0, overrideAccess: true })).docs[0] as { to: string; sequence: number }
    expect(history).toMatchObject({ to: 'approved', sequence: before.moves + 2 })
  })
})

describe('blind review', () => {
  it('hides the other reviewers’ scores until a reviewer submits their own, through REST and GraphQL', async () => {
    const r = await round()
    const p = await proposal(r.id)
    await move(author.token, p.id, 'submitted')
    const [first, second] = await reviewsOf(p.id)
    const firstToken = tokenOf(first.reviewer)
    const secondToken = tokenOf(second.reviewer)
    expect((await as(t.app, firstToken).patch(`/api/proposal-reviews/${first.id}`).send({ scores: scoresAll(90, r.rubric), status: 'submitted' })).status).toBe(200)

    const list = await as(t.app, secondToken).get(`/api/proposal-reviews?where[proposal][equals]=${p.id}`)
    expect(list.body.docs.map((d: { id: Id }) => d.id)).toEqual([second.id])
    expect((await as(t.app, secondToken).get(`/api/proposal-reviews/${first.id}`)).status).toBe(404)
    const proposalSeen = await as(t.app, secondToken).get(`/api/course-proposals/${p.id}`)
    expect(proposalSeen.status).toBe(200)
    expect(proposalSeen.body.reviewSummary).toBeUndefined()
    const gql = await as(t.app, secondToken).post('/api/graphql').send({ query: `{ ProposalReviews(where: { proposal: { equals: ${JSON.stringify(p.id)} } }) { docs { id weightedScore } } CourseProposal(id: ${JSON.stringify(p.id)}) { reviewSummary { meanScore } } }` })
    expect(gql.body.data.ProposalReviews.docs.map((d: { id: Id }) => String(d.id))).toEqual([String(second.id)])
    expect(gql.body.data.CourseProposal.reviewSummary?.meanScore ?? null).toBeNull()
    // The author sees neither while the committee has not decided.
    expect((await as(t.app, author.token).get(`/api/proposal-reviews?where[proposal][equals]=${p.id}`)).status).toBe(403)
    expect((await as(t.app, author.token).get(`/api/course-proposals/${p.id}`)).body.reviewSummary).toBeUndefined()

    expect((await as(t.app, secondToken).patch(`/api/proposal-reviews/${second.id}`).send({ scores: scoresAll(70, r.rubric), status: 'submitted' })).status).toBe(200)
    const after = await as(t.app, secondToken).get(`/api/proposal-reviews?where[proposal][equals]=${p.id}&sort=id`)
    expect(after.body.docs.map((d: { weightedScore: number }) => d.weightedScore).sort()).toEqual([70, 90])
    expect((await as(t.app, secondToken).get(`/api/course-proposals/${p.id}`)).body.reviewSummary.meanScore).toBe(80)
    // A reviewer not assigned to it does not see the proposal at all.
    const stranger = reviewers.find((rv) => ![String(first.reviewer), String(second.reviewer)].includes(String(rv.id)) && !(/* third */ false))!
    const assignedIds = (await reviewsOf(p.id)).map((rv) => String(rv.reviewer))
    if (!assignedIds.includes(String(stranger.id))) expect((await as(t.app, stranger.token).get(`/api/course-proposals/${p.id}`)).status).toBe(404)
  })

  it('refuses scores outside 0–100, unknown criteria, a partial submission and another reviewer’s review', async () => {
    const r = await round()
    const p = await proposal(r.id)
    await move(author.token, p.id, 'submitted')
    const [review, other] = await reviewsOf(p.id)
    const token = tokenOf(review.reviewer)
    const send = (body: Record<string, unknown>, id: Id = review.id, as_ = token) => as(t.app, as_).patch(`/api/proposal-reviews/${id}`).send(body)
    const high = await send({ scores: [{ criterion: r.rubric[0].key, score: 101 }] })
    expect(high.status).toBe(400)
    expect(JSON.stringify(high.body)).toMatch(/between 0 and 100|100/)
    expect((await send({ scores: [{ criterion: r.rubric[0].key, score: -1 }] })).status).toBe(400)
    const unknown = await send({ scores: [{ criterion: 'charisma', score: 50 }] })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toMatch(/not a criterion/)
    const partial = await send({ scores: [{ criterion: r.rubric[0].key, score: 50 }], status: 'submitted' })
    expect(partial.status).toBe(400)
    expect(JSON.stringify(partial.body)).toMatch(/missing/)
    expect((await send({ scores: scoresAll(50, r.rubric) }, other.id)).status).toBe(403)
    const stored = (await reviewsOf(p.id)).find((rv) => rv.id === review.id)!
    expect(stored.status).toBe('assigned')
    expect(stored.scores).toEqual([])
    // Submitted is final.
    expect((await send({ scores: scoresAll(60, r.rubric), status: 'submitted' })).status).toBe(200)
    expect((await send({ scores: scoresAll(99, r.rubric) })).status).toBe(403)
    // An administrator may withdraw an open assignment, not score it.
    expect((await as(t.app, admin.token).patch(`/api/proposal-reviews/${other.id}`).send({ scores: scoresAll(50, r.rubric) })).status).toBe(403)
    const withdrawn = await as(t.app, admin.token).patch(`/api/proposal-reviews/${other.id}`).send({ status: 'withdrawn' })
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200)
  })
})

describe('decision', () => {
  it('waits for every review, then proposes approval at the threshold and records the decision', async () => {
    const r = await round()
    const p = await proposal(r.id)
    await move(author.token, p.id, 'submitted')
    const [one] = await reviewsOf(p.id)
    await as(t.app, tokenOf(one.reviewer)).patch(`/api/proposal-reviews/${one.id}`).send({ scores: scoresAll(90, r.rubric), status: 'submitted' })
    const early = await move(admin.token, p.id, 'approved')
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/1 of 3 submitted/)

    const { proposal: high } = await reviewed([80, 75, 70])
    const summary = (await as(t.app, admin.token).get(`/api/course-proposals/${high.id}`)).body.reviewSummary
    expect(summary.meanScore).toBe(75)
    expect(summary.suggestion).toBe('approve')
    expect(summary.criteria).toHaveLength(4)
    expect((await move(author.token, high.id, 'approved')).status).toBe(403)
    const decided = await move(admin.token, high.id, 'approved', '同意立项')
    expect(decided.status).toBe(200)
    expect(decided.body.doc.decisionComment).toBe('同意立项')
    // Decided: the author now sees the summary.
    expect((await as(t.app, author.token).get(`/api/course-proposals/${high.id}`)).body.reviewSummary.meanScore).toBe(75)

    const { proposal: middling } = await reviewed([65, 60, 70])
    expect((await as(t.app, admin.token).get(`/api/course-proposals/${middling.id}`)).body.reviewSummary.suggestion).toBe('revise')
    const { proposal: low } = await reviewed([40, 50, 30])
    expect((await as(t.app, admin.token).get(`/api/course-proposals/${low.id}`)).body.reviewSummary.suggestion).toBe('reject')
    const noReason = await move(admin.token, low.id, 'rejected')
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0].message).toMatch(/needs a comment/)
  })

  it('takes a revision after the window closes and sends it back to its earlier reviewers', async () => {
    const { round: r, proposal: p, reviews } = await reviewed([65, 65, 65])
    expect((await move(admin.token, p.id, 'revision-requested', '请补充企业案例')).status).toBe(200)
    expect((await as(t.app, author.token).patch(`/api/course-proposals/${p.id}`).send({ practiceShare: 60 })).status).toBe(200)
    await as(t.app, admin.token).patch(`/api/proposal-rounds/${r.id}`).send({ opensAt: iso(-10 * DAY), closesAt: iso(-DAY) })
    const again = await move(author.token, p.id, 'submitted')
    expect(again.status).toBe(200)
    expect(again.body.doc.status).toBe('under-review')
    expect(again.body.doc.revision).toBe(2)
    const second = (await reviewsOf(p.id)).filter((rv) => rv.revision === 2)
    expect(second.map((rv) => String(rv.reviewer)).sort()).toEqual(reviews.map((rv) => String(rv.reviewer)).sort())
    // Under review again, the authors cannot edit it.
    const edit = await as(t.app, author.token).patch(`/api/course-proposals/${p.id}`).send({ practiceShare: 10 })
    expect(edit.status).toBe(409)
  })

  it('emails each move to the authors and the assigned reviewers', async () => {
    await t.payload.jobs.run({ limit: 1000 })
    smtp.received.length = 0
    const { proposal: p, reviews } = await reviewed([85, 85, 85])
    await move(admin.token, p.id, 'approved')
    await t.payload.jobs.run({ limit: 100 })
    const to = (address: string) => smtp.received.filter((m) => m.to.includes(address)).map((m) => textOf(m.raw))
    const authorMail = to(author.email)
    expect(authorMail.length).toBe(3)
    expect(authorMail.join('\n')).toMatch(/已由“评审中”变为“已立项”/)
    for (const review of reviews) {
      const email = [...reviewers, conflicted].find((rv) => String(rv.id) === String(review.reviewer))!.email
      expect(to(email).join('\n')).toMatch(/评审专家/)
    }
  })
})

describe('publish gate', () => {
  const publishVia = {
    rest: (id: Id) => as(t.app, author.token).patch(`/api/courses/${id}`).send({ _status: 'published' }),
    graphql: (id: Id) => as(t.app, author.token).post('/api/graphql').send({ query: `mutation { updateCourse(id: ${JSON.stringify(id)}, data: { _status: published, grading: { scheme: percentage } }) { id _status } }` }),
    local: (id: Id) => t.payload.update({ collection: 'courses', id, data: { _status: 'published' } as never, overrideAccess: true }),
  }

  it('keeps a featured course unpublished until its proposal is approved, on REST, GraphQL and the Local API', async () => {
    const r = await round()
    const p = await proposal(r.id)
    const rest = await publishVia.rest(p.course)
    expect(rest.status).toBe(403)
    expect(rest.body.errors[0].message).toMatch(/only once its proposal is approved/)
    const gql = await publishVia.graphql(p.course)
    expect(gql.body.errors?.[0]?.message, JSON.stringify(gql.body)).toMatch(/only once its proposal is approved/)
    await expect(publishVia.local(p.course)).rejects.toThrow(/申报立项后才能发布/)
    const created = await as(t.app, author.token).post('/api/courses').send({ title: '直接发布的特色课程', code: `FC-DIRECT-${Date.now().toString(36).toUpperCase()}`, credits: 1, featured: true, _status: 'published' })
    expect(created.status).toBe(403)
    expect((await t.payload.findByID({ collection: 'courses', id: p.course, overrideAccess: true }))._status).toBe('draft')

    const { proposal: approved } = await reviewed([90, 90, 90])
    expect((await publishVia.rest(approved.course)).status).toBe(403)
    await move(admin.token, approved.id, 'approved')
    const ok = await publishVia.rest(approved.course)
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.doc._status).toBe('published')
  })

  it('keeps a course with a proposal under way unpublished even when it is unticked as featured', async () => {
    const r = await round()
    const p = await proposal(r.id)
    expect((await as(t.app, author.token).patch(`/api/courses/${p.course}?draft=true`).send({ featured: false, _status: 'draft' })).status).toBe(200)
    expect((await publishVia.rest(p.course)).status).toBe(403)
  })

  it('leaves a course that is not featured alone', async () => {
    const res = await as(t.app, author.token).post('/api/courses').send({ title: '普通课程', code: `FC-PLAIN-${Date.now().toString(36).toUpperCase()}`, credits: 1, _status: 'published' })
    expect(res.status).toBe(201)
  })
})

describe('funding', () => {
  async function approved(budget: number) {
    const r = await round({ budget })
    const p = await proposal(r.id)
    await move(author.token, p.id, 'submitted')
    for (const review of await reviewsOf(p.id)) {
      await as(t.app, tokenOf(review.reviewer)).patch(`/api/proposal-reviews/${review.id}`).send({ scores: scoresAll(88, r.rubric), status: 'submitted' })
    }
    expect((await move(admin.token, p.id, 'approved')).status).toBe(200)
    return { round: r, proposal: p }
  }
  const award = (proposalId: Id, amount: number, tier = 'provincial', token = admin.token) => as(t.app, token).post('/api/funding-awards').send({ proposal: proposalId, amount, tier })

  it('funds an approved proposal within the budget, designates its course, and refuses the rest with nothing written', async () => {
    const { round: r, proposal: p } = await approved(50000)
    const over = await award(p.id, 50000.01)
    expect(over.status).toBe(409)
    expect(over.body.errors[0].message).toMatch(/over the budget.*50000 CNY remain/)
    expect((await award(p.id, 100, 'provincial', author.token)).status).toBe(403)
    expect((await award(p.id, 10.001)).status).toBe(400)
    expect((await award(p.id, -5)).status).toBe(400)
    expect(await count('funding-awards', { round: { equals: r.id } })).toBe(0)

    const ok = await award(p.id, 30000, 'municipal')
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body.doc.organization).toBe(university)
    expect((await award(p.id, 100)).status).toBe(409)
    const course = await t.payload.findByID({ collection: 'courses', id: p.course, overrideAccess: true, draft: false })
    expect((course as { designation?: string }).designation).toBe('municipal')

    const draft = await (async () => {
      const other = await proposal(r.id)
      return award(other.id, 100)
    })()
    expect(draft.status).toBe(409)
    expect(draft.body.errors[0].message).toMatch(/only an approved proposal/)

    expect((await as(t.app, admin.token).patch(`/api/proposal-rounds/${r.id}`).send({ budget: 20000 })).status).toBe(409)
    expect((await as(t.app, admin.token).patch(`/api/funding-awards/${ok.body.doc.id}`).send({ amount: 1 })).body.doc?.amount ?? 30000).toBe(30000)
    expect((await as(t.app, admin.token).patch(`/api/funding-awards/${ok.body.doc.id}`).send({ status: 'withdrawn' })).status).toBe(400)
    expect((await as(t.app, admin.token).patch(`/api/funding-awards/${ok.body.doc.id}`).send({ status: 'disbursed' })).body.doc.disbursedAt).toBeTruthy()
    expect((await as(t.app, admin.token).patch(`/api/funding-awards/${ok.body.doc.id}`).send({ status: 'awarded' })).status).toBe(409)

    const totals = (await as(t.app, admin.token).get('/api/funding-awards/totals')).body
    const mine = totals.rounds.find((x: { round: Id }) => x.round === r.id)
    expect(mine).toMatchObject({ budget: 50000, awarded: 30000, disbursed: 30000, remaining: 20000, awards: 1 })
    expect(totals.organizations.find((o: { organization: Id }) => o.organization === university).awarded).toBeGreaterThanOrEqual(30000)
    expect((await as(t.app, author.token).get('/api/funding-awards/totals')).status).toBe(403)
  })

  it('never exceeds the budget when 20 awards are made at the same moment', async () => {
    const r = await round({ budget: 70000 })
    const approvedIds: Id[] = []
    const shared = await approved(1)
    void shared
    for (let i = 0; i < 20; i++) {
      const p = await proposal(r.id)
      // Approved directly: this test is about the budget, not the review.
      await t.payload.update({ collection: 'course-proposals' as never, id: p.id, data: { status: 'approved' } as never, overrideAccess: true, context: { bookkeeping: true } })
      approvedIds.push(p.id)
    }
    const results = await Promise.all(approvedIds.map((id) => award(id, 10000)))
    const statuses = results.map((res) => res.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(7)
    expect(statuses.filter((s) => s === 409)).toHaveLength(13)
    for (const res of results.filter((x) => x.status === 409)) expect(res.body.errors[0].message).toMatch(/over the budget/)
    const awards = (await t.payload.find({ collection: 'funding-awards' as never, where: { round: { equals: r.id } }, pagination: false, overrideAccess: true })).docs as Array<{ amount: number; sequence: number }>
    expect(awards.reduce((s, a) => s + a.amount, 0)).toBe(70000)
    expect(awards.map((a) => a.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('never lets a budget lowered while awards are being made fall below what they committed', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = await round({ budget: 60000 })
      const approvedIds: Id[] = []
      for (let i = 0; i < 4; i++) {
        const p = await proposal(r.id)
        await t.payload.update({ collection: 'course-proposals' as never, id: p.id, data: { status: 'approved' } as never, overrideAccess: true, context: { bookkeeping: true } })
        approvedIds.push(p.id)
      }
      const awarding = approvedIds.map((id) => award(id, 10000).then((res) => res))
      // The budget is lowered a moment after the awards start, while they read it.
      await new Promise((resolve) => setTimeout(resolve, attempt * 10))
      const [lowered, ...awarded] = await Promise.all([as(t.app, admin.token).patch(`/api/proposal-rounds/${r.id}`).send({ budget: 20000 }).then((res) => res), ...awarding])
      expect([200, 409]).toContain(lowered.status)
      for (const res of awarded) expect([201, 409]).toContain(res.status)
      const budget = ((await t.payload.findByID({ collection: 'proposal-rounds' as never, id: r.id, overrideAccess: true })) as { budget: number }).budget
      const awards = (await t.payload.find({ collection: 'funding-awards' as never, where: { round: { equals: r.id } }, pagination: false, overrideAccess: true })).docs as Array<{ amount: number }>
      const committed = awards.reduce((s, a) => s + a.amount, 0)
      expect(committed, `attempt ${attempt}: ${committed} awarded under a budget of ${budget}`).toBeLessThanOrEqual(budget)
      expect(budget).toBe(lowered.status === 200 ? 20000 : 60000)
    }
  })

  it('exports the round’s results as CSV with a BOM for the committee', async () => {
    const { round: r, proposal: p } = await approved(90000)
    await award(p.id, 40000, 'school')
    await t.payload.update({ collection: 'course-proposals' as never, id: p.id, data: { title: '=HYPERLINK("http://evil")' } as never, overrideAccess: true, context: { bookkeeping: true } })
    const res = await as(t.app, admin.token).get(`/api/proposal-rounds/${r.id}/results`).buffer(true).parse((response, done) => {
      let text = ''
      response.on('data', (c: Buffer) => (text += c.toString('utf8')))
      response.on('end', () => done(null, text))
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/csv/)
    const text = res.body as string
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const [header, row] = text.slice(1).trim().split('\n')
    expect(header).toContain('mean_score')
    expect(header).toContain(`mean_${r.rubric[0].key}`)
    expect(row).toContain("'=HYPERLINK")
    expect(row).toContain('88')
    expect(row).toContain('40000')
    expect(row).toContain('school')
    expect((await as(t.app, reviewers[0].token).get(`/api/proposal-rounds/${r.id}/results`)).status).toBe(403)
  })

  it('shows the designation in the catalogue API once the course is published', async () => {
    const { proposal: p } = await approved(10000)
    await award(p.id, 5000, 'provincial')
    await as(t.app, author.token).patch(`/api/courses/${p.course}`).send({ _status: 'published' })
    const res = await as(t.app).get('/api/catalogue?featured=true&limit=100')
    const course = res.body.docs.find((c: { id: Id }) => c.id === p.course)
    expect(course.designation).toBe('provincial')
  })
})
