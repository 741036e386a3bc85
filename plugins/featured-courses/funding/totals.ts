import type { PayloadRequest } from 'payload'
import { type Id, idOf } from '../../../src/access'
import { FEATURED_SLUGS } from '../constants'
import { toFen } from './committed'

type Doc = Record<string, any>

type Total = { awarded: number; disbursed: number; awards: number }
const add = (total: Total, award: Doc) => {
  total.awarded += toFen(award.amount)
  if (award.status === 'disbursed') total.disbursed += toFen(award.amount)
  total.awards++
}
const yuan = (t: Total) => ({ awarded: t.awarded / 100, disbursed: t.disbursed / 100, awards: t.awards })

/** Awarded and disbursed amounts (withdrawn awards aside) per round, with its budget and what remains, and per lead organisation. */
export async function fundingTotals(req: PayloadRequest) {
  const find = (collection: string, where = {}) => req.payload.find({ collection: collection as never, where, depth: 0, pagination: false, overrideAccess: true, req }).then((r) => r.docs as Doc[])
  const awards = await find(FEATURED_SLUGS.awards, { status: { not_equals: 'withdrawn' } })
  const rounds = await find(FEATURED_SLUGS.rounds)
  const orgIds = [...new Set(awards.map((a) => idOf(a.organization)))].filter((o): o is Id => o !== undefined)
  const orgs = orgIds.length ? await find('organizations', { id: { in: orgIds } }) : []
  const byRound = new Map<string, Total>(rounds.map((r) => [String(r.id), { awarded: 0, disbursed: 0, awards: 0 }]))
  const byOrg = new Map<string, Total>(orgIds.map((o) => [String(o), { awarded: 0, disbursed: 0, awards: 0 }]))
  for (const a of awards) {
    add(byRound.get(String(idOf(a.round)))!, a)
    add(byOrg.get(String(idOf(a.organization)))!, a)
  }
  return {
    rounds: rounds.map((r) => {
      const t = byRound.get(String(r.id))!
      return { round: r.id, title: r.title, budget: r.budget, ...yuan(t), remaining: (toFen(r.budget) - t.awarded) / 100 }
    }),
    organizations: orgs.map((o) => ({ organization: o.id, name: o.name, code: o.code, ...yuan(byOrg.get(String(o.id))!) })),
  }
}
