import type { Endpoint } from 'payload'
import { errorResponse } from '../../../src/errors'
import { say } from '../../../src/i18n/say'
import { withdrawEnrollment } from './withdrawEnrollment'

/** `POST /api/enrollments/:id/withdraw`: a learner leaves a course (their progress stays recorded). */
export const withdrawEndpoint: Endpoint = {
  path: '/:id/withdraw',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, say(req, '请先登录，再退出课程', 'sign in to leave a course'))
    return Response.json({ doc: await withdrawEnrollment(req.payload, req, req.routeParams?.id as string) })
  },
}
