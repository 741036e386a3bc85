import type { CollectionBeforeChangeHook } from 'payload'
import { APIError, ValidationError } from 'payload'
import { say } from '../../../src/i18n/say'
import { FEATURED_SLUGS } from '../constants'
import { lockUntilCommit } from '../../../src/transactionLock'
import { committedFen, fundingLock, toFen } from '../funding/committed'

type Doc = Record<string, any>

/**
 * A round stays coherent: it closes after it opens, its rubric keys are distinct and do not change
 * under submitted scores, the revision threshold is not above the approval one, and its budget
 * never drops below what it has already awarded.
 */
export const guardRoundChanges: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const next = { ...originalDoc, ...data } as Doc
  const invalid = (path: string, zh: string, en: string) => new ValidationError({ collection: FEATURED_SLUGS.rounds, errors: [{ path, message: say(req, zh, en) }] })
  if (next.opensAt && next.closesAt && Date.parse(next.closesAt) <= Date.parse(next.opensAt)) {
    throw invalid('closesAt', '申报截止时间须晚于开始时间', 'submissions must close after they open')
  }
  if (typeof next.reviseAt === 'number' && typeof next.approveAt === 'number' && next.reviseAt > next.approveAt) {
    throw invalid('reviseAt', '建议修改分数线不能高于建议立项分数线', 'the revision threshold cannot be above the approval threshold')
  }
  const keys = ((next.rubric ?? []) as Doc[]).map((c) => c.key)
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i)
  if (repeated) throw invalid('rubric', `评审指标代码“${repeated}”重复`, `rubric key "${repeated}" appears twice`)
  if (operation !== 'update' || !originalDoc) return data

  const rubricOf = (rubric: unknown) => JSON.stringify(((rubric ?? []) as Doc[]).map((c) => [c.key, c.weight]))
  if (data.rubric !== undefined && rubricOf(data.rubric) !== rubricOf(originalDoc.rubric)) {
    const scored = await req.payload.count({ collection: FEATURED_SLUGS.reviews as never, where: { and: [{ round: { equals: originalDoc.id } }, { status: { equals: 'submitted' } }] }, overrideAccess: true, req })
    if (scored.totalDocs > 0) throw new APIError(say(req, `本批次已有 ${scored.totalDocs} 份评审按现有指标打分，指标和权重不能再改`, `${scored.totalDocs} reviews in this round are scored on the current rubric; its criteria and weights cannot change now`), 409)
  }
  if (typeof data.budget === 'number' && data.budget < originalDoc.budget) {
    await lockUntilCommit(req.payload, req, fundingLock(originalDoc.id))
    const committed = await committedFen(req, originalDoc.id)
    if (toFen(data.budget) < committed) {
      throw new APIError(say(req, `预算不能低于本批次已补助的 ${committed / 100} 元`, `the budget cannot drop below the ${committed / 100} CNY this round has already awarded`), 409)
    }
  }
  return data
}
