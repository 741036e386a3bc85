import { stringify } from 'csv-stringify/sync'
import { textCell } from '../../../src/http/csv'
import type { FeedRecord } from './serializeRecord'

/** The CSV columns, fixed: registrars' import scripts depend on them. Documented in the README. */
export const CSV_COLUMNS = [
  'sequence', 'record_id', 'status', 'student_number', 'learner_name', 'home_university_code', 'home_university_name',
  'source_type', 'source_code', 'source_title', 'source_title_en', 'issuing_organization', 'partner_organizations',
  'credits', 'hours', 'category', 'grading_scheme', 'score', 'grade', 'passed', 'completed_at', 'issued_at',
  'local_course_code', 'local_credits', 'supersedes', 'revoked_at', 'previous_hash', 'hash',
] as const

export const csvHeader = () => stringify([CSV_COLUMNS as unknown as string[]])

export function csvRows(records: FeedRecord[]): string {
  const text = textCell
  return stringify(
    records.map((r) => [
      r.sequence, r.id, text(r.status), text(r.learner.studentNumber), text(r.learner.name), text(r.learner.homeUniversity.code),
      text(r.learner.homeUniversity.name), text(r.source.type), text(r.source.code), text(r.source.title), text(r.source.titleEn),
      text(r.source.issuingOrganization.name), text(r.source.partnerOrganizations.join('、')),
      r.credits, r.hours, text(r.category), text(r.gradingScheme), r.score, text(r.grade), r.passed === null ? '' : r.passed ? 'true' : 'false',
      r.completedAt, r.issuedAt, text(r.mapping?.localCourseCode) ?? '', r.mapping?.localCredits ?? '', r.supersedes ?? '', r.revokedAt ?? '',
      text(r.previousHash) ?? '', text(r.hash) ?? '',
    ]),
  )
}
