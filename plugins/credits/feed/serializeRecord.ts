/** The record as registrars receive it, in the feed, in webhooks and in CSV; fixed and documented. */
import { idOf } from '../../../src/access'

type Doc = Record<string, any>


export type FeedRecord = ReturnType<typeof serializeRecord>

export function serializeRecord(doc: Doc, mapping?: { localCourseCode?: string | null; creditFactor?: number | null } | null) {
  const factor = mapping?.creditFactor ?? 1
  return {
    id: doc.id,
    sequence: doc.sequence,
    status: doc.status,
    learner: {
      id: idOf(doc.learner),
      name: doc.learnerName ?? null,
      studentNumber: doc.studentNumber ?? null,
      homeUniversity: { id: idOf(doc.homeUniversity) ?? null, name: doc.homeUniversityName ?? null, code: doc.homeUniversityCode ?? null },
    },
    source: {
      type: doc.sourceType,
      id: doc.sourceId,
      title: doc.sourceTitle ?? null,
      titleEn: doc.sourceTitleEn ?? null,
      code: doc.sourceCode ?? null,
      issuingOrganization: { name: doc.issuingOrganizationName ?? null, code: doc.issuingOrganizationCode ?? null },
      partnerOrganizations: doc.partnerOrganizations ? String(doc.partnerOrganizations).split('、') : [],
    },
    credits: doc.credits,
    hours: doc.hours ?? null,
    category: doc.category ?? null,
    gradingScheme: doc.gradingScheme ?? null,
    score: doc.score ?? null,
    grade: doc.grade ?? null,
    passed: doc.passed ?? null,
    completedAt: doc.completedAt,
    issuedAt: doc.issuedAt,
    evidence: typeof doc.evidence === 'string' ? JSON.parse(doc.evidence) : (doc.evidence ?? null),
    supersedes: idOf(doc.supersedes) ?? null,
    revokedAt: doc.revokedAt ?? null,
    revocationReason: doc.revocationReason ?? null,
    // The record's place in its university's chain: previousHash is the hash of the record before
    // it in this feed, so a gap or a rewrite shows, and hash is SHA-256(JCS({ contentHash,
    // previousHash })) with contentHash the receiver can recompute from the record (README,
    // "Tamper-evident ledger"). The content hash itself is not sent: it follows from the record,
    // and every field a record adds costs the feed its share (bench/credit-feed).
    previousHash: doc.previousHash,
    hash: doc.hash,
    mapping: mapping
      ? { localCourseCode: mapping.localCourseCode ?? null, creditFactor: factor, localCredits: Math.round(doc.credits * factor * 100) / 100 }
      : null,
  }
}
