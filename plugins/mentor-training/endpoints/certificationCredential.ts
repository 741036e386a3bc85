import type { Endpoint } from 'payload'
import { idOf, userHasRole } from '../../../src/access'
import type { CredentialKeys } from '../../../src/credentials/keys'
import { signCredential, VC_JWT } from '../../../src/credentials/signCredential'
import { errorResponse } from '../../../src/errors'
import { MENTOR_SLUGS } from '../constants'
import { certificationCredential } from '../credentials/certificationCredential'
import type { IssuerDetails } from '../../../src/credentials/issuer'

type Doc = Record<string, any>

/**
 * `GET /api/mentor-certifications/<id>/credential` — the certification as an Open Badges 3.0
 * VC-JWT, signed with the platform's keys (verify against /.well-known/jwks.json); for the mentor
 * and registry staff. A revoked certification is not issued as a credential (410).
 */
export const certificationCredentialEndpoint = (issuer: IssuerDetails, keys: CredentialKeys): Endpoint => ({
  path: '/:id/credential',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'sign in to get a certification credential')
    const id = req.routeParams?.id as string
    const certification = (await req.payload.findByID({ collection: MENTOR_SLUGS.certifications as never, id, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
    const own = certification && String(idOf(certification.mentorUser)) === String(req.user.id)
    if (!certification || !(own || userHasRole(req.user, 'admin', 'organizer'))) return errorResponse(404, `no certification ${id} of yours`)
    if (certification.status === 'revoked') return errorResponse(410, 'this certification was revoked')
    const mentor = (await req.payload.findByID({ collection: MENTOR_SLUGS.mentors as never, id: idOf(certification.mentor) as never, depth: 0, overrideAccess: true })) as Doc
    const track = (await req.payload.findByID({ collection: MENTOR_SLUGS.tracks as never, id: idOf(certification.track) as never, depth: 0, overrideAccess: true })) as Doc
    const jwt = await signCredential(await keys(), certificationCredential(issuer, certification, mentor, track))
    return new Response(jwt, { headers: { 'Content-Type': VC_JWT } })
  },
})
