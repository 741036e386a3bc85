/**
 * A credit record as an Open Badges 3.0 OpenBadgeCredential, and a learner's records as a
 * CLR 2.0 ClrCredential; src/credentials/signCredential.ts signs them.
 */
import { idOf } from '../../../src/access'
import { OB_CONTEXT, VC_CONTEXT } from '../../../src/credentials/signCredential'

type Doc = Record<string, any>

export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json'

export type Issuer = { baseUrl: string; name: { zh: string; en: string } }

export const issuerId = (issuer: Issuer) => `${issuer.baseUrl}/issuer`
export const learnerId = (issuer: Issuer, record: Doc) => `${issuer.baseUrl}/learners/${idOf(record.learner)}`
export const credentialUrl = (issuer: Issuer, record: Doc) => `${issuer.baseUrl}/api/credit-records/${record.id}/credential`
export const statusUrl = (issuer: Issuer, record: Doc) => `${issuer.baseUrl}/api/credit-records/${record.id}/status`

export function openBadgeCredential(issuer: Issuer, record: Doc) {
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: credentialUrl(issuer, record),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerId(issuer), type: ['Profile'], name: `${issuer.name.zh} (${issuer.name.en})` },
    validFrom: new Date(record.issuedAt).toISOString(),
    name: record.sourceTitle,
    credentialSubject: {
      id: learnerId(issuer, record),
      type: ['AchievementSubject'],
      identifier: record.studentNumber
        ? [{ type: ['IdentityObject'], identityHash: record.studentNumber, identityType: 'studentId', hashed: false }]
        : undefined,
      achievement: {
        id: `${issuer.baseUrl}/api/${record.sourceType}/${record.sourceId}`,
        type: ['Achievement'],
        achievementType: 'Course',
        name: record.sourceTitle,
        humanCode: record.sourceCode ?? undefined,
        description: [record.sourceTitleEn, record.issuingOrganizationName, record.partnerOrganizations].filter(Boolean).join(' · ') || record.sourceTitle,
        criteria: { narrative: 'Completed every required module and met the course’s completion rule on the LianPei platform.' },
        creditsAvailable: record.credits,
        resultDescription: [{ id: `${issuer.baseUrl}/api/${record.sourceType}/${record.sourceId}#result`, type: ['ResultDescription'], name: 'Grade', resultType: record.gradingScheme === 'five-level' ? 'LetterGrade' : 'Percent' }],
      },
      creditsEarned: record.credits,
      activityEndDate: new Date(record.completedAt).toISOString(),
      result: [
        {
          type: ['Result'],
          resultDescription: `${issuer.baseUrl}/api/${record.sourceType}/${record.sourceId}#result`,
          value: record.grade ?? (record.score === null || record.score === undefined ? undefined : String(record.score)),
          status: record.passed === false ? 'Failed' : 'Completed',
        },
      ],
    },
    credentialStatus: { id: statusUrl(issuer, record), type: '1EdTechRevocationList' },
  }
}

export function clrCredential(issuer: Issuer, learner: Doc, records: Doc[]) {
  const now = new Date().toISOString()
  return {
    '@context': [VC_CONTEXT, CLR_CONTEXT, OB_CONTEXT],
    id: `${issuer.baseUrl}/api/credit-records/transcript/${learner.id}/${Date.now()}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: issuerId(issuer), type: ['Profile'], name: `${issuer.name.zh} (${issuer.name.en})` },
    validFrom: now,
    name: `${learner.officialName || learner.name} · LianPei transcript`,
    credentialSubject: {
      id: `${issuer.baseUrl}/learners/${learner.id}`,
      type: ['ClrSubject'],
      verifiableCredential: records.map((r) => openBadgeCredential(issuer, r)),
      achievement: records.map((r) => openBadgeCredential(issuer, r).credentialSubject.achievement),
    },
  }
}
