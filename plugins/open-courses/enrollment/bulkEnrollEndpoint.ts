import { parse } from 'csv-parse/sync'
import type { Endpoint } from 'payload'
import { CORE } from '../../../collections/slugs'
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
      return Response.json({ errors: [{ message: 'only organisers and administrators enrol in bulk' }] }, { status: req.user ? 403 : 401 })
    }
    const courseId = req.routeParams?.id as string
    const course = await req.payload.findByID({ collection: CORE.courses, id: courseId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!course) return Response.json({ errors: [{ message: `no course ${courseId}` }] }, { status: 404 })
    let records: Array<Record<string, string>>
    try {
      records = parse((await req.text?.()) ?? '', { columns: true, skip_empty_lines: true, trim: true, bom: true })
    } catch (error) {
      return Response.json({ errors: [{ message: `the CSV cannot be read: ${(error as Error).message}` }] }, { status: 400 })
    }
    const column = records.length > 0 && 'studentNumber' in records[0] ? 'studentNumber' : records.length > 0 && 'email' in records[0] ? 'email' : null
    if (!column) return Response.json({ errors: [{ message: 'the CSV needs a header row with a studentNumber or an email column, and at least one row' }] }, { status: 400 })

    const report: Row[] = []
    const learners: Array<string | number> = []
    const seen = new Set<string>()
    for (const [index, record] of records.entries()) {
      const identifier = record[column] ?? ''
      const row = index + 2
      if (!identifier) {
        report.push({ row, identifier, status: 'failed', reason: `empty ${column}` })
        continue
      }
      if (seen.has(identifier)) {
        report.push({ row, identifier, status: 'failed', reason: 'listed twice' })
        continue
      }
      seen.add(identifier)
      const { docs } = await req.payload.find({ collection: CORE.users, where: { [column]: { equals: identifier } }, depth: 0, overrideAccess: true, limit: 2 })
      if (docs.length !== 1) {
        report.push({ row, identifier, status: 'failed', reason: docs.length ? `${column} is not unique` : `no user with ${column} ${identifier}` })
        continue
      }
      const user = docs[0] as Doc
      const enrolled = await req.payload.count({ collection: CORE.enrollments, where: { key: { equals: `${user.id}:${CORE.courses}:${course.id}` } }, overrideAccess: true })
      if (enrolled.totalDocs > 0) {
        report.push({ row, identifier, status: 'failed', reason: 'already enrolled' })
        continue
      }
      learners.push(user.id)
      report.push({ row, identifier, status: 'enrolled' })
    }
    if (report.some((r) => r.status === 'failed')) {
      return Response.json({ errors: [{ message: `${report.filter((r) => r.status === 'failed').length} row(s) failed; nothing was enrolled` }], report }, { status: 400 })
    }
    for (const learner of learners) {
      await req.payload.create({ collection: CORE.enrollments, data: { learner, source: { relationTo: CORE.courses, value: course.id }, status: 'active' } as never, req, overrideAccess: true })
    }
    return Response.json({ enrolled: learners.length, report }, { status: 201 })
  },
}
