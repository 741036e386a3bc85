import type { CollectionBeforeChangeHook } from 'payload'
import { FEATURED_SLUGS } from '../constants'

type Doc = Record<string, any>

/**
 * A featured course carries the designation of its funding award through every save. Saving
 * (publishing, above all) writes the course from its latest draft, which was taken before the
 * award; the award, not the draft, says what the designation is.
 */
export const carryDesignation: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const id = originalDoc?.id
  if (id === undefined || !(data.featured ?? originalDoc?.featured)) return { ...data, designation: null }
  const { docs } = await req.payload.find({
    collection: FEATURED_SLUGS.awards as never,
    where: { and: [{ course: { equals: id } }, { status: { not_equals: 'withdrawn' } }] },
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { ...data, designation: (docs[0] as Doc | undefined)?.tier ?? null }
}
