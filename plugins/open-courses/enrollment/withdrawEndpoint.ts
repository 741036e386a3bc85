import type { Endpoint } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'

/** `POST /api/enrollments/:id/withdraw`: a learner leaves a course (their progress stays recorded). */
export const withdrawEndpoint: Endpoint = {
  path: '/:id/withdraw',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'sign in to leave a course' }] }, { status: 401 })
    const id = req.routeParams?.id as string
    const enrollment = await req.payload.findByID({ collection: CORE.enrollments, id, depth: 0, overrideAccess: true, disableErrors: true })
    if (!enrollment || String(idOf(enrollment.learner as never)) !== String(req.user.id)) {
      return Response.json({ errors: [{ message: `no enrolment ${id} of yours` }] }, { status: 404 })
    }
    if (enrollment.status === 'completed') return Response.json({ errors: [{ message: 'a completed course cannot be left' }] }, { status: 409 })
    if (enrollment.status === 'withdrawn') return Response.json({ doc: enrollment })
    const doc = await req.payload.update({ collection: CORE.enrollments, id, data: { status: 'withdrawn', withdrawnAt: new Date().toISOString() }, overrideAccess: true, depth: 0 })
    return Response.json({ doc })
  },
}
