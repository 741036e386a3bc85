import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'
import { say } from '../../../src/i18n/say'
import { FEATURED_SLUGS } from '../constants'

type Doc = Record<string, any>

/**
 * A featured course is published only once its proposal is approved; so is a course with a
 * proposal under way, featured or not, so that unticking "featured" does not get round the gate.
 * A featured course that is already published stays editable (a course flagged before this plugin
 * came, say); publishing a new draft of it is gated again. A collection hook, so it holds on every
 * path that writes a course: REST, GraphQL, the Local API, the admin panel, restoring a version.
 */
export const gateFeaturedPublishing: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const status = data._status ?? (operation === 'update' ? originalDoc?._status : undefined)
  if (status !== 'published') return data
  const featured = Boolean(data.featured ?? originalDoc?.featured)
  if (featured && operation === 'update' && originalDoc?._status === 'published' && originalDoc?.featured) return data
  const proposals =
    originalDoc?.id === undefined
      ? []
      : ((await req.payload.find({ collection: FEATURED_SLUGS.proposals as never, where: { course: { equals: originalDoc.id } }, select: { status: true } as never, depth: 0, pagination: false, overrideAccess: true, req })).docs as Doc[])
  const approved = proposals.some((p) => p.status === 'approved')
  const underWay = proposals.some((p) => p.status !== 'rejected')
  if (approved || (!featured && !underWay)) return data
  throw new APIError(say(req, '特色课程须在其申报立项后才能发布；可先保存为草稿', 'a featured course can be published only once its proposal is approved; save it as a draft until then'), 403)
}
