import type { Endpoint } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import { userHasRole } from '../../../src/access'
import { errorResponse, isUniqueViolation } from '../../../src/errors'
import { say } from '../../../src/i18n/say'
import { retryWhileTaken } from '../../../src/retryWhileTaken'
import { MENTOR_SLUGS } from '../constants'

/**
 * `POST /api/mentor-assignments`, in place of Payload's own create (the admin panel posts here too):
 * when a concurrent assignment took the mentor's place first, it tries the next free place; when
 * none is left, or the student got a mentor of that kind meanwhile, 409.
 */
export const assignMentorEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin', 'organizer')) return errorResponse(req.user ? 403 : 401, say(req, '只有管理员和组织者可以分配导师', 'only administrators and organisers assign mentors'))
    await addDataAndFileToRequest(req)
    try {
      const doc = await retryWhileTaken('slotKey', () => req.payload.create({ collection: MENTOR_SLUGS.assignments as never, data: (req.data ?? {}) as never, overrideAccess: false, user: req.user, depth: 0, req }))
      return Response.json({ doc, message: say(req, '导师已分配', 'Mentor assigned') }, { status: 201 })
    } catch (error) {
      if (isUniqueViolation(error, 'studentKey')) return errorResponse(409, say(req, '该学生刚被分配了同类导师', 'this student was just given a mentor of that kind'))
      if (isUniqueViolation(error, 'slotKey')) return errorResponse(409, say(req, '该导师的名额刚被占满', 'this mentor’s places were just taken'))
      throw error
    }
  },
}
