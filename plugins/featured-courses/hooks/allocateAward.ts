import type { CollectionBeforeChangeHook } from 'payload'
import { APIError, ValidationError } from 'payload'
import { idOf, type Id } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { lockUntilCommit } from '../../../src/transactionLock'
import { type AwardState, FEATURED_SLUGS } from '../constants'
import { committedFen, fundingLock, toFen } from '../funding/committed'

type Doc = Record<string, any>

const MOVES: Record<AwardState, AwardState[]> = { awarded: ['disbursed', 'withdrawn'], disbursed: [], withdrawn: [] }

/**
 * A new award: the proposal is approved and has no award yet, and the round's budget holds it.
 * The award takes the round's next sequence number; the check reads the last award first and the
 * committed total after it, so any award committed in between holds that same number and the
 * database refuses this one (endpoints/awards.ts then tries again). Afterwards only the
 * disbursement status moves: awarded → disbursed, or withdrawn with a reason, which frees its amount.
 */
export const allocateAward: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const { payload } = req
  if (operation === 'update') {
    const from = originalDoc.status as AwardState
    const to = (data.status ?? from) as AwardState
    if (to === from) return data
    if (!MOVES[from].includes(to)) throw new APIError(say(req, `经费补助不能从 ${from} 改为 ${to}`, `an award cannot move from ${from} to ${to}`), 409)
    if (to === 'withdrawn' && !String(data.note ?? '').trim()) {
      throw new ValidationError({ collection: FEATURED_SLUGS.awards, errors: [{ path: 'note', message: say(req, '撤销须说明原因', 'a withdrawal needs a reason in the note') }] })
    }
    return { ...data, ...(to === 'disbursed' && { disbursedAt: new Date().toISOString() }) }
  }

  if (typeof data.amount !== 'number' || Math.abs(data.amount * 100 - Math.round(data.amount * 100)) > 1e-6) {
    throw new ValidationError({ collection: FEATURED_SLUGS.awards, errors: [{ path: 'amount', message: say(req, '金额以元为单位，最多两位小数', 'the amount is in CNY with at most two decimals') }] })
  }
  if ((data.status ?? 'awarded') !== 'awarded') throw new APIError(say(req, '新的经费补助状态须为“已批准”', 'a new award starts as awarded'), 400)
  const proposal = (await payload.findByID({ collection: FEATURED_SLUGS.proposals as never, id: idOf(data.proposal) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!proposal) throw new ValidationError({ collection: FEATURED_SLUGS.awards, errors: [{ path: 'proposal', message: say(req, '找不到该申报', 'no such proposal') }] })
  if (proposal.status !== 'approved') throw new APIError(say(req, `只能给已立项的申报补助经费（该申报：${proposal.status}）`, `only an approved proposal can be funded (this one is ${proposal.status})`), 409)
  const round = idOf(proposal.round) as Id
  // Before reading the budget and what is committed: a budget lowered meanwhile waits, or is seen.
  await lockUntilCommit(payload, req, fundingLock(round))
  const budget = (await payload.findByID({ collection: FEATURED_SLUGS.rounds as never, id: round as never, depth: 0, overrideAccess: true, req })) as Doc

  const last = await payload.find({ collection: FEATURED_SLUGS.awards as never, where: { round: { equals: round } }, sort: '-sequence', limit: 1, depth: 0, overrideAccess: true, req })
  const sequence = (((last.docs[0] as Doc | undefined)?.sequence as number | undefined) ?? 0) + 1
  const funded = await payload.count({ collection: FEATURED_SLUGS.awards as never, where: { and: [{ proposal: { equals: proposal.id } }, { status: { not_equals: 'withdrawn' } }] }, overrideAccess: true, req })
  if (funded.totalDocs) throw new APIError(say(req, `《${proposal.title}》已获经费补助`, `${proposal.title} already has an award`), 409)
  const committed = await committedFen(req, round)
  const remaining = toFen(budget.budget) - committed
  if (toFen(data.amount) > remaining) {
    throw new APIError(say(req, `超出“${budget.title}”的预算：剩余 ${remaining / 100} 元，申请 ${data.amount} 元`, `over the budget of ${budget.title}: ${remaining / 100} CNY remain, ${data.amount} CNY asked`), 409)
  }
  return { ...data, status: 'awarded', round, organization: idOf(proposal.leadOrganization), course: idOf(proposal.course), awardedBy: req.user?.id, sequence, chainKey: `${round}:${sequence}` }
}
