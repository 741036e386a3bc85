'use server'
/**
 * The registrar's bulk decision: the selected records accepted (with an optional local course
 * code) or rejected (with the reason the learner will read), through the collection's own
 * status rules and access, as the acknowledge endpoint does one by one.
 */
import { redirect } from 'next/navigation'
import { signedParams } from '../../../src/portal/actionMessage'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { CREDIT_SLUGS } from '../constants'

export async function decideRecords(form: FormData) {
  const { payload } = await requireUser('/registrar')
  const req = await portalRequest()
  const ids = form.getAll('record').map(String).filter(Boolean)
  const decision = form.get('decision')
  const reason = String(form.get('reason') ?? '').trim()
  const localCourseCode = String(form.get('localCourseCode') ?? '').trim()
  const back = (outcome: Record<string, string>) => redirect(`/registrar?${new URLSearchParams(outcome).toString()}`)
  if (ids.length === 0) return back({ problem: 'none-selected' })
  // Only a button pressed decides: nothing is accepted by default.
  if (decision !== 'accepted' && decision !== 'rejected') return back({ problem: 'no-decision' })
  if (decision === 'rejected' && !reason) return back({ problem: 'reason-required' })
  const result = await payload.update({
    collection: CREDIT_SLUGS.records as never,
    where: { id: { in: ids } },
    // The reason is the learner's explanation of a rejection; the code, the local course of an acceptance.
    data: { status: decision, ...(decision === 'rejected' ? { decisionReason: reason } : localCourseCode && { localCourseCode }) } as never,
    req,
    overrideAccess: false,
    depth: 0,
  })
  const failed = result.errors.length + (ids.length - result.docs.length - result.errors.length)
  const reasons = [...new Set(result.errors.map((e) => e.message))].join('; ')
  return back(failed > 0 ? { decided: String(result.docs.length), failed: String(failed), ...signedParams(payload, 'reasons', reasons) } : { decided: String(result.docs.length) })
}
