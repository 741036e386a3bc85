import type { TaskConfig } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idFromText, idOf } from '../../../src/access'
import { FEATURED_SLUGS, FEATURED_TASKS, PROPOSAL_STATE_LABELS, type ProposalState } from '../constants'
import type { SanitizedFeaturedCoursesOptions } from '../types'

type Doc = Record<string, any>

/**
 * Emails a move of a proposal to its authors (the creator and team members with an account) and
 * its assigned reviewers, each in their own language, through the jobs queue (retried on failure).
 */
export const notifyProposalTransitionTask = (options: SanitizedFeaturedCoursesOptions): TaskConfig<{ input: { proposalId: string; sequence: number }; output: object }> => ({
  slug: FEATURED_TASKS.notifyTransition,
  label: 'Email a featured-course proposal’s move to its authors and reviewers',
  inputSchema: [
    { name: 'proposalId', type: 'text', required: true },
    { name: 'sequence', type: 'number', required: true },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const proposal = (await payload.findByID({ collection: FEATURED_SLUGS.proposals as never, id: idFromText(input.proposalId) as never, depth: 0, overrideAccess: true, req })) as Doc
    const move = (await payload.find({ collection: FEATURED_SLUGS.transitions as never, where: { key: { equals: `${proposal.id}:${input.sequence}` } }, limit: 1, depth: 0, overrideAccess: true, req })).docs[0] as Doc | undefined
    if (!move) return { output: {} }
    const reviewers = (await payload.find({
      collection: FEATURED_SLUGS.reviews as never,
      where: { and: [{ proposal: { equals: proposal.id } }, { revision: { equals: proposal.revision } }, { status: { not_equals: 'withdrawn' } }] },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })).docs.map((r) => idOf((r as Doc).reviewer))
    const authors = [idOf(proposal.createdBy), ...((proposal.team ?? []) as Doc[]).map((m) => idOf(m.user))]
    const ids = [...new Set([...authors, ...reviewers].filter((id) => id !== undefined && id !== null).map(String))]
    if (!ids.length) return { output: {} }
    const { docs: people } = await payload.find({ collection: CORE.users, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
    const link = `${options.publicUrl}/admin/collections/${FEATURED_SLUGS.proposals}/${proposal.id}`
    for (const person of people as Doc[]) {
      const en = person.preferredLanguage === 'en'
      const state = (s: ProposalState | null | undefined) => (s ? PROPOSAL_STATE_LABELS[s][en ? 1 : 0] : '—')
      const isReviewer = reviewers.some((r) => String(r) === String(person.id))
      const text = en
        ? [
            `Dear ${person.name},`,
            '',
            `The featured-course proposal "${proposal.title}" moved from ${state(move.from)} to ${state(move.to)}.`,
            ...(move.comment ? [`Comment: ${move.comment}`] : []),
            ...(isReviewer && move.to === 'under-review' ? ['You are one of its reviewers: please score it on the round’s rubric.'] : []),
            '',
            link,
          ]
        : [
            `${person.name}：`,
            '',
            `特色课程申报《${proposal.title}》已由“${state(move.from)}”变为“${state(move.to)}”。`,
            ...(move.comment ? [`说明：${move.comment}`] : []),
            ...(isReviewer && move.to === 'under-review' ? ['您是该申报的评审专家，请按本批次评审指标打分。'] : []),
            '',
            link,
          ]
      await payload.sendEmail({ to: person.email, subject: en ? `Proposal ${state(move.to)}: ${proposal.title} · LianPei` : `申报${state(move.to)}：${proposal.title} · 联培`, text: text.join('\n') })
    }
    return { output: {} }
  },
})

