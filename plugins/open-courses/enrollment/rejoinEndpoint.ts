import type { Endpoint } from 'payload'
import { errorResponse } from '../../../src/errors'
import { say } from '../../../src/i18n/say'
import { rejoinEnrollment } from './rejoinEnrollment'

/** `POST /api/enrollments/:id/rejoin`: a learner comes back to a course they left, by its rules as they are now. */
export const rejoinEndpoint: Endpoint = {
  path: '/:id/rejoin',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, say(req, '请先登录，再重新加入课程', 'sign in to rejoin a course'))
    return Response.json({ doc: await rejoinEnrollment(req.payload, req, req.routeParams?.id as string) })
  },
}
