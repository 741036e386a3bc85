import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { isAdmin, nobody, or } from '../../../src/access'
import { proposalsOfAuthor, proposalsAssignedToReviewer } from '../access'
import { FEATURED_SLUGS, PROPOSAL_STATE_LABELS } from '../constants'

const STATES = options(PROPOSAL_STATE_LABELS)

/** `{ proposal: <where> }` for a rule written about proposals. */
const viaProposal =
  (rule: typeof proposalsOfAuthor): typeof proposalsOfAuthor =>
  async (args) => {
    const where = await rule(args)
    if (typeof where !== 'object') return where
    const ids = await args.req.payload.find({ collection: FEATURED_SLUGS.proposals as never, where, select: {} as never, depth: 0, pagination: false, overrideAccess: true, req: args.req })
    return { proposal: { in: ids.docs.map((d) => (d as { id: unknown }).id) } } as never
  }

/**
 * Every move of a proposal, one row each, never changed: who, when, from, to and why. The
 * (proposal, sequence) key is unique, so two moves made at the same moment from the same state
 * cannot both be recorded (the second is refused with 409), and no move is lost.
 */
export const createProposalTransitionsCollection = (): CollectionConfig => ({
  slug: FEATURED_SLUGS.transitions,
  labels: { singular: zhEn('流转记录', 'Proposal move'), plural: zhEn('流转记录', 'Proposal history') },
  admin: { group: zhEn('特色课程', 'Featured courses'), defaultColumns: ['proposal', 'from', 'to', 'by', 'at', 'comment'] },
  access: {
    read: or(isAdmin, viaProposal(proposalsOfAuthor), viaProposal(proposalsAssignedToReviewer)),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'proposal', type: 'relationship', relationTo: FEATURED_SLUGS.proposals, required: true, index: true, label: zhEn('申报', 'Proposal') },
    { name: 'sequence', type: 'number', required: true, label: zhEn('序号', 'Sequence') },
    { name: 'from', type: 'select', options: STATES, label: zhEn('原状态', 'From') },
    { name: 'to', type: 'select', options: STATES, required: true, label: zhEn('新状态', 'To') },
    { name: 'by', type: 'relationship', relationTo: CORE.users, label: zhEn('操作人', 'By'), admin: { description: zhEn('空表示系统自动', 'Empty when the platform made the move') } },
    { name: 'at', type: 'date', required: true, label: zhEn('时间', 'At'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'comment', type: 'textarea', label: zhEn('说明', 'Comment') },
  ],
})
