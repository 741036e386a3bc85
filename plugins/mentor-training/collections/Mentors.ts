import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { authenticated, hasRole, nobodyField, or } from '../../../src/access'
import { isRegistryStaff, ownMentorProfile, registryStaffField, registryStaffOrSelfField } from '../access'
import { MENTOR_KINDS, MENTOR_SLUGS, MENTOR_STATUSES, TIER_LABELS } from '../constants'
import { registryEndpoint } from '../endpoints/registry'
import { guardMentorProfile } from '../hooks/guardMentorProfile'
import type { SanitizedMentorTrainingOptions } from '../types'

/**
 * The mentor registry (导师库): one profile per mentor, university or enterprise, with a tier, the
 * fields they know, how many students they take, and where they stand: applicant → in-training →
 * certified → suspended | expired. Certification and expiry are the plugin's to set; suspending
 * is an administrator's, with a reason. Public search: GET /api/mentors/registry.
 */
export const createMentorsCollection = (options_: SanitizedMentorTrainingOptions): CollectionConfig => ({
  slug: MENTOR_SLUGS.mentors,
  labels: { singular: zhEn('导师', 'Mentor'), plural: zhEn('导师库', 'Mentor registry') },
  admin: { useAsTitle: 'name', group: zhEn('导师培训', 'Mentor training'), defaultColumns: ['name', 'kind', 'tier', 'organization', 'status', 'certifiedUntil'], listSearchableFields: ['name', 'searchText'] },
  access: {
    // Anyone signed in may look a mentor up (a university finding an enterprise mentor); the public search shows less.
    read: authenticated,
    create: or(isRegistryStaff, hasRole('mentor')),
    update: or(isRegistryStaff, ownMentorProfile),
    delete: hasRole('admin'),
  },
  hooks: { beforeChange: [guardMentorProfile] },
  endpoints: [registryEndpoint],
  fields: [
    // Never moved to another account: assignments and certifications name the account they were made for.
    { name: 'user', type: 'relationship', relationTo: CORE.users, required: true, unique: true, label: zhEn('账号', 'Account'), access: { update: nobodyField } },
    { name: 'name', type: 'text', required: true, label: zhEn('姓名', 'Name') },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, options: options(MENTOR_KINDS as never), label: zhEn('导师类别', 'Kind'), access: { update: registryStaffField } },
        { name: 'tier', type: 'select', required: true, index: true, options: options(TIER_LABELS), label: zhEn('层级', 'Tier'), access: { update: registryStaffField } },
        { name: 'organization', type: 'relationship', relationTo: CORE.organizations, required: true, index: true, label: zhEn('所在单位', 'Organisation'), access: { update: registryStaffField } },
      ],
    },
    { name: 'expertise', type: 'text', hasMany: true, label: zhEn('专业领域', 'Fields of expertise'), admin: { description: zhEn('每项一个领域，如“工业机器人”', 'One field each, e.g. industrial robots') } },
    { name: 'bio', type: 'textarea', label: zhEn('简介', 'Biography') },
    { name: 'maxStudents', type: 'number', required: true, min: 1, max: 50, defaultValue: options_.defaultMaxStudents, label: zhEn('最多指导学生数', 'Most students at once'), access: { update: registryStaffField } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'applicant',
      index: true,
      options: options(MENTOR_STATUSES as never),
      label: zhEn('状态', 'Status'),
      access: { create: registryStaffField, update: registryStaffField },
      admin: { position: 'sidebar', description: zhEn('认证与过期由平台根据培训和有效期设定', 'Certified and expired are set by the platform from training and validity') },
    },
    { name: 'statusReason', type: 'textarea', label: zhEn('状态说明', 'Reason'), access: { read: registryStaffOrSelfField, create: registryStaffField, update: registryStaffField }, admin: { position: 'sidebar', description: zhEn('暂停须说明原因', 'A suspension needs a reason') } },
    { name: 'certifiedUntil', type: 'date', access: { create: nobodyField, update: nobodyField }, label: zhEn('认证有效期至', 'Certified until'), admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'evaluation',
      type: 'group',
      label: zhEn('评价', 'Evaluations'),
      access: { read: registryStaffOrSelfField, create: nobodyField, update: nobodyField },
      admin: { readOnly: true, position: 'sidebar' },
      fields: [
        { name: 'average', type: 'number', label: zhEn('平均分（1–5）', 'Average (1–5)') },
        { name: 'count', type: 'number', label: zhEn('评价数', 'Evaluations') },
      ],
    },
    // Name, organisation code, tier and fields of expertise in one lower-case text: what the registry search matches.
    { name: 'searchText', type: 'text', index: true, access: { create: nobodyField, update: nobodyField }, admin: { hidden: true } },
  ],
})
