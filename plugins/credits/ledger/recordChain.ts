/**
 * Links a new credit record into its university's chain. The previous record is the university's
 * record with the highest sequence below the new one. appendRecord takes sequence N only after
 * reading N−1 committed (and retries when another writer took N), so every lower record of the
 * chain is committed when N is linked, and none can appear below it later.
 */
import type { Payload } from 'payload'
import { idOf } from '../../../src/access'
import { CREDIT_SLUGS } from '../constants'
import { GENESIS, type Link, link, recordContent } from './hashes'

type Doc = Record<string, any>

export async function linkRecord(payload: Payload, data: Doc, sequence: number): Promise<Link> {
  const university = idOf(data.homeUniversity)
  const { docs } = await payload.find({
    collection: CREDIT_SLUGS.records as never,
    where: { and: [university === undefined ? { homeUniversity: { exists: false } } : { homeUniversity: { equals: university } }, { sequence: { less_than: sequence } }] },
    sort: '-sequence',
    limit: 1,
    select: { hash: true } as never,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  return link(recordContent({ ...data, sequence }), (docs[0] as Doc | undefined)?.hash ?? GENESIS)
}
