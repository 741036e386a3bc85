import type { Endpoint } from 'payload'
import { CORE } from '../../../collections/slugs'
import { errorResponse } from '../../../src/errors'
import { idOf } from '../../../src/access'

/** `POST /api/enrollments/:id/withdraw`: a learner leaves a course (their progress stays recorded). */
export const withdrawEndpoint: Endpoint = {
  path: '/:id/withdraw',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'sign in to leave a course')
    const id = req.routeParams?.id as string
    const enrollment = await req.payload.findByID({ collection: CORE.enrollments, id, depth: 0, overrideAccess: true, disableErrors: true })
    if (!enrollment || String(idOf(enrollment.learner)) !== String(req.user.id)) {
      return errorResponse(404, `no enrolment ${id} of yours`)
    }
    if (enrollment.status === 'completed') return errorResponse(409, 'a completed course cannot be left')
    if (enrollment.status === 'withdrawn') return Response.json({ doc: enrollment })
    const doc = await req.payload.update({ collection: CORE.enrollments, id, data: { status: 'withdrawn', withdrawnAt: new Date().toISOString() }, overrideAccess: true, depth: 0 })
    return Response.json({ doc })
  },
}
