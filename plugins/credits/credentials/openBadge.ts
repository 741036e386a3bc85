/**
 * A credit record as an Open Badges 3.0 OpenBadgeCredential, and a learner's records as a
 * CLR 2.0 ClrCredential; src/credentials/signCredential.ts signs them. Both follow 1EdTech's
 * published JSON schemas (test/data/schemas/, checked on every credential the tests issue). Every
 * id in them resolves: the issuer to its Profile (/api/issuer), the achievement to its
 * Achievement (/api/achievements/…), the status to a signed Bitstring Status List.
 */
import { idOf } from '../../../src/access'
import { statusListEntry } from '../../../src/credentials/bitstringStatusList'
import { statusListPlace } from '../../../src/credentials/statusListEndpoint'
import { type IssuerDetails, issuerOf } from '../../../src/credentials/issuer'
import { OB_CONTEXT, VC_CONTEXT } from '../../../src/credentials/signCredential'

type Doc = Record<string, any>

export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json'
const OB_SCHEMA = { id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }
const CLR_SCHEMA = { id: 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }

export type Issuer = IssuerDetails

export const learnerUrl = (issuer: Issuer, learner: unknown) => `${issuer.publicUrl}/learners/${idOf(learner)}`
export const credentialUrl = (issuer: Issuer, record: Doc) => `${issuer.publicUrl}/api/credit-records/${record.id}/credential`
export const achievementUrl = (issuer: Issuer, source: { sourceType: string; sourceId: string | number }) => `${issuer.publicUrl}/api/achievements/${source.sourceType}/${source.sourceId}`

export const statusListUrl = (issuer: Issuer, list: number) => `${issuer.publicUrl}/api/credit-records/status-lists/${list}`

/**
 * The Achievement of a credit-bearing source, from a record's snapshot of it, or from the
 * source itself (achievementFromSource) for the public Achievement page.
 */
export function achievement(issuer: Issuer, source: Doc) {
  const id = achievementUrl(issuer, source as { sourceType: string; sourceId: string })
  return {
    id,
    type: ['Achievement'],
    achievementType: 'Course',
    name: source.sourceTitle,
    ...(source.sourceCode ? { humanCode: source.sourceCode } : {}),
    description: [source.sourceTitleEn, source.issuingOrganizationName, source.partnerOrganizations].filter(Boolean).join(' · ') || source.sourceTitle,
    criteria: { narrative: 'Completed every required module and met the course’s completion rule on the LianPei platform.' },
    ...(typeof source.credits === 'number' ? { creditsAvailable: source.credits } : {}),
    resultDescription: [{ id: `${id}#result`, type: ['ResultDescription'], name: 'Grade', resultType: source.gradingScheme === 'five-level' ? 'LetterGrade' : 'Percent' }],
  }
}

export function openBadgeCredential(issuer: Issuer, record: Doc) {
  const badge = achievement(issuer, record)
  const value = record.grade ?? (record.score === null || record.score === undefined ? undefined : String(record.score))
  // A record's place in the revocation lists is its sequence number.
  const { list, index } = statusListPlace(record.sequence)
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: credentialUrl(issuer, record),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerOf(issuer),
    validFrom: new Date(record.issuedAt).toISOString(),
    name: record.sourceTitle,
    credentialSubject: {
      id: learnerUrl(issuer, record.learner),
      type: ['AchievementSubject'],
      // The student number, as the learner's university's information system knows them.
      ...(record.studentNumber ? { identifier: [{ type: 'IdentityObject', identityHash: record.studentNumber, identityType: 'sisSourcedId', hashed: false }] } : {}),
      achievement: badge,
      creditsEarned: record.credits,
      activityEndDate: new Date(record.completedAt).toISOString(),
      result: [{ type: ['Result'], resultDescription: badge.resultDescription[0].id, ...(value === undefined ? {} : { value }), status: record.passed === false ? 'Failed' : 'Completed' }],
    },
    credentialSchema: [OB_SCHEMA],
    credentialStatus: statusListEntry(statusListUrl(issuer, list), index),
  }
}

export function clrCredential(issuer: Issuer, learner: Doc, records: Doc[]) {
  const now = new Date().toISOString()
  const credentials = records.map((r) => openBadgeCredential(issuer, r))
  return {
    '@context': [VC_CONTEXT, CLR_CONTEXT, OB_CONTEXT],
    id: `${issuer.publicUrl}/api/credit-records/transcript/${learner.id}/${Date.now()}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: issuerOf(issuer),
    validFrom: now,
    name: `${learner.officialName || learner.name} · LianPei transcript`,
    credentialSubject: {
      id: learnerUrl(issuer, learner.id),
      type: ['ClrSubject'],
      verifiableCredential: credentials,
      achievement: credentials.map((c) => c.credentialSubject.achievement),
    },
    credentialSchema: [CLR_SCHEMA],
  }
}
