import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { authenticated, isAdmin } from '../../../src/access'
import { FEATURED_SLUGS } from '../constants'
import { guardRoundChanges } from '../hooks/guardRoundChanges'
import { resultsEndpoint } from '../endpoints/roundResults'
import type { SanitizedFeaturedCoursesOptions } from '../types'

/**
 * A call for featured-course proposals (特色课程立项): the window in which first submissions are
 * taken, the budget its funding awards may never exceed, and the rubric and thresholds its
 * reviewers use.
 */
export const createProposalRoundsCollection = (options: SanitizedFeaturedCoursesOptions): CollectionConfig => ({
  slug: FEATURED_SLUGS.rounds,
  labels: { singular: zhEn('立项批次', 'Proposal round'), plural: zhEn('立项批次', 'Proposal rounds') },
  admin: { useAsTitle: 'title', group: zhEn('特色课程', 'Featured courses'), defaultColumns: ['title', 'opensAt', 'closesAt', 'budget'] },
  access: { read: authenticated, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeChange: [guardRoundChanges] },
  endpoints: [resultsEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true, label: zhEn('批次名称', 'Title') },
    { name: 'titleEn', type: 'text', label: zhEn('英文名称', 'Title (English)') },
    {
      type: 'row',
      fields: [
        { name: 'opensAt', type: 'date', required: true, label: zhEn('申报开始', 'Submissions open'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'closesAt', type: 'date', required: true, label: zhEn('申报截止', 'Submissions close'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'budget',
      type: 'number',
      required: true,
      min: 0,
      label: zhEn('经费预算（元）', 'Budget (CNY)'),
      admin: { description: zhEn('本批次经费补助总额，不得超支', 'The total this round may award; never exceeded') },
    },
    {
      type: 'row',
      fields: [
        { name: 'reviewersPerProposal', type: 'number', required: true, min: 1, max: 15, defaultValue: options.review.reviewersPerProposal, label: zhEn('每项评审人数', 'Reviewers per proposal') },
        { name: 'approveAt', type: 'number', required: true, min: 0, max: 100, defaultValue: options.review.approveAt, label: zhEn('建议立项分数线', 'Propose approval at') },
        { name: 'reviseAt', type: 'number', required: true, min: 0, max: 100, defaultValue: options.review.reviseAt, label: zhEn('建议修改分数线', 'Propose revision at') },
      ],
    },
    {
      name: 'rubric',
      type: 'array',
      required: true,
      minRows: 1,
      label: zhEn('评审指标', 'Rubric'),
      admin: { description: zhEn('每项 0–100 分，按权重加权；已有评审提交后不能再改', 'Each scored 0–100 and weighted; fixed once a review is submitted') },
      defaultValue: options.review.rubric.map((c) => ({ key: c.key, label: c.label.zh, labelEn: c.label.en, weight: c.weight })),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'key', type: 'text', required: true, label: zhEn('代码', 'Key'), validate: (v: unknown) => (typeof v === 'string' && /^[a-z][a-z0-9-]{1,31}$/.test(v)) || 'lower-case letters, digits and hyphens, e.g. team' },
            { name: 'label', type: 'text', required: true, label: zhEn('指标', 'Criterion') },
            { name: 'labelEn', type: 'text', label: zhEn('英文', 'Criterion (English)') },
            { name: 'weight', type: 'number', required: true, min: 1, label: zhEn('权重', 'Weight') },
          ],
        },
      ],
    },
  ],
})
