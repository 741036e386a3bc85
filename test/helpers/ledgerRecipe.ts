/**
 * The README's "Tamper-evident ledger" recipe, written as a registrar would write it from the
 * documentation alone (no LianPei code): a feed record's hash from its content and the hash of
 * the record before it.
 */
import { createHash } from 'node:crypto'

type FeedRecord = Record<string, any>

// RFC 8785 for the values a record holds: sorted keys, no whitespace, JSON.stringify's scalars.
const jcs = (v: unknown): string =>
  v === null || typeof v !== 'object'
    ? JSON.stringify(v ?? null)
    : Array.isArray(v)
      ? `[${v.map(jcs).join(',')}]`
      : `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${jcs((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')
const id = (v: unknown) => (v === null || v === undefined ? null : String(v))

export function recomputeFromFeed(r: FeedRecord, previousHash: string): string {
  const content = {
    sequence: r.sequence,
    learner: id(r.learner.id),
    learnerName: r.learner.name,
    studentNumber: r.learner.studentNumber,
    homeUniversity: id(r.learner.homeUniversity.id),
    homeUniversityName: r.learner.homeUniversity.name,
    homeUniversityCode: r.learner.homeUniversity.code,
    sourceType: r.source.type,
    sourceId: id(r.source.id),
    sourceTitle: r.source.title,
    sourceTitleEn: r.source.titleEn,
    sourceCode: r.source.code,
    issuingOrganizationName: r.source.issuingOrganization.name,
    issuingOrganizationCode: r.source.issuingOrganization.code,
    partnerOrganizations: r.source.partnerOrganizations.join('、') || null,
    credits: r.credits,
    hours: r.hours,
    category: r.category,
    gradingScheme: r.gradingScheme,
    score: r.score,
    grade: r.grade,
    passed: r.passed,
    completedAt: r.completedAt,
    issuedAt: r.issuedAt,
    evidence: r.evidence,
    supersedes: id(r.supersedes),
  }
  return sha256(jcs({ contentHash: sha256(jcs(content)), previousHash }))
}
