/**
 * What the ledger hashes and how. Every entry of a university's chain — a credit record, or an
 * event that happened to records after issue — carries three SHA-256 hashes:
 *
 *   contentHash  = SHA-256(JCS(content))
 *   previousHash = the hash of the entry before it in the chain (GENESIS for the first)
 *   hash         = SHA-256(JCS({ "contentHash": …, "previousHash": … }))
 *
 * Hashes are written base64url without padding (43 characters, RFC 4648 §5), not hex: the feed
 * sends one per record, and 21 characters fewer per record was 3 % of the feed's time.
 *
 * A record's content is its issue snapshot (RECORD_CONTENT, the fields the feed sends, as issued);
 * an event's is its kind, what it applies to, when and by whom. Change a byte of either, drop or
 * reorder an entry, and every hash after it stops matching. The recipe is public (README,
 * "Tamper-evident ledger") so that a registrar can check it without our code.
 */
import { createHash } from 'node:crypto'
import { idOf } from '../../../src/access'
import { canonicalJson } from './canonicalJson'

type Doc = Record<string, any>

/** The previous hash of a chain's first entry: 32 zero bytes. */
export const GENESIS = 'A'.repeat(43)

export const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')

export type Link = { contentHash: string; previousHash: string; hash: string }

export function link(content: unknown, previousHash: string): Link {
  const contentHash = sha256(canonicalJson(content))
  return { contentHash, previousHash, hash: sha256(canonicalJson({ contentHash, previousHash })) }
}

const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v))
const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v))
const ref = (v: unknown) => text(idOf(v))
const date = (v: unknown) => (v === null || v === undefined || v === '' ? null : new Date(v as string).toISOString())
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null))

/** A record's issued content: each field and the one form its value takes on every database. */
export const RECORD_CONTENT = {
  sequence: num,
  learner: ref,
  learnerName: text,
  studentNumber: text,
  homeUniversity: ref,
  homeUniversityName: text,
  homeUniversityCode: text,
  sourceType: text,
  sourceId: text,
  sourceTitle: text,
  sourceTitleEn: text,
  sourceCode: text,
  issuingOrganizationName: text,
  issuingOrganizationCode: text,
  partnerOrganizations: text,
  credits: num,
  hours: num,
  category: text,
  gradingScheme: text,
  score: num,
  grade: text,
  passed: (v: unknown) => (v === null || v === undefined ? null : Boolean(v)),
  completedAt: date,
  issuedAt: date,
  evidence: json,
  supersedes: ref,
} as const

export const recordContent = (doc: Doc) => Object.fromEntries(Object.entries(RECORD_CONTENT).map(([field, as]) => [field, as(doc[field])]))

/** The chain a record belongs to: its home university's id, or "none" for learners without one. */
export const chainOf = (homeUniversity: unknown) => ref(homeUniversity) ?? 'none'

/** What an event says, in the form it is hashed in. */
export const eventContent = (event: Doc) => ({
  chain: text(event.chain),
  position: num(event.position),
  kind: text(event.kind),
  record: ref(event.record),
  sequence: num(event.sequence),
  after: num(event.after),
  upTo: num(event.upTo),
  at: date(event.at),
  by: ref(event.by),
  reason: text(event.reason),
  supersededBy: ref(event.supersededBy),
})
