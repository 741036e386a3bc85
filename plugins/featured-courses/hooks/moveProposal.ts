import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { APIError, Forbidden } from 'payload'
import { type AccessUser, idOf, userHasRole } from '../../../src/access'
import { isUniqueViolation } from '../../../src/errors'
import { say } from '../../../src/i18n/say'
import { isAuthorOf } from '../access'
import { FEATURED_SLUGS, PROPOSAL_STATE_LABELS, type ProposalState } from '../constants'
import { reviewsOfRevision, summarise } from '../review/summarise'
import { checkComplete, checkOrganisations, checkWindow } from '../workflow/checkProposal'
import { EDITABLE_STATES, findMove } from '../workflow/moves'

type Doc = Record<string, any>

/** Context flags the plugin sets on its own writes. */
export type ProposalContext = {
  /** A move the plugin makes (assigning reviewers puts a submission under review). */
  moveByPlatform?: boolean
  /** The comment of a move made through POST /:id/transition. */
  transitionComment?: string
  /** The plugin's own bookkeeping (review summary); not an edit by anyone. */
  bookkeeping?: boolean
  /** The history row this request wrote, until the proposal itself is written (hooks/undoFailedMove.ts). */
  pendingMove?: string | number
}

const movedMeanwhile = (req: PayloadRequest) =>
  new APIError(say(req, '该申报刚被他人改动，请刷新后再试', 'someone else moved this proposal a moment ago; reload it and try again'), 409)

const label = (req: PayloadRequest, state: ProposalState) => say(req, PROPOSAL_STATE_LABELS[state][0], PROPOSAL_STATE_LABELS[state][1])

/**
 * The one place a proposal's status moves (workflow/moves.ts): the move must exist from the current
 * state, the caller must hold its role, and what it needs must be there (the window and a complete
 * proposal to submit, the reviewers assigned, the reviews in, a comment). The move is recorded as a
 * proposal-transitions row before the proposal is written; its unique (proposal, sequence) key makes
 * a second move from the same state at the same moment fail with 409 instead of both happening, and
 * a move committed after this request read the proposal is refused with 409 as well.
 */
export const moveProposal: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const ctx = context as ProposalContext
  if (ctx.bookkeeping) return data
  const user = req.user as AccessUser | null
  const isAdmin = userHasRole(user, 'admin')
  const { transitionComment: _virtual, ...rest } = data

  if (operation === 'create') {
    if ((data.status ?? 'draft') !== 'draft') throw new APIError(say(req, '申报从草稿开始，再按流程提交', 'a proposal starts as a draft and is then submitted'), 400)
    await checkOrganisations(req, data)
    if (user && !isAdmin && !isAuthorOf(user, { ...data, createdBy: undefined })) {
      throw new APIError(say(req, '只能为本单位牵头或参与合作的课程申报', 'you may only propose a course your organisation leads or partners in'), 403)
    }
    return { ...rest, status: 'draft', createdBy: user?.id, revision: 0, moves: 0 }
  }

  const from = originalDoc.status as ProposalState
  const to = (data.status ?? from) as ProposalState
  const next = { ...originalDoc, ...data } as Doc
  if (to === from) {
    if (!EDITABLE_STATES.includes(from) && !isAdmin) {
      throw new APIError(say(req, `申报${label(req, from)}，不能再修改`, `a proposal that is ${from} cannot be edited`), 409)
    }
    if (data.leadOrganization !== undefined || data.partners !== undefined || data.course !== undefined) await checkOrganisations(req, next)
    return rest
  }

  const move = findMove(from, to)
  if (!move) throw new APIError(say(req, `申报不能从“${label(req, from)}”改为“${label(req, to)}”`, `a proposal cannot move from ${from} to ${to}`), 409)
  if (move.by === 'author' ? !isAuthorOf(user, originalDoc) : !(isAdmin || ctx.moveByPlatform)) {
    throw new Forbidden(req.t)
  }
  const comment = String(data.transitionComment ?? ctx.transitionComment ?? '').trim()
  if (move.needsComment && !comment) {
    throw new APIError(say(req, `改为“${label(req, to)}”须说明理由`, `moving a proposal to ${to} needs a comment saying why`), 400)
  }

  const round = (await req.payload.findByID({ collection: FEATURED_SLUGS.rounds as never, id: idOf(next.round) as never, depth: 0, overrideAccess: true, req })) as Doc
  const result: Doc = { ...rest, status: to }
  const now = new Date().toISOString()
  if (to === 'submitted') {
    // Only a first submission waits for the window: a revision the committee asked for may come after it closes.
    if (from === 'draft') checkWindow(req, round)
    await checkOrganisations(req, next)
    checkComplete(req, next)
    Object.assign(result, {
      revision: (originalDoc.revision ?? 0) + 1,
      submittedAt: now,
      decidedAt: null,
      decisionComment: null,
      assignedReviewers: [],
      submittedReviewers: [],
      reviewSummary: { reviewsIn: 0, reviewsNeeded: round.reviewersPerProposal, meanScore: null, suggestion: null, criteria: [] },
    })
  }
  if (to === 'under-review') {
    const assigned = (await reviewsOfRevision(req, originalDoc)).length
    if (assigned < round.reviewersPerProposal) {
      throw new APIError(say(req, `须先分配 ${round.reviewersPerProposal} 位评审专家（已分配 ${assigned} 位）`, `assign ${round.reviewersPerProposal} reviewers first (${assigned} assigned)`), 409)
    }
  }
  if (move.needsReviews) {
    // Counted from the review rows now, not from the stored summary, which two reviewers submitting at once could leave behind.
    const summary = summarise(await reviewsOfRevision(req, originalDoc), round)
    if (summary.reviewsIn < round.reviewersPerProposal) {
      throw new APIError(
        say(req, `评审尚未完成：已提交 ${summary.reviewsIn} / ${round.reviewersPerProposal} 份`, `the reviews are not all in: ${summary.reviewsIn} of ${round.reviewersPerProposal} submitted`),
        409,
      )
    }
    const { assigned, submitted, ...reviewSummary } = summary
    Object.assign(result, { decidedAt: now, decisionComment: comment || null, reviewSummary, assignedReviewers: assigned, submittedReviewers: submitted })
  }

  // After the last row, not a counter on the proposal: a row left by a failed write on SQLite then blocks nothing.
  const last = await req.payload.find({
    collection: FEATURED_SLUGS.transitions as never,
    where: { proposal: { equals: originalDoc.id } },
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const previous = last.docs[0] as Doc | undefined
  // A last row other than the move the proposal was read after is either a move committed since
  // (PostgreSQL reads committed rows, so a decision made on the stale `from` would be a second
  // one) or a row a failed write left behind on SQLite. The proposal as it is now tells which.
  if (previous && (previous.to !== from || previous.sequence !== originalDoc.moves)) {
    const current = (await req.payload.findByID({ collection: FEATURED_SLUGS.proposals as never, id: originalDoc.id, depth: 0, overrideAccess: true, req, select: { status: true, moves: true } as never })) as Doc
    if (current.status !== from || (current.moves ?? null) !== (originalDoc.moves ?? null)) throw movedMeanwhile(req)
  }
  const sequence = ((previous?.sequence as number | undefined) ?? 0) + 1
  try {
    const row = await req.payload.create({
      collection: FEATURED_SLUGS.transitions as never,
      data: { key: `${originalDoc.id}:${sequence}`, proposal: originalDoc.id, sequence, from, to, by: ctx.moveByPlatform ? null : user?.id, at: now, comment: comment || undefined } as never,
      overrideAccess: true,
      req,
    })
    ;(req.context as ProposalContext).pendingMove = (row as Doc).id
  } catch (error) {
    if (!isUniqueViolation(error, 'key')) throw error
    throw movedMeanwhile(req)
  }
  return { ...result, moves: sequence }
}
