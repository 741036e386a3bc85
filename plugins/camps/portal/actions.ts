'use server'
/** Checking in from the portal's check-in page, through the same rules as the REST endpoint. */
import { redirect } from 'next/navigation'
import { signedParams } from '../../../src/portal/actionMessage'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { checkIn } from '../attendance/checkIn'
import { CHECK_IN_PATH } from './paths'
import { campsOptions } from './options'

export async function checkInAction(form: FormData) {
  const session = String(form.get('session') ?? '')
  const code = String(form.get('code') ?? '').trim()
  const back = `${CHECK_IN_PATH}?session=${encodeURIComponent(session)}`
  await requireUser(back)
  const req = await portalRequest()
  const outcome = await checkIn(req, session, code, campsOptions(req.payload.config))
  redirect(`${back}&${new URLSearchParams(outcome.ok ? { checkedIn: String(outcome.doc.status) } : signedParams(req.payload, CHECK_IN_PATH, 'error', outcome.message)).toString()}`)
}
