'use server'
/**
 * The registrar's bulk decision: the selected records accepted (with an optional local course
 * code) or rejected (with the reason the learner will read), through the collection's own
 * status rules and access, as the acknowledge endpoint does one by one.
 */
import { redirect } from 'next/navigation'
import { pageParam } from '../../../src/paging'
import { signedParams } from '../../../src/portal/actionMessage'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { pick } from '../../../src/portal/i18n'
import { portalLabels } from '../../../src/portal/translations'
import { CREDIT_SLUGS } from '../constants'
import { REGISTRAR_PATH } from './paths'

export async function decideRecords(form: FormData) {
  const { payload, lang } = await requireUser(REGISTRAR_PATH)
  const req = await portalRequest()
  const ids = form.getAll('record').map(String).filter(Boolean)
  const decision = form.get('decision')
  const reason = String(form.get('reason') ?? '').trim()
  const localCourseCode = String(form.get('localCourseCode') ?? '').trim()
  // Back to the list as the registrar left it: their filter, and the page (the last there is, if it emptied).
  const q = String(form.get('q') ?? '').trim()
  const page = pageParam(String(form.get('page') ?? ''))
  const back = (outcome: Record<string, string>) =>
    redirect(`${REGISTRAR_PATH}?${new URLSearchParams({ ...(q && { q }), ...(page && page > 1 && { page: String(page) }), ...outcome }).toString()}`)
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
  // Payload marks which refusals are the domain's own (4xx); any other is the server's, and logged.
  const general = pick(portalLabels, lang).actionFailed
  const reasons = [...new Set(result.errors.map((e) => (e.isPublic ? e.message : general)))].join('; ')
  for (const e of result.errors) if (!e.isPublic) payload.logger.error({ record: e.id, message: e.message }, 'a registrar decision failed')
  return back(failed > 0 ? { decided: String(result.docs.length), failed: String(failed), ...signedParams(payload, REGISTRAR_PATH, 'reasons', reasons) } : { decided: String(result.docs.length) })
}
