/**
 * Seeds the featured-course workflow by walking it as its users would: the authors create and
 * submit, the plugin assigns reviewers, the reviewers score, the administrator decides and funds.
 * Only when the featured-courses plugin is enabled; a proposal already there is left as it is.
 */
import type { Payload } from 'payload'
import { demoProposals, demoRounds, type DemoProposal } from './data/proposals'

type Id = number | string
type Doc = Record<string, any>
type Lookup = { org: (key: string) => Id; user: (email: string) => Id; course: (code: string) => Promise<Id | undefined>; progress: (message: string) => void }

const DAY = 86_400_000
const ROUNDS = 'proposal-rounds'
const PROPOSALS = 'course-proposals'

/** A reviewer's scores around their overall mark, so that the criteria differ a little. */
const scoresAround = (mark: number, rubric: Doc[]) => rubric.map((c, i) => ({ criterion: c.key, score: Math.max(0, Math.min(100, mark + [3, -2, 1, -2][i % 4])) }))

export async function seedFeaturedCourses(payload: Payload, { org, user, course, progress }: Lookup): Promise<number> {
  if (!payload.collections[PROPOSALS as never]) return 0
  const asUser = async (email: string) => ({ ...(await payload.findByID({ collection: 'users', id: user(email), depth: 0, overrideAccess: true })), collection: 'users' }) as never
  const admin = await asUser('admin@lianpei.demo')
  let created = 0

  for (const round of demoRounds) {
    const existing = (await payload.find({ collection: ROUNDS as never, where: { title: { equals: round.title } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Doc | undefined
    if (existing) continue
    // Opened around today so its proposals can be submitted; a past round gets its real dates after.
    const now = Date.now()
    const open = 'opensInDays' in round.window ? { opensAt: new Date(now + round.window.opensInDays * DAY).toISOString(), closesAt: new Date(now + round.window.closesInDays * DAY).toISOString() } : { opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + DAY).toISOString() }
    const doc = (await payload.create({ collection: ROUNDS as never, data: { title: round.title, titleEn: round.titleEn, budget: round.budget, ...open } as never, overrideAccess: true })) as Doc
    created++
    progress(`  + ${ROUNDS}: ${round.title}`)
    for (const proposal of demoProposals.filter((p) => p.round === round.key)) {
      await walk(payload, doc, proposal, { org, user, course, asUser, admin })
      created++
      progress(`  + ${PROPOSALS}: ${proposal.title} (${proposal.outcome})`)
    }
    if (!('opensInDays' in round.window)) await payload.update({ collection: ROUNDS as never, id: doc.id, data: round.window as never, overrideAccess: true })
  }
  return created
}

async function walk(payload: Payload, round: Doc, p: DemoProposal, ctx: Omit<Lookup, 'progress'> & { asUser: (email: string) => Promise<never>; admin: never }) {
  const courseId = await ctx.course(p.course)
  if (courseId === undefined) throw new Error(`demo proposal names an unknown course ${p.course}`)
  const author = await ctx.asUser(p.createdBy)
  const data = {
    title: p.title,
    round: round.id,
    course: courseId,
    leadOrganization: ctx.org(p.lead),
    partners: p.partners.map(ctx.org),
    team: p.team.map((m) => ({ name: m.name, role: m.role, organization: ctx.org(m.organization), user: m.user ? ctx.user(m.user) : undefined })),
    innovation: p.innovation,
    plannedCredits: p.plannedCredits,
    plannedHours: p.plannedHours,
    practiceShare: p.practiceShare,
  }
  const proposal = (await payload.create({ collection: PROPOSALS as never, data: data as never, user: author, overrideAccess: true, depth: 0 })) as Doc
  if (p.outcome === 'draft') return
  await payload.update({ collection: PROPOSALS as never, id: proposal.id, data: { status: 'submitted' } as never, user: author, overrideAccess: true })

  const reviews = (await payload.find({ collection: 'proposal-reviews' as never, where: { proposal: { equals: proposal.id } }, sort: 'id', depth: 0, pagination: false, overrideAccess: true })).docs as Doc[]
  for (const [i, review] of reviews.entries()) {
    const mark = p.scores?.[i]
    if (mark === undefined) continue
    const reviewer = (await payload.findByID({ collection: 'users', id: review.reviewer, depth: 0, overrideAccess: true })) as Doc
    await payload.update({
      collection: 'proposal-reviews' as never,
      id: review.id,
      data: { scores: scoresAround(mark, round.rubric), recommendation: mark >= 75 ? 'approve' : mark >= 60 ? 'revise' : 'reject', comment: mark >= 75 ? '课程设计完整，企业参与度高。' : '建议加强实践环节。', status: 'submitted' } as never,
      user: { ...reviewer, collection: 'users' } as never,
      overrideAccess: true,
    })
  }
  if (p.outcome === 'under-review') return
  await payload.update({ collection: PROPOSALS as never, id: proposal.id, data: { status: p.outcome, transitionComment: p.decisionComment } as never, user: ctx.admin, overrideAccess: true })
  if (!p.award) return
  const award = (await payload.create({ collection: 'funding-awards' as never, data: { proposal: proposal.id, amount: p.award.amount, tier: p.award.tier } as never, user: ctx.admin, overrideAccess: true })) as Doc
  if (p.award.disbursed) await payload.update({ collection: 'funding-awards' as never, id: award.id, data: { status: 'disbursed' } as never, user: ctx.admin, overrideAccess: true })
}
