import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { isAdmin, nobodyField, or } from '../../../src/access'
import { ownOpenReviews, reviewsVisibleToReviewer } from '../access'
import { FEATURED_SLUGS, RECOMMENDATION_LABELS, REVIEW_STATE_LABELS } from '../constants'
import { guardReview } from '../hooks/guardReview'
import { summariseProposalOnReview } from '../hooks/summariseProposalOnReview'

/**
 * One reviewer's review of one submission (revision) of a proposal: a score of 0–100 on each of
 * the round's criteria, the weighted score, a recommendation and a comment. Administrators assign
 * (create) reviews, or the plugin does; never to a reviewer from the lead's or a partner's
 * organisation. Blind: a reviewer reads the others' reviews only after submitting their own.
 */
export const createProposalReviewsCollection = (): CollectionConfig => ({
  slug: FEATURED_SLUGS.reviews,
  labels: { singular: zhEn('专家评审', 'Proposal review'), plural: zhEn('专家评审', 'Proposal reviews') },
  admin: { group: zhEn('特色课程', 'Featured courses'), defaultColumns: ['proposal', 'reviewer', 'status', 'weightedScore', 'recommendation', 'submittedAt'] },
  access: {
    read: or(isAdmin, reviewsVisibleToReviewer),
    create: isAdmin,
    update: or(isAdmin, ownOpenReviews),
    delete: isAdmin,
  },
  hooks: { beforeChange: [guardReview], afterChange: [summariseProposalOnReview], afterDelete: [summariseProposalOnReview as never] },
  fields: [
    { name: 'key', type: 'text', unique: true, access: { create: nobodyField, update: nobodyField }, admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        { name: 'proposal', type: 'relationship', relationTo: FEATURED_SLUGS.proposals, required: true, index: true, label: zhEn('申报', 'Proposal'), access: { update: nobodyField } },
        {
          name: 'reviewer',
          type: 'relationship',
          relationTo: CORE.users,
          required: true,
          index: true,
          label: zhEn('评审专家', 'Reviewer'),
          access: { update: nobodyField },
          filterOptions: { roles: { in: ['reviewer'] } },
        },
      ],
    },
    { name: 'round', type: 'relationship', relationTo: FEATURED_SLUGS.rounds, index: true, access: { create: nobodyField, update: nobodyField }, label: zhEn('批次', 'Round'), admin: { readOnly: true } },
    { name: 'revision', type: 'number', access: { create: nobodyField, update: nobodyField }, label: zhEn('第几次提交', 'Submission'), admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'assigned',
      index: true,
      options: options(REVIEW_STATE_LABELS as never),
      label: zhEn('状态', 'Status'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'scores',
      type: 'array',
      label: zhEn('各项评分', 'Scores'),
      admin: { description: zhEn('按本批次的评审指标，每项 0–100 分', 'One per criterion of the round’s rubric, 0–100 each') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'criterion', type: 'text', required: true, label: zhEn('指标代码', 'Criterion') },
            { name: 'score', type: 'number', required: true, min: 0, max: 100, label: zhEn('分数', 'Score') },
          ],
        },
      ],
    },
    { name: 'weightedScore', type: 'number', access: { create: nobodyField, update: nobodyField }, label: zhEn('加权分', 'Weighted score'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'recommendation', type: 'select', options: options(RECOMMENDATION_LABELS as never), label: zhEn('评审建议', 'Recommendation') },
    { name: 'comment', type: 'textarea', label: zhEn('评审意见', 'Comment') },
    { name: 'submittedAt', type: 'date', access: { create: nobodyField, update: nobodyField }, label: zhEn('提交时间', 'Submitted'), admin: { readOnly: true, position: 'sidebar' } },
  ],
})
