import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { DESIGNATIONS } from '../../../collections/Courses'
import { isAdmin, nobody, or, ownOrganization, nobodyField } from '../../../src/access'
import { FEATURED_SLUGS } from '../constants'
import { createAwardEndpoint, fundingTotalsEndpoint } from '../endpoints/awards'
import { allocateAward } from '../hooks/allocateAward'
import { designateCourse } from '../hooks/designateCourse'


/**
 * Funding (经费补助) for an approved proposal: an amount in CNY, the quality-course designation it
 * brings (校级 / 市级 / 省级), and whether it has been paid out. Awards of a round form a chain —
 * each takes the next sequence number, unique per round — so two awards made at the same moment
 * are checked against the budget one after the other, and the budget is never exceeded.
 */
export const createFundingAwardsCollection = (): CollectionConfig => ({
  slug: FEATURED_SLUGS.awards,
  labels: { singular: zhEn('经费补助', 'Funding award'), plural: zhEn('经费补助', 'Funding awards') },
  admin: { group: zhEn('特色课程', 'Featured courses'), defaultColumns: ['proposal', 'round', 'organization', 'amount', 'tier', 'status'] },
  access: { read: or(isAdmin, ownOrganization('organization', 'author')), create: isAdmin, update: isAdmin, delete: nobody },
  hooks: { beforeChange: [allocateAward], afterChange: [designateCourse] },
  endpoints: [createAwardEndpoint, fundingTotalsEndpoint],
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: FEATURED_SLUGS.proposals, required: true, index: true, label: zhEn('申报', 'Proposal'), access: { update: nobodyField }, filterOptions: { status: { equals: 'approved' } } },
    {
      type: 'row',
      fields: [
        { name: 'amount', type: 'number', required: true, min: 0.01, label: zhEn('金额（元）', 'Amount (CNY)'), access: { update: nobodyField } },
        { name: 'tier', type: 'select', required: true, options: DESIGNATIONS, label: zhEn('认定等级', 'Designation'), access: { update: nobodyField } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'awarded',
      options: options({ awarded: ['已批准', 'Awarded'], disbursed: ['已拨付', 'Disbursed'], withdrawn: ['已撤销', 'Withdrawn'] }),
      label: zhEn('拨付状态', 'Disbursement'),
      admin: { position: 'sidebar' },
    },
    { name: 'note', type: 'textarea', label: zhEn('备注', 'Note'), admin: { description: zhEn('撤销须说明原因', 'A withdrawal needs a reason') } },
    { name: 'round', type: 'relationship', relationTo: FEATURED_SLUGS.rounds, index: true, access: { create: nobodyField, update: nobodyField }, label: zhEn('批次', 'Round'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'organization', type: 'relationship', relationTo: CORE.organizations, index: true, access: { create: nobodyField, update: nobodyField }, label: zhEn('牵头高校', 'Lead university'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'course', type: 'relationship', relationTo: CORE.courses, access: { create: nobodyField, update: nobodyField }, label: zhEn('课程', 'Course'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'awardedBy', type: 'relationship', relationTo: CORE.users, access: { create: nobodyField, update: nobodyField }, label: zhEn('批准人', 'Awarded by'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'disbursedAt', type: 'date', access: { create: nobodyField, update: nobodyField }, label: zhEn('拨付时间', 'Disbursed'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'sequence', type: 'number', access: { create: nobodyField, update: nobodyField }, label: zhEn('批次内序号', 'Sequence in round'), admin: { readOnly: true, position: 'sidebar' } },
    // `round:sequence`, unique: the database refuses the second of two awards that read the same last one.
    { name: 'chainKey', type: 'text', unique: true, access: { create: nobodyField, update: nobodyField }, admin: { hidden: true } },
  ],
})
