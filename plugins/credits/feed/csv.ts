import { stringify } from 'csv-stringify/sync'
import type { FeedRecord } from './serializeRecord'

/** The CSV columns, fixed: registrars' import scripts depend on them. Documented in the README. */
export const CSV_COLUMNS = [
  'sequence', 'record_id', 'status', 'student_number', 'learner_name', 'home_university_code', 'home_university_name',
  'source_type', 'source_code', 'source_title', 'source_title_en', 'issuing_organization', 'partner_organizations',
  'credits', 'hours', 'category', 'grading_scheme', 'score', 'grade', 'passed', 'completed_at', 'issued_at',
  'local_course_code', 'local_credits', 'supersedes', 'revoked_at',
] as const

/** Excel opens UTF-8 CSV as UTF-8, and so shows Chinese, only when the file starts with a BOM. */
export const CSV_BOM = '\uFEFF'

export const csvHeader = () => stringify([CSV_COLUMNS as unknown as string[]])

export function csvRows(records: FeedRecord[]): string {
  return stringify(
    records.map((r) => [
      r.sequence, r.id, r.status, r.learner.studentNumber, r.learner.name, r.learner.homeUniversity.code, r.learner.homeUniversity.name,
      r.source.type, r.source.code, r.source.title, r.source.titleEn, r.source.issuingOrganization.name, r.source.partnerOrganizations.join('、'),
      r.credits, r.hours, r.category, r.gradingScheme, r.score, r.grade, r.passed === null ? '' : r.passed ? 'true' : 'false',
      r.completedAt, r.issuedAt, r.mapping?.localCourseCode ?? '', r.mapping?.localCredits ?? '', r.supersedes ?? '', r.revokedAt ?? '',
    ]),
  )
}
