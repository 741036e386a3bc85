import type { Endpoint } from 'payload'
import type { IssuerDetails } from '../../../src/credentials/issuer'
import { OB_CONTEXT, VC_CONTEXT } from '../../../src/credentials/signCredential'
import { errorResponse } from '../../../src/errors'
import { MENTOR_SLUGS } from '../constants'
import { trackAchievement } from '../credentials/certificationCredential'

/**
 * `GET /api/mentor-tracks/:id/achievement`: the Open Badges Achievement a track certifies, where a
 * certification credential's `achievement.id` points. Public, as what a certification means is.
 */
export const trackAchievementEndpoint = (issuer: IssuerDetails): Endpoint => ({
  path: '/:id/achievement',
  method: 'get',
  handler: async (req) => {
    const id = req.routeParams?.id as string
    const track = await req.payload.findByID({ collection: MENTOR_SLUGS.tracks as never, id, depth: 0, overrideAccess: true, disableErrors: true })
    if (!track) return errorResponse(404, `no mentor training track ${id}`)
    return Response.json({ '@context': [VC_CONTEXT, OB_CONTEXT], ...trackAchievement(issuer, track as Record<string, any>) }, { headers: { 'cache-control': 'public, max-age=300' } })
  },
})
