import type { Endpoint } from 'payload'
import { idOf } from '../../../src/access'
import { OB_CONTEXT, VC_CONTEXT } from '../../../src/credentials/signCredential'
import { errorResponse } from '../../../src/errors'
import { CORE } from '../../../collections/slugs'
import { learningSourcesOf } from '../../../collections/learningSources'
import { achievement, type Issuer } from '../credentials/openBadge'
import { sourceSnapshot } from '../issuing/issueCreditRecord'

type Doc = Record<string, any>

/**
 * `GET /api/achievements/:sourceType/:sourceId`: the Open Badges Achievement of a credit-bearing
 * course or programme, where every credit credential's `achievement.id` points. Public for what
 * is public: read as an anonymous visitor, so a draft or unpublished source is a 404.
 */
export const achievementEndpoint = (issuer: Issuer): Endpoint => ({
  path: '/achievements/:sourceType/:sourceId',
  method: 'get',
  handler: async (req) => {
    const { sourceType, sourceId } = req.routeParams as { sourceType: string; sourceId: string }
    const sourceTypes = learningSourcesOf(req.payload.config)
    if (!sourceTypes.includes(sourceType)) return errorResponse(404, `no achievements of "${sourceType}"; there are ${sourceTypes.join(', ')}`)
    const source = (await req.payload.findByID({ collection: sourceType as never, id: sourceId, depth: 0, overrideAccess: false, disableErrors: true, draft: false })) as Doc | null
    if (!source || typeof source.credits !== 'number' || source.credits <= 0) return errorResponse(404, `no credit-bearing ${sourceType} ${sourceId} that is public`)
    const orgIds = [source.organization, ...(source.partners ?? [])].map(idOf).filter((v) => v !== undefined)
    const { docs: orgs } = await req.payload.find({ collection: CORE.organizations, where: { id: { in: orgIds } }, depth: 0, overrideAccess: true, pagination: false })
    const org = (id: unknown) => (orgs as Doc[]).find((o) => String(o.id) === String(idOf(id)))
    const body = { '@context': [VC_CONTEXT, OB_CONTEXT], ...achievement(issuer, sourceSnapshot(sourceType, source, org)) }
    return Response.json(body, { headers: { 'cache-control': 'public, max-age=300' } })
  },
})
