/**
 * Revocation of mentor certifications as any verifier checks it: each certification takes the
 * next place (0, 1, 2, …) in the plugin's Bitstring Status Lists when it is issued, its credential
 * names that place (`credentialStatus`), and the list marks the places of revoked certifications.
 * An expiry needs no mark: the credential carries its `validUntil`.
 */
import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { clock } from '../../../src/clock'
import { statusListEntry } from '../../../src/credentials/bitstringStatusList'
import type { IssuerDetails } from '../../../src/credentials/issuer'
import type { CredentialKeys } from '../../../src/credentials/keys'
import { statusListEndpoint, statusListPlace } from '../../../src/credentials/statusListEndpoint'
import { errorResponse } from '../../../src/errors'
import { lockUntilCommit } from '../../../src/transactionLock'
import { MENTOR_SLUGS } from '../constants'

type Doc = Record<string, any>

const listUrl = (issuer: IssuerDetails, list: number) => `${issuer.publicUrl}/api/mentor-certifications/status-lists/${list}`

/** The `credentialStatus` of a certification's credential; none for one issued before places existed (see the README). */
export function certificationStatus(issuer: IssuerDetails, certification: Doc) {
  if (certification.statusIndex === null || certification.statusIndex === undefined) return undefined
  const { list, index } = statusListPlace(Number(certification.statusIndex))
  return statusListEntry(listUrl(issuer, list), index)
}

/**
 * The next free place, for a certification about to be created. On PostgreSQL the caller's
 * transaction holds a lock until it commits, so certifications issued at once take turns. Without
 * a transaction (SQLite) the field is unique and the caller retries (retryWhileTaken). MongoDB
 * has no such lock: there two certifications issued in the same instant can meet on one place,
 * and the later request fails whole, to be sent again.
 */
export async function nextStatusPlace(payload: Payload, req: Partial<PayloadRequest>): Promise<number> {
  await lockUntilCommit(payload, req, `${MENTOR_SLUGS.certifications}:statusIndex`)
  const { docs } = await payload.find({ collection: MENTOR_SLUGS.certifications as never, where: { statusIndex: { exists: true } }, sort: '-statusIndex', limit: 1, depth: 0, pagination: false, overrideAccess: true, req, select: { statusIndex: true } as never })
  const last = (docs[0] as Doc | undefined)?.statusIndex
  return last === null || last === undefined ? 0 : Number(last) + 1
}

/** `GET /api/mentor-certifications/status-lists/:list`: public, like every status list. */
export const certificationStatusListEndpoint = (issuer: IssuerDetails, keys: CredentialKeys): Endpoint =>
  statusListEndpoint({
    issuer,
    keys,
    urlOf: (list) => listUrl(issuer, list),
    withdrawnPlaces: async (req, first, end) => {
      const { docs } = await req.payload.find({
        collection: MENTOR_SLUGS.certifications as never,
        where: { and: [{ statusIndex: { greater_than_equal: first } }, { statusIndex: { less_than: end } }, { status: { equals: 'revoked' } }] },
        select: { statusIndex: true } as never,
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
      return (docs as Doc[]).map((d) => Number(d.statusIndex))
    },
  })

/**
 * `GET /api/mentor-certifications/:id/status`: the certification's status (valid, expired,
 * revoked), for the portal's verify page beside the list above. Public, like the list: it says
 * no more than the list and the credential do, and a revocation's reason stays with the
 * registry's staff. Expired as soon as its period ends, before the daily scan marks it.
 */
export const certificationStatusEndpoint: Endpoint = {
  path: '/:id/status',
  method: 'get',
  handler: async (req) => {
    const id = req.routeParams?.id as string
    const certification = (await req.payload.findByID({ collection: MENTOR_SLUGS.certifications as never, id, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
    if (!certification) return errorResponse(404, `no mentor certification ${id}`)
    const lapsed = certification.status === 'valid' && Date.parse(certification.validUntil) <= clock.now()
    return Response.json({ id: certification.id, status: lapsed ? 'expired' : certification.status, revoked: certification.status === 'revoked' })
  },
}
