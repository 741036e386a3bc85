/**
 * A mentor certification as an Open Badges 3.0 credential: the achievement is the track's tier
 * certification, the subject the mentor, valid for the certification's period.
 */
import { OB_CONTEXT, VC_CONTEXT } from '../../../src/credentials/signCredential'
import { idOf } from '../../../src/access'
import { TIERS } from '../constants'

type Doc = Record<string, any>
export type Issuer = { baseUrl: string; name: { zh: string; en: string } }

export function certificationCredential(issuer: Issuer, certification: Doc, mentor: Doc, track: Doc) {
  const tier = TIERS[track.tier]?.label ?? [track.tier, track.tier]
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: `${issuer.baseUrl}/api/mentor-certifications/${certification.id}/credential`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${tier[0]}认证 · ${tier[1]} certification`,
    issuer: { id: `${issuer.baseUrl}/issuer`, type: ['Profile'], name: issuer.name.zh },
    validFrom: certification.validFrom,
    validUntil: certification.validUntil,
    credentialSubject: {
      id: `${issuer.baseUrl}/learners/${idOf(mentor.user)}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `${issuer.baseUrl}/api/mentor-tracks/${track.id}`,
        type: ['Achievement'],
        achievementType: 'Certification',
        name: `${tier[0]}认证（${track.title}）`,
        description: `${mentor.name} 完成“${track.title}”（${track.code}），获${tier[0]}认证。`,
        criteria: { narrative: `完成必修课程，累计不少于 ${track.minHours ?? 0} 学时，完成线下环节。` },
      },
    },
  }
}
