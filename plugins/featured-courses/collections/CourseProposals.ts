import type { CollectionConfig, PayloadRequest } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { validateCredits } from '../../../collections/Courses'
import { and, hasRole, isAdmin, nobodyField, or } from '../../../src/access'
import { committeeOnly, proposalsAssignedToReviewer, proposalsOfAuthor, reviewSummaryReadable } from '../access'
import { FEATURED_SLUGS, PROPOSAL_STATE_LABELS, RECOMMENDATION_LABELS, TEAM_ROLES } from '../constants'
import { assignReviewersEndpoint } from '../endpoints/assignReviewers'
import { transitionEndpoint } from '../endpoints/transition'
import { afterProposalMoves } from '../hooks/afterProposalMoves'
import { moveProposal } from '../hooks/moveProposal'
import { forgetPendingMove, undoFailedMove } from '../hooks/undoFailedMove'
import type { SanitizedFeaturedCoursesOptions } from '../types'

const draftsOnly = { status: { equals: 'draft' } }

/**
 * A featured-course proposal: the course a university develops with one or more enterprises, its
 * team, how it brings new technology, standards and processes (新技术、新标准、新工艺) into
 * teaching, and what it plans. Its status moves only along workflow/moves.ts (hooks/moveProposal.ts),
 * every move recorded in proposal-transitions; the review summary is hidden until the reader may see it.
 */
export const createCourseProposalsCollection = (options_: SanitizedFeaturedCoursesOptions): CollectionConfig => ({
  slug: FEATURED_SLUGS.proposals,
  labels: { singular: zhEn('特色课程申报', 'Course proposal'), plural: zhEn('特色课程申报', 'Course proposals') },
  admin: {
    useAsTitle: 'title',
    group: zhEn('特色课程', 'Featured courses'),
    defaultColumns: ['title', 'round', 'leadOrganization', 'status', 'updatedAt'],
    listSearchableFields: ['title'],
  },
  access: {
    read: or(isAdmin, proposalsOfAuthor, proposalsAssignedToReviewer),
    create: or(isAdmin, hasRole('author')),
    update: or(isAdmin, proposalsOfAuthor),
    delete: or(isAdmin, and(proposalsOfAuthor, () => draftsOnly)),
  },
  hooks: { beforeChange: [moveProposal], afterChange: [forgetPendingMove, afterProposalMoves(options_)], afterError: [undoFailedMove] },
  endpoints: [transitionEndpoint, assignReviewersEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true, label: zhEn('申报名称', 'Title') },
    {
      type: 'row',
      fields: [
        { name: 'round', type: 'relationship', relationTo: FEATURED_SLUGS.rounds, required: true, index: true, label: zhEn('立项批次', 'Round') },
        { name: 'course', type: 'relationship', relationTo: CORE.courses, required: true, index: true, label: zhEn('建设课程', 'Course being developed') },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'leadOrganization', type: 'relationship', relationTo: CORE.organizations, required: true, index: true, label: zhEn('牵头高校', 'Lead university'), filterOptions: { kind: { equals: 'university' } } },
        { name: 'partners', type: 'relationship', relationTo: CORE.organizations, hasMany: true, label: zhEn('合作企业', 'Partner enterprises'), filterOptions: { kind: { equals: 'enterprise' } } },
      ],
    },
    {
      name: 'team',
      type: 'array',
      label: zhEn('课程团队', 'Team'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, label: zhEn('姓名', 'Name') },
            { name: 'role', type: 'select', required: true, options: options(TEAM_ROLES), label: zhEn('角色', 'Role') },
            { name: 'organization', type: 'relationship', relationTo: CORE.organizations, label: zhEn('单位', 'Organisation') },
            { name: 'user', type: 'relationship', relationTo: CORE.users, label: zhEn('平台账号', 'Account'), admin: { description: zhEn('有账号的成员会收到流转通知', 'Members with an account are emailed at each move') } },
          ],
        },
      ],
    },
    {
      name: 'innovation',
      type: 'group',
      label: zhEn('新技术、新标准、新工艺', 'New technology, standards and processes'),
      fields: [
        { name: 'technology', type: 'textarea', label: zhEn('新技术', 'New technology') },
        { name: 'standards', type: 'textarea', label: zhEn('新标准', 'New standards') },
        { name: 'processes', type: 'textarea', label: zhEn('新工艺', 'New processes') },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'plannedCredits', type: 'number', min: 0, label: zhEn('计划学分', 'Planned credits'), admin: { step: 0.5 }, validate: ((v: unknown, args: { req?: PayloadRequest }) => (v == null ? true : validateCredits(v, args))) as never },
        { name: 'plannedHours', type: 'number', min: 1, label: zhEn('计划学时', 'Planned hours') },
        { name: 'practiceShare', type: 'number', min: 0, max: 100, label: zhEn('实践学时占比（%）', 'Practice share (%)') },
      ],
    },
    { name: 'attachments', type: 'upload', relationTo: CORE.media, hasMany: true, label: zhEn('附件', 'Attachments') },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: options(PROPOSAL_STATE_LABELS),
      label: zhEn('状态', 'Status'),
      admin: { position: 'sidebar', description: zhEn('按流程流转；每次变更都有记录', 'Moves along the workflow; every move is recorded') },
    },
    {
      name: 'transitionComment',
      type: 'textarea',
      virtual: true,
      label: zhEn('流转说明', 'Comment on this move'),
      admin: { position: 'sidebar', description: zhEn('改变状态时填写；要求修改和不立项须说明理由', 'With a change of status; a revision request or a rejection needs one') },
    },
    { name: 'revision', type: 'number', defaultValue: 0, access: { create: nobodyField, update: nobodyField }, label: zhEn('第几次提交', 'Submission'), admin: { position: 'sidebar', readOnly: true } },
    { name: 'submittedAt', type: 'date', access: { create: nobodyField, update: nobodyField }, label: zhEn('提交时间', 'Submitted'), admin: { position: 'sidebar', readOnly: true } },
    { name: 'decidedAt', type: 'date', access: { create: nobodyField, update: nobodyField }, label: zhEn('决定时间', 'Decided'), admin: { position: 'sidebar', readOnly: true } },
    { name: 'createdBy', type: 'relationship', relationTo: CORE.users, access: { create: nobodyField, update: nobodyField }, label: zhEn('申报人', 'Created by'), admin: { position: 'sidebar', readOnly: true } },
    { name: 'moves', type: 'number', defaultValue: 0, access: { create: nobodyField, update: nobodyField }, admin: { hidden: true } },
    {
      name: 'assignedReviewers',
      type: 'relationship',
      relationTo: CORE.users,
      hasMany: true,
      access: { create: nobodyField, update: nobodyField, read: committeeOnly },
      label: zhEn('评审专家', 'Reviewers'),
      admin: { readOnly: true, description: zhEn('在“评审”中分配', 'Assigned under Reviews') },
    },
    { name: 'submittedReviewers', type: 'relationship', relationTo: CORE.users, hasMany: true, access: { create: nobodyField, update: nobodyField, read: committeeOnly }, admin: { hidden: true } },
    {
      name: 'reviewSummary',
      type: 'group',
      label: zhEn('评审汇总', 'Review summary'),
      access: { create: nobodyField, update: nobodyField, read: reviewSummaryReadable },
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'reviewsIn', type: 'number', label: zhEn('已提交评审', 'Reviews in') },
            { name: 'reviewsNeeded', type: 'number', label: zhEn('需要评审', 'Reviews needed') },
            { name: 'meanScore', type: 'number', label: zhEn('平均加权分', 'Mean weighted score') },
            { name: 'suggestion', type: 'select', options: options(RECOMMENDATION_LABELS as never), label: zhEn('系统建议', 'Suggested decision') },
          ],
        },
        {
          name: 'criteria',
          type: 'array',
          label: zhEn('各项平均分', 'Mean per criterion'),
          fields: [
            { type: 'row', fields: [{ name: 'key', type: 'text' }, { name: 'label', type: 'text' }, { name: 'mean', type: 'number' }] },
          ],
        },
      ],
    },
    { name: 'decisionComment', type: 'textarea', access: { create: nobodyField, update: nobodyField }, label: zhEn('委员会意见', 'Committee’s comment'), admin: { readOnly: true } },
    { name: 'history', type: 'join', collection: FEATURED_SLUGS.transitions, on: 'proposal', defaultSort: 'sequence', label: zhEn('流转记录', 'History'), admin: { defaultColumns: ['sequence', 'from', 'to', 'by', 'at', 'comment'] } },
  ],
})
