/**
 * What the course and module pages show about one course, read as the visitor: the course with
 * its organisations, its modules in order, and — for a signed-in learner — their enrolment and
 * their per-module progress rows. A fixed number of queries, whatever the number of modules.
 */
import { notFound } from 'next/navigation'
import type { PayloadRequest } from 'payload'
import { cache } from 'react'
import { CORE } from '../../../collections/slugs'
import type { PortalContext } from '../../../src/portal/session'
import { OPEN_COURSE_SLUGS } from '../constants'
import { isInvited } from '../enrollment/invitations'
import { placesTaken } from '../enrollment/placesTaken'

type Doc = Record<string, any> & { id: number | string }
/**
 * `taken`: places taken, when the course has a capacity (a count, not rows the visitor may read).
 * `invited`: whether the signed-in visitor is on an invite-only course's list, which they may not read.
 */
export type CourseView = { course: Doc; modules: Doc[]; enrollment: Doc | null; progress: Doc[]; taken?: number; invited: boolean }

/** Cached for the request: the page's title (generateMetadata) and the page read it once. */
export const loadCourseView = cache(async ({ payload, user }: PortalContext, req: PayloadRequest, courseId: string): Promise<CourseView> => {
  const course = (await payload.findByID({
    collection: CORE.courses,
    id: courseId,
    depth: 1,
    req,
    overrideAccess: false,
    disableErrors: true,
    populate: { [CORE.organizations]: { name: true, nameEn: true } },
  })) as Doc | null
  if (!course) notFound()
  const capacity = course.enrollment?.capacity
  const [modules, enrollment, progress, taken, invited] = await Promise.all([
    payload.find({
      collection: CORE.modules,
      where: { course: { equals: course.id } },
      sort: 'order',
      pagination: false,
      depth: 0,
      req,
      overrideAccess: false,
      select: { title: true, titleEn: true, order: true, kind: true, required: true, weight: true, course: true },
    }),
    user
      ? payload.find({ collection: CORE.enrollments, where: { key: { equals: `${user.id}:${CORE.courses}:${course.id}` } }, limit: 1, depth: 0, req, overrideAccess: false })
      : null,
    user
      ? payload.find({ collection: OPEN_COURSE_SLUGS.moduleProgress, where: { and: [{ learner: { equals: user.id } }, { course: { equals: course.id } }] }, pagination: false, depth: 0, req, overrideAccess: false })
      : null,
    typeof capacity === 'number' ? placesTaken(payload, course.id) : undefined,
    user && course.enrollment?.mode === 'invite'
      ? payload
          .findByID({ collection: CORE.courses, id: course.id, depth: 0, overrideAccess: true, select: { enrollment: { invitees: true } } })
          .then((c) => isInvited((c as Doc).enrollment?.invitees, user.email))
      : false,
  ])
  return {
    course,
    modules: modules.docs as Doc[],
    enrollment: (enrollment?.docs[0] as Doc | undefined) ?? null,
    progress: (progress?.docs ?? []) as Doc[],
    taken,
    invited,
  }
})

/** An enrolment that may study the course's modules. */
export const isStudying = (enrollment: Doc | null | undefined): boolean => enrollment?.status === 'active' || enrollment?.status === 'completed'

export const progressByModule = (progress: Doc[]) => new Map(progress.map((p) => [String(typeof p.module === 'object' ? p.module.id : p.module), p]))
