import type { CollectionBeforeChangeHook } from 'payload'
import { APIError, ValidationError } from 'payload'
import { say } from '../../../src/i18n/say'
import { MENTOR_SLUGS } from '../constants'

/** After issue, a certification changes in one way only: an administrator revokes it, with a reason (or the plugin marks it expired). */
export const guardCertification: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, context }) => {
  if (operation !== 'update' || (context as { mentorBookkeeping?: boolean }).mentorBookkeeping) return data
  const changed = Object.keys(data).filter((k) => !['status', 'revocationReason', 'updatedAt'].includes(k) && JSON.stringify(data[k]) !== JSON.stringify(originalDoc[k]))
  if (changed.length || (data.status && data.status !== originalDoc.status && data.status !== 'revoked')) {
    throw new APIError(say(req, '认证颁发后只能撤销', 'a certification can only be revoked once issued'), 409)
  }
  if (data.status === 'revoked' && originalDoc.status !== 'revoked' && !String(data.revocationReason ?? '').trim()) {
    throw new ValidationError({ collection: MENTOR_SLUGS.certifications, errors: [{ path: 'revocationReason', message: say(req, '撤销须说明原因', 'a revocation needs a reason') }] })
  }
  return data
}
