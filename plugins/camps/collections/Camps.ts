import { forgetProgramme } from '../attendance/programmes'
import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { validateCredits } from '../../../collections/Courses'
import { anyone } from '../../../src/access'
import { isCampStaff } from '../access'
import { CAMP_KINDS, CAMP_SLUGS } from '../constants'

/**
 * A political-education programme (思政教育) or a training camp (专题训练营, 职业训练营) run as a
 * cohort: dates, capacity, credits and hours, and the completion rule — a minimum attendance rate
 * and optionally a minimum contest score. Learners enrol through `enrollments` (it is a learning
 * source); meeting the rule writes a `completions` row, so credits follow.
 */
export const createCampsCollection = (): CollectionConfig => ({
  slug: CAMP_SLUGS.camps,
  labels: { singular: zhEn('项目', 'Programme'), plural: zhEn('思政与训练营', 'Programmes and camps') },
  admin: { useAsTitle: 'title', group: zhEn('思政与训练营', 'Programmes and camps'), defaultColumns: ['title', 'kind', 'organization', 'startsOn', 'endsOn', 'capacity'] },
  access: { read: anyone, create: isCampStaff, update: isCampStaff, delete: isCampStaff },
  hooks: { afterChange: [forgetProgramme], afterDelete: [forgetProgramme] },
  fields: [
    { name: 'title', type: 'text', required: true, label: zhEn('名称', 'Title') },
    { name: 'titleEn', type: 'text', label: zhEn('英文名称', 'Title (English)') },
    { name: 'code', type: 'text', required: true, unique: true, label: zhEn('代码', 'Code') },
    { name: 'kind', type: 'select', required: true, options: options(CAMP_KINDS as never), label: zhEn('类别', 'Kind') },
    { name: 'summary', type: 'textarea', label: zhEn('简介', 'Summary') },
    { name: 'organization', type: 'relationship', relationTo: CORE.organizations, required: true, label: zhEn('组织单位', 'Organiser') },
    { name: 'partners', type: 'relationship', relationTo: CORE.organizations, hasMany: true, label: zhEn('合作单位', 'Partners') },
    {
      type: 'row',
      fields: [
        { name: 'startsOn', type: 'date', required: true, label: zhEn('开营', 'Starts') },
        { name: 'endsOn', type: 'date', required: true, label: zhEn('结营', 'Ends') },
        { name: 'capacity', type: 'number', min: 1, label: zhEn('名额', 'Capacity') },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'credits', type: 'number', required: true, defaultValue: 0, min: 0, validate: validateCredits as never, label: zhEn('学分', 'Credits') },
        { name: 'hours', type: 'number', min: 0, label: zhEn('学时', 'Hours') },
        { name: 'creditCategory', type: 'select', defaultValue: 'training-camp', options: options({ 'political-education': ['思政教育', 'Political education'], 'training-camp': ['训练营', 'Training camp'], practice: ['实践', 'Practice'] }), label: zhEn('学分类别', 'Credit category') },
      ],
    },
    {
      name: 'completionRule',
      type: 'group',
      label: zhEn('结业规则', 'Completion rule'),
      fields: [
        { name: 'minAttendanceRate', type: 'number', required: true, defaultValue: 80, min: 0, max: 100, label: zhEn('最低出勤率（%）', 'Minimum attendance (%)') },
        { name: 'contest', type: 'relationship', relationTo: CAMP_SLUGS.contests, label: zhEn('须参加的竞赛', 'Contest to pass') },
        { name: 'minContestScore', type: 'number', min: 0, max: 100, label: zhEn('竞赛最低分', 'Minimum contest score'), admin: { condition: (_, sibling) => Boolean(sibling?.contest) } },
      ],
    },
  ],
})
