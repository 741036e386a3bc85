import type { Endpoint } from 'payload'
import { CREDIT_SLUGS } from '../constants'
import type { CredentialKeys } from '../../../src/credentials/keys'
import { signCredential, VC_JWT } from '../../../src/credentials/signCredential'
import { statusListEndpoint } from '../../../src/credentials/statusListEndpoint'
import { clrCredential, type Issuer, openBadgeCredential, statusListUrl } from '../credentials/openBadge'
import { errorResponse } from '../../../src/errors'

type Doc = Record<string, any>
type Keys = CredentialKeys

/**
 * `GET /api/credit-records/:id/credential`: the record as a signed OpenBadgeCredential. Who may
 * fetch it is who may read the record (the learner, their university's registrar, admins).
 */
export const credentialEndpoint = (issuer: Issuer, keys: Keys): Endpoint => ({
  path: '/:id/credential',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'sign in as the learner or their university’s registrar')
    const id = req.routeParams?.id as string
    const record = await req.payload.findByID({ collection: CREDIT_SLUGS.records as never, id, depth: 0, overrideAccess: false, req, disableErrors: true })
    if (!record) return errorResponse(404, `no credit record ${id} that you may see`)
    const jwt = await signCredential(await keys(), openBadgeCredential(issuer, record as Doc))
    return new Response(jwt, { headers: { 'content-type': VC_JWT } })
  },
})

/** `GET /api/credit-records/transcript`: every record of the signed-in learner, as a CLR 2.0 credential. */
export const transcriptEndpoint = (issuer: Issuer, keys: Keys): Endpoint => ({
  path: '/transcript',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'sign in to download your transcript')
    const { docs } = await req.payload.find({
      collection: CREDIT_SLUGS.records as never,
      where: { and: [{ learner: { equals: req.user.id } }, { status: { not_equals: 'revoked' } }, { supersededBy: { exists: false } }] },
      sort: 'sequence',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    const jwt = await signCredential(await keys(), clrCredential(issuer, req.user as Doc, docs as Doc[]))
    return new Response(jwt, { headers: { 'content-type': VC_JWT } })
  },
})

/**
 * `GET /api/credit-records/status-lists/:list`: the list every credit credential's
 * `credentialStatus` points into. A record's place is its sequence number; a revoked record, or
 * one a correction retired, is withdrawn.
 */
export const creditStatusListEndpoint = (issuer: Issuer, keys: Keys): Endpoint =>
  statusListEndpoint({
    issuer,
    keys,
    urlOf: (list) => statusListUrl(issuer, list),
    withdrawnPlaces: async (req, first, end) => {
      const { docs } = await req.payload.find({
        collection: CREDIT_SLUGS.records as never,
        where: { and: [{ sequence: { greater_than_equal: first } }, { sequence: { less_than: end } }, { or: [{ status: { equals: 'revoked' } }, { supersededBy: { exists: true } }] }] },
        select: { sequence: true } as never,
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
      return (docs as Doc[]).map((d) => Number(d.sequence))
    },
  })

/**
 * `GET /api/credit-records/:id/status`: the record's status in words (status, date and reason of
 * a revocation), for the portal's verify page beside the standard list above.
 */
export const statusEndpoint: Endpoint = {
  path: '/:id/status',
  method: 'get',
  handler: async (req) => {
    const id = req.routeParams?.id as string
    const record = (await req.payload.findByID({ collection: CREDIT_SLUGS.records as never, id, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
    if (!record) return errorResponse(404, `no credit record ${id}`)
    return Response.json({
      id: record.id,
      status: record.status,
      revoked: record.status === 'revoked',
      revokedAt: record.revokedAt ?? null,
      revocationReason: record.revocationReason ?? null,
      supersededBy: record.supersededBy ?? null,
    })
  },
}
