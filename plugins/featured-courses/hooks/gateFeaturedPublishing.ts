import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'
import { say } from '../../../src/i18n/say'
import { FEATURED_SLUGS } from '../constants'

/**
 * A featured course is published only once its proposal is approved. A collection hook, so it
 * holds on every path that writes a course: REST, GraphQL, the Local API and the admin panel.
 */
export const gateFeaturedPublishing: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const featured = data.featured ?? originalDoc?.featured
  const status = data._status ?? (operation === 'update' ? originalDoc?._status : undefined)
  if (!featured || status !== 'published') return data
  const approved = originalDoc?.id === undefined ? 0 : (await req.payload.count({
    collection: FEATURED_SLUGS.proposals as never,
    where: { and: [{ course: { equals: originalDoc.id } }, { status: { equals: 'approved' } }] },
    overrideAccess: true,
    req,
  })).totalDocs
  if (!approved) {
    throw new APIError(say(req, '特色课程须在其申报立项后才能发布；可先保存为草稿', 'a featured course can be published only once its proposal is approved; save it as a draft until then'), 403)
  }
  return data
}
