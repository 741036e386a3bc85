import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { hasRole, nobody, or } from '../../../src/access'
import { isRegistryStaff, ownMentorRows } from '../access'
import { CERTIFICATION_STATUSES, MENTOR_SLUGS } from '../constants'
import { certificationStatusEndpoint, certificationStatusListEndpoint } from '../credentials/revocationList'
import { certificationCredentialEndpoint } from '../endpoints/certificationCredential'
import { guardCertification } from '../hooks/guardCertification'
import type { IssuerDetails } from '../../../src/credentials/issuer'
import type { CredentialKeys } from '../../../src/credentials/keys'

/**
 * A mentor's certification, issued by the plugin when a track is finished: valid from, valid
 * until (validity months from the options, 36 by default), initial or renewal. Administrators may
 * only revoke one, with a reason. Its verifiable credential: GET /api/mentor-certifications/<id>/credential,
 * revocable through the list at GET /api/mentor-certifications/status-lists/<n>.
 */
export const createMentorCertificationsCollection = (issuer: IssuerDetails, keys: CredentialKeys): CollectionConfig => ({
  slug: MENTOR_SLUGS.certifications,
  labels: { singular: zhEn('导师认证', 'Mentor certification'), plural: zhEn('导师认证', 'Mentor certifications') },
  admin: { group: zhEn('导师培训', 'Mentor training'), defaultColumns: ['mentor', 'track', 'kind', 'validFrom', 'validUntil', 'status'] },
  access: { read: or(isRegistryStaff, ownMentorRows), create: nobody, update: hasRole('admin'), delete: nobody },
  hooks: { beforeChange: [guardCertification] },
  endpoints: [certificationStatusListEndpoint(issuer, keys), certificationCredentialEndpoint(issuer, keys), certificationStatusEndpoint],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'mentor', type: 'relationship', relationTo: MENTOR_SLUGS.mentors, required: true, index: true, label: zhEn('导师', 'Mentor') },
    { name: 'mentorUser', type: 'relationship', relationTo: CORE.users, index: true, admin: { hidden: true } },
    { name: 'track', type: 'relationship', relationTo: MENTOR_SLUGS.tracks, required: true, label: zhEn('培训方案', 'Track') },
    { name: 'kind', type: 'select', required: true, options: options({ initial: ['初次认证', 'Initial'], renewal: ['续期', 'Renewal'] }), label: zhEn('类别', 'Kind') },
    { name: 'issuedAt', type: 'date', required: true, label: zhEn('颁发时间', 'Issued') },
    { name: 'validFrom', type: 'date', required: true, label: zhEn('生效', 'Valid from') },
    { name: 'validUntil', type: 'date', required: true, index: true, label: zhEn('有效期至', 'Valid until') },
    { name: 'status', type: 'select', required: true, defaultValue: 'valid', index: true, options: options(CERTIFICATION_STATUSES as never), label: zhEn('状态', 'Status') },
    { name: 'revocationReason', type: 'textarea', label: zhEn('撤销原因', 'Revocation reason') },
    // Its place in the revocation lists (credentials/revocationList.ts), taken when it is issued.
    { name: 'statusIndex', type: 'number', unique: true, index: true, admin: { hidden: true } },
    { name: 'evidence', type: 'json', label: zhEn('完成情况', 'Evidence'), admin: { readOnly: true } },
  ],
})
