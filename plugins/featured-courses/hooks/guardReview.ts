import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { APIError, Forbidden, ValidationError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type AccessUser, idOf, userHasRole } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { FEATURED_SLUGS } from '../constants'
import { conflictedOrganisations } from '../review/assignReviewers'
import { type Score, rubricOf, weightedScore } from '../review/rubric'

type Doc = Record<string, any>

const invalid = (req: PayloadRequest, path: string, zh: string, en: string) => new ValidationError({ collection: FEATURED_SLUGS.reviews, errors: [{ path, message: say(req, zh, en) }] })

async function load(req: PayloadRequest, collection: string, id: unknown): Promise<Doc | null> {
  if (id === undefined || id === null) return null
  return (await req.payload.findByID({ collection: collection as never, id: id as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
}

/** Criterion and score only, without the row ids Payload adds. */
const scoresOf = (scores: unknown) => (Array.isArray(scores) ? scores.map((s: Score) => [s.criterion, s.score]) : scores)

/** Scores on the round's criteria only, each once, each 0–100. */
function checkScores(req: PayloadRequest, rubric: ReturnType<typeof rubricOf>, scores: Score[]): void {
  const keys = new Set(rubric.map((c) => c.key))
  const seen = new Set<string>()
  for (const s of scores) {
    if (!keys.has(s.criterion)) throw invalid(req, 'scores', `“${s.criterion}”不是本批次的评审指标（${[...keys].join('、')}）`, `"${s.criterion}" is not a criterion of this round's rubric (${[...keys].join(', ')})`)
    if (seen.has(s.criterion)) throw invalid(req, 'scores', `指标“${s.criterion}”评了两次`, `criterion "${s.criterion}" is scored twice`)
    seen.add(s.criterion)
    if (typeof s.score !== 'number' || !Number.isFinite(s.score) || s.score < 0 || s.score > 100) {
      throw invalid(req, 'scores', `指标“${s.criterion}”的分数应在 0–100 之间（收到 ${s.score}）`, `the score for "${s.criterion}" must be between 0 and 100 (got ${s.score})`)
    }
  }
}

/**
 * Assigning: to a submitted or under-review proposal, a user who is a reviewer and from neither
 * the lead's nor a partner's organisation, once per revision. Scoring: by the assigned reviewer
 * only, while the proposal is under review, on the round's rubric; submitting needs every
 * criterion scored, and a submitted review never changes. Administrators may withdraw an open one.
 */
export const guardReview: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const user = req.user as AccessUser | null
  if (operation === 'create') {
    const proposal = await load(req, FEATURED_SLUGS.proposals, idOf(data.proposal))
    if (!proposal) throw invalid(req, 'proposal', '找不到该申报', 'no such proposal')
    if (!['submitted', 'under-review'].includes(proposal.status)) {
      throw new APIError(say(req, `申报状态为 ${proposal.status}，只能给已提交或评审中的申报分配评审`, `reviewers are assigned to submitted or under-review proposals; this one is ${proposal.status}`), 409)
    }
    const reviewer = await load(req, CORE.users, idOf(data.reviewer))
    if (!reviewer || !userHasRole(reviewer, 'reviewer')) throw invalid(req, 'reviewer', '评审人须为专家指导委员会评审', 'the reviewer must hold the reviewer role')
    if (conflictedOrganisations(proposal).has(String(idOf(reviewer.organization)))) {
      throw invalid(req, 'reviewer', `${reviewer.name ?? reviewer.email} 来自申报的牵头或合作单位，须回避`, `${reviewer.name ?? reviewer.email} is from the proposal's lead or a partner organisation and may not review it`)
    }
    const revision = proposal.revision ?? 0
    const key = `${proposal.id}:${reviewer.id}:${revision}`
    const existing = await req.payload.count({ collection: FEATURED_SLUGS.reviews as never, where: { key: { equals: key } }, overrideAccess: true, req })
    if (existing.totalDocs) throw new APIError(say(req, '该专家已被分配评审这份申报', 'this reviewer is already assigned to this proposal'), 409)
    return { ...data, key, round: idOf(proposal.round), revision, status: 'assigned', scores: [], weightedScore: null, submittedAt: null }
  }

  if (originalDoc.status !== 'assigned') {
    throw new APIError(say(req, '评审已提交或已撤回，不能再修改', `this review is ${originalDoc.status} and can no longer change`), 409)
  }
  const isReviewer = String(idOf(originalDoc.reviewer)) === String(user?.id)
  const to = data.status ?? originalDoc.status
  if (!isReviewer) {
    // Administrators (and the plugin) may only withdraw an assignment; the scores are the reviewer's.
    // Payload fills what the request left out from the stored review, so compare rather than look for absence.
    const scoresChanged = data.scores !== undefined && JSON.stringify(scoresOf(data.scores)) !== JSON.stringify(scoresOf(originalDoc.scores))
    if (to !== 'withdrawn' || scoresChanged) throw new Forbidden(req.t)
    return { ...data, status: 'withdrawn' }
  }
  if (to === 'withdrawn') throw new Forbidden(req.t)
  const proposal = await load(req, FEATURED_SLUGS.proposals, idOf(originalDoc.proposal))
  if (proposal?.status !== 'under-review' || proposal.revision !== originalDoc.revision) {
    throw new APIError(say(req, '这份申报当前不在评审中', 'this proposal is not under review at the moment'), 409)
  }
  const round = await load(req, FEATURED_SLUGS.rounds, idOf(originalDoc.round))
  const rubric = rubricOf(round ?? {})
  if (data.scores !== undefined && !Array.isArray(data.scores)) throw invalid(req, 'scores', '评分须为列表', 'scores must be a list of { criterion, score }')
  const scores = (data.scores ?? originalDoc.scores ?? []) as Score[]
  checkScores(req, rubric, scores)
  const weighted = weightedScore(rubric, scores) ?? null
  if (to === 'submitted' && weighted === null) {
    const missing = rubric.filter((c) => !scores.some((s) => s.criterion === c.key)).map((c) => c.key)
    throw invalid(req, 'scores', `提交前须给每项指标打分（缺：${missing.join('、')}）`, `every criterion needs a score before submitting (missing: ${missing.join(', ')})`)
  }
  return { ...data, scores, weightedScore: weighted, ...(to === 'submitted' && { submittedAt: new Date().toISOString() }) }
}
