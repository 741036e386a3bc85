/**
 * A mentor certification as an Open Badges 3.0 credential: the achievement is the track's tier
 * certification (public at /api/mentor-tracks/<id>/achievement), the subject the mentor, valid
 * for the certification's period, the issuer the platform (/api/issuer), revocable through its
 * place in the plugin's status lists.
 */
import { type IssuerDetails, issuerOf } from '../../../src/credentials/issuer'
import { OB_CONTEXT, VC_CONTEXT } from '../../../src/credentials/signCredential'
import { idOf } from '../../../src/access'
import { TIERS } from '../constants'
import { certificationStatus } from './revocationList'

type Doc = Record<string, any>

/** The Achievement a track certifies: what its credential embeds and its public page serves. */
export function trackAchievement(issuer: IssuerDetails, track: Doc) {
  const tier = TIERS[track.tier]?.label ?? [track.tier, track.tier]
  return {
    id: `${issuer.publicUrl}/api/mentor-tracks/${track.id}/achievement`,
    type: ['Achievement'],
    achievementType: 'Certification',
    name: `${tier[0]}认证（${track.title}）`,
    ...(track.code ? { humanCode: track.code } : {}),
    description: `${tier[1]} certification: the enterprise-mentor training track “${track.title}”${track.code ? ` (${track.code})` : ''}.`,
    criteria: { narrative: `完成必修课程，累计不少于 ${track.minHours ?? 0} 学时，完成线下环节。` },
  }
}

export function certificationCredential(issuer: IssuerDetails, certification: Doc, mentor: Doc, track: Doc) {
  const tier = TIERS[track.tier]?.label ?? [track.tier, track.tier]
  const status = certificationStatus(issuer, certification)
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: `${issuer.publicUrl}/api/mentor-certifications/${certification.id}/credential`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${tier[0]}认证 · ${tier[1]} certification`,
    description: `${mentor.name} 完成“${track.title}”（${track.code}），获${tier[0]}认证。`,
    issuer: issuerOf(issuer),
    validFrom: new Date(certification.validFrom).toISOString(),
    ...(certification.validUntil ? { validUntil: new Date(certification.validUntil).toISOString() } : {}),
    credentialSubject: {
      id: `${issuer.publicUrl}/learners/${idOf(mentor.user)}`,
      type: ['AchievementSubject'],
      achievement: trackAchievement(issuer, track),
    },
    credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
    ...(status ? { credentialStatus: status } : {}),
  }
}
