import { createEnrollment } from '../../../collections/enrollmentPlaces'
import { parse } from 'csv-parse/sync'
import type { Endpoint } from 'payload'
import { CORE } from '../../../collections/slugs'
import { errorResponse } from '../../../src/errors'
import { userHasRole } from '../../../src/access'

type Doc = Record<string, any>
type Row = { row: number; identifier: string; status: 'enrolled' | 'failed'; reason?: string }

/**
 * `POST /api/courses/:id/enroll-csv` (organisers, administrators): a CSV whose header names a
 * `studentNumber` or an `email` column. Every row is checked first; if any fails, nothing is
 * written and the 400 carries the per-row report; otherwise all are enrolled in one transaction.
 */
export const bulkEnrollEndpoint: Endpoint = {
  path: '/:id/enroll-csv',
  method: 'post',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin', 'organizer')) {
      return errorResponse(req.user ? 403 : 401, 'only organisers and administrators enrol in bulk')
    }
    const courseId = req.routeParams?.id as string
    const course = await req.payload.findByID({ collection: CORE.courses, id: courseId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!course) return errorResponse(404, `no course ${courseId}`)
    let records: Array<Record<string, string>>
    try {
      records = parse((await req.text?.()) ?? '', { columns: true, skip_empty_lines: true, trim: true, bom: true })
    } catch (error) {
      return errorResponse(400, `the CSV cannot be read: ${(error as Error).message}`)
    }
    const column = records.length > 0 && 'studentNumber' in records[0] ? 'studentNumber' : records.length > 0 && 'email' in records[0] ? 'email' : null
    if (!column) return errorResponse(400, 'the CSV needs a header row with a studentNumber or an email column, and at least one row')

    // Two queries for the whole file: the users it names, and which of them are enrolled already.
    const identifiers = [...new Set(records.map((r) => r[column]).filter(Boolean))]
    const { docs: users } = await req.payload.find({ collection: CORE.users, where: { [column]: { in: identifiers } }, depth: 0, overrideAccess: true, pagination: false })
    const usersBy = new Map<string, Doc[]>()
    for (const user of users as Doc[]) usersBy.set(String(user[column]), [...(usersBy.get(String(user[column])) ?? []), user])
    const keys = (users as Doc[]).map((u) => `${u.id}:${CORE.courses}:${course.id}`)
    const { docs: existing } = await req.payload.find({ collection: CORE.enrollments, where: { key: { in: keys } }, depth: 0, overrideAccess: true, pagination: false })
    const enrolled = new Set((existing as Doc[]).map((e) => e.key as string))

    const report: Row[] = []
    const learners: Array<string | number> = []
    const seen = new Set<string>()
    for (const [index, record] of records.entries()) {
      const identifier = record[column] ?? ''
      const row = index + 2
      const failed = (reason: string) => report.push({ row, identifier, status: 'failed', reason })
      if (!identifier) failed(`empty ${column}`)
      else if (seen.has(identifier)) failed('listed twice')
      else {
        seen.add(identifier)
        const matches = usersBy.get(identifier) ?? []
        if (matches.length !== 1) failed(matches.length ? `${column} is not unique` : `no user with ${column} ${identifier}`)
        else if (enrolled.has(`${matches[0].id}:${CORE.courses}:${course.id}`)) failed('already enrolled')
        else {
          learners.push(matches[0].id)
          report.push({ row, identifier, status: 'enrolled' })
        }
      }
    }
    const failures = report.filter((r) => r.status === 'failed').length
    if (failures > 0) return errorResponse(400, `${failures} row(s) failed; nothing was enrolled`, { report })
    for (const learner of learners) {
      await createEnrollment(req.payload, { data: { learner, source: { relationTo: CORE.courses, value: course.id }, status: 'active' } as never, req, overrideAccess: true })
    }
    return Response.json({ enrolled: learners.length, report }, { status: 201 })
  },
}
