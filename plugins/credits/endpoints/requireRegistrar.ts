import type { PayloadRequest } from 'payload'
import { idOf, userHasRole } from '../../../src/access'
import { errorResponse } from '../../../src/errors'

/** The university a registrar acts for, or an error response saying why there is none. */
export function registrarUniversity(req: PayloadRequest): { university: string | number } | { error: Response } {
  if (!req.user) return { error: errorResponse(401, 'sign in as a registrar (JWT or "Authorization: users API-Key <key>")') }
  if (!userHasRole(req.user, 'registrar')) return { error: errorResponse(403, 'only a university registrar may do this') }
  const university = idOf(req.user.organization)
  if (university === undefined) return { error: errorResponse(403, 'this registrar belongs to no university') }
  return { university }
}

