import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { CREDIT_CATEGORIES, validateCredits } from '../../../collections/Courses'
import { authenticated } from '../../../src/access'
import { isRegistryStaff } from '../access'
import { MENTOR_SLUGS, TIER_LABELS } from '../constants'
import type { IssuerDetails } from '../../../src/credentials/issuer'
import { trackAchievementEndpoint } from '../endpoints/trackAchievement'

/**
 * A training track for one tier (企业导师培训体系): required courses of the open course library, a
 * minimum of contact hours from them, and offline items an organiser records (a workshop, a site
 * visit). Mentors enrol in it like in a course (it is a learning source); finishing it certifies
 * them, or renews their certification when it is a renewal track. Credits, when an organisation
 * counts training hours as credits, follow from the completion it writes.
 */
export const createMentorTracksCollection = (issuer: IssuerDetails): CollectionConfig => ({
  slug: MENTOR_SLUGS.tracks,
  labels: { singular: zhEn('导师培训方案', 'Mentor training track'), plural: zhEn('导师培训方案', 'Mentor training tracks') },
  admin: { useAsTitle: 'title', group: zhEn('导师培训', 'Mentor training'), defaultColumns: ['title', 'code', 'tier', 'purpose', 'minHours'] },
  access: { read: authenticated, create: isRegistryStaff, update: isRegistryStaff, delete: isRegistryStaff },
  endpoints: [trackAchievementEndpoint(issuer)],
  fields: [
    { name: 'title', type: 'text', required: true, label: zhEn('名称', 'Title') },
    { name: 'titleEn', type: 'text', label: zhEn('英文名称', 'Title (English)') },
    { name: 'code', type: 'text', required: true, unique: true, label: zhEn('代码', 'Code') },
    {
      type: 'row',
      fields: [
        { name: 'tier', type: 'select', required: true, index: true, options: options(TIER_LABELS), label: zhEn('适用层级', 'Tier') },
        { name: 'purpose', type: 'select', required: true, defaultValue: 'initial', options: options({ initial: ['初次认证', 'Initial certification'], renewal: ['续期', 'Renewal'] }), label: zhEn('用途', 'Purpose') },
      ],
    },
    { name: 'requiredCourses', type: 'relationship', relationTo: CORE.courses, hasMany: true, label: zhEn('必修课程', 'Required courses') },
    { name: 'minHours', type: 'number', required: true, min: 0, defaultValue: 0, label: zhEn('最少学时', 'Minimum hours'), admin: { description: zhEn('已完成课程的学时合计', 'Sum of the hours of the courses completed') } },
    {
      name: 'offlineItems',
      type: 'array',
      label: zhEn('线下环节', 'Offline items'),
      admin: { description: zhEn('由组织者记录完成情况', 'An organiser records each one') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'key', type: 'text', required: true, label: zhEn('代码', 'Key'), validate: (v: unknown) => (typeof v === 'string' && /^[a-z][a-z0-9-]{1,31}$/.test(v)) || 'lower-case letters, digits and hyphens' },
            { name: 'title', type: 'text', required: true, label: zhEn('名称', 'Title') },
            { name: 'kind', type: 'select', required: true, defaultValue: 'workshop', options: options({ workshop: ['工作坊', 'Workshop'], 'site-visit': ['现场观摩', 'Site visit'], other: ['其他', 'Other'] }), label: zhEn('形式', 'Kind') },
          ],
        },
      ],
    },
    { name: 'organization', type: 'relationship', relationTo: CORE.organizations, required: true, label: zhEn('组织单位', 'Organiser') },
    {
      type: 'row',
      fields: [
        { name: 'credits', type: 'number', defaultValue: 0, min: 0, label: zhEn('可计学分', 'Credits'), validate: validateCredits as never, admin: { description: zhEn('0 表示不计学分', '0: no credits') } },
        { name: 'hours', type: 'number', min: 0, label: zhEn('学时', 'Hours') },
        { name: 'creditCategory', type: 'select', defaultValue: 'practice', options: CREDIT_CATEGORIES, label: zhEn('学分类别', 'Credit category') },
      ],
    },
  ],
})
