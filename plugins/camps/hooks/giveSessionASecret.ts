import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'
import { say } from '../../../src/i18n/say'
import { newCheckInSecret } from '../attendance/checkInCode'
import { CAMP_SLUGS } from '../constants'

/** A session ends after it starts, and gets its check-in secret once, when it is created. */
export const giveSessionASecret: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const next = { ...originalDoc, ...data }
  if (next.startsAt && next.endsAt && Date.parse(next.endsAt) <= Date.parse(next.startsAt)) {
    throw new ValidationError({ collection: CAMP_SLUGS.sessions, errors: [{ path: 'endsAt', message: say(req, '结束时间须晚于开始时间', 'a session must end after it starts') }] })
  }
  return operation === 'create' ? { ...data, checkInSecret: newCheckInSecret() } : data
}
