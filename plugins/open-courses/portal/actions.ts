'use server'
/** Enrolling and leaving from the course page, through the same rules as the REST API. */
import { redirect } from 'next/navigation'
import type { Payload } from 'payload'
import { CORE } from '../../../collections/slugs'
import { createEnrollment } from '../../../collections/enrollmentPlaces'
import { idFromText } from '../../../src/access'
import { refusalOf, signedParams } from '../../../src/portal/actionMessage'
import { type Lang, pick } from '../../../src/portal/i18n'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { portalLabels } from '../../../src/portal/translations'
import { rejoinEnrollment } from '../enrollment/rejoinEnrollment'
import { withdrawEnrollment } from '../enrollment/withdrawEnrollment'

/** A document id as this site's forms send it (SQL or MongoDB): anything else was not sent by the course page. */
const DOCUMENT_ID = /^(\d+|[0-9a-f]{24})$/i
const coursePath = (courseId: string) => `/courses/${encodeURIComponent(courseId)}`
const back = (courseId: string, outcome: Record<string, string>) => `${coursePath(courseId)}?${new URLSearchParams(outcome).toString()}`
const failure = (context: { payload: Payload; lang: Lang }, courseId: string, error: unknown) =>
  signedParams(context.payload, coursePath(courseId), 'error', refusalOf(context.payload, error, pick(portalLabels, context.lang).actionFailed))

/** The course the form names; a refusal may quote it, so it must be an id. */
function courseOf(form: FormData): string {
  const courseId = String(form.get('course') ?? '')
  if (!DOCUMENT_ID.test(courseId)) redirect('/')
  return courseId
}

export async function enrol(form: FormData) {
  const courseId = courseOf(form)
  const context = await requireUser(`/courses/${courseId}`)
  const { payload, user } = context
  const req = await portalRequest()
  let outcome: Record<string, string>
  try {
    const enrollment = (await createEnrollment(payload, { data: { learner: user.id, source: { relationTo: CORE.courses, value: idFromText(courseId) } } as never, req, overrideAccess: false })) as { status: string }
    outcome = { enrolled: String(enrollment.status) }
  } catch (error) {
    outcome = failure(context, courseId, error)
  }
  redirect(back(courseId, outcome))
}

/** Leaving, or coming back: a change of the learner's own enrolment, named by the form. */
async function changeEnrollment(form: FormData, change: typeof withdrawEnrollment, done: Record<string, string>) {
  const courseId = courseOf(form)
  const context = await requireUser(`/courses/${courseId}`)
  const req = await portalRequest()
  let outcome: Record<string, string>
  try {
    await change(context.payload, req, String(form.get('enrollment') ?? ''))
    outcome = done
  } catch (error) {
    outcome = failure(context, courseId, error)
  }
  redirect(back(courseId, outcome))
}

export async function withdraw(form: FormData) {
  await changeEnrollment(form, withdrawEnrollment, { withdrawn: '1' })
}

export async function rejoin(form: FormData) {
  await changeEnrollment(form, rejoinEnrollment, { rejoined: '1' })
}
