import type { PayloadRequest } from 'payload'
import type { Id } from '../../../src/access'
import { FEATURED_SLUGS } from '../constants'

type Doc = Record<string, any>

/** Money to the cent: amounts are summed in fen so that 0.1 + 0.2 is 0.3. */
export const toFen = (yuan: number) => Math.round(yuan * 100)

/** What a round has committed: every award not withdrawn, in fen. */
export async function committedFen(req: PayloadRequest, round: Id): Promise<number> {
  const { docs } = await req.payload.find({
    collection: FEATURED_SLUGS.awards as never,
    where: { and: [{ round: { equals: round } }, { status: { not_equals: 'withdrawn' } }] },
    select: { amount: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return (docs as Doc[]).reduce((sum, a) => sum + toFen(a.amount ?? 0), 0)
}

/** The lock (src/transactionLock.ts) that an award and a lowered budget of one round take first. */
export const fundingLock = (round: Id) => `funding-round:${round}`
