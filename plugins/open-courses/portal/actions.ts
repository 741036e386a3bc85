'use server'
/** Enrolling and leaving from the course page, through the same rules as the REST API. */
import { redirect } from 'next/navigation'
import { CORE } from '../../../collections/slugs'
import { createEnrollment } from '../../../collections/enrollmentPlaces'
import { idFromText } from '../../../src/access'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { withdrawEnrollment } from '../enrollment/withdrawEnrollment'

const back = (courseId: string, outcome: Record<string, string>) => `/courses/${encodeURIComponent(courseId)}?${new URLSearchParams(outcome).toString()}`
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export async function enrol(form: FormData) {
  const courseId = String(form.get('course') ?? '')
  const { payload, user } = await requireUser(`/courses/${courseId}`)
  const req = await portalRequest()
  let outcome: Record<string, string>
  try {
    const enrollment = (await createEnrollment(payload, { data: { learner: user.id, source: { relationTo: CORE.courses, value: idFromText(courseId) } } as never, req, overrideAccess: false })) as { status: string }
    outcome = { enrolled: String(enrollment.status) }
  } catch (error) {
    outcome = { error: messageOf(error) }
  }
  redirect(back(courseId, outcome))
}

export async function withdraw(form: FormData) {
  const courseId = String(form.get('course') ?? '')
  const { payload } = await requireUser(`/courses/${courseId}`)
  const req = await portalRequest()
  let outcome: Record<string, string>
  try {
    await withdrawEnrollment(payload, req, String(form.get('enrollment') ?? ''))
    outcome = { withdrawn: '1' }
  } catch (error) {
    outcome = { error: messageOf(error) }
  }
  redirect(back(courseId, outcome))
}
