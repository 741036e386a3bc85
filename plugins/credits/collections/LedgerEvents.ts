import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { isAdmin, nobody, or, ownOrganization } from '../../../src/access'
import { CREDIT_SLUGS } from '../constants'

export const LEDGER_EVENT_KINDS = ['delivered', 'accepted', 'rejected', 'revoked', 'superseded'] as const
export type LedgerEventKind = (typeof LEDGER_EVENT_KINDS)[number]

/**
 * What happened to credit records after issue, one row per event, appended to its university's
 * chain (ledger/hashes.ts) and never changed: `key` (chain:position) is unique, so two writers
 * cannot both claim a place, and nobody may update or delete a row through Payload.
 */
export const createLedgerEventsCollection = (): CollectionConfig => ({
  slug: CREDIT_SLUGS.ledgerEvents,
  labels: { singular: zhEn('台账事件', 'Ledger event'), plural: zhEn('台账事件', 'Ledger events') },
  admin: {
    group: zhEn('学分', 'Credits'),
    defaultColumns: ['university', 'position', 'kind', 'sequence', 'at', 'hash'],
    description: zhEn('学分记录发放之后的每一件事（送达、认定、不认定、撤销、更正），逐条链接、只增不改。', 'Everything that happens to a credit record after issue, chained and append-only.'),
  },
  defaultSort: 'position',
  // The chain's head (its highest position), read before every append.
  indexes: [{ fields: ['chain', 'position'] }],
  access: { read: or(isAdmin, ownOrganization('university', 'registrar')), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'chain', type: 'text', required: true, index: true, label: zhEn('链', 'Chain') },
    { name: 'position', type: 'number', required: true, label: zhEn('位置', 'Position') },
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'university', type: 'relationship', relationTo: CORE.organizations, index: true, label: zhEn('高校', 'University') },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: options({ delivered: ['送达', 'Delivered'], accepted: ['认定', 'Accepted'], rejected: ['不认定', 'Rejected'], revoked: ['撤销', 'Revoked'], superseded: ['更正', 'Superseded'] }),
      label: zhEn('事件', 'Event'),
    },
    { name: 'record', type: 'relationship', relationTo: CREDIT_SLUGS.records, label: zhEn('学分记录', 'Record') },
    { name: 'sequence', type: 'number', label: zhEn('记录序号', 'Record sequence') },
    // A delivery covers the records of a feed page: sequences after `after` up to `upTo`.
    { name: 'after', type: 'number', label: zhEn('起（不含）', 'After') },
    { name: 'upTo', type: 'number', label: zhEn('止', 'Up to') },
    { name: 'supersededBy', type: 'relationship', relationTo: CREDIT_SLUGS.records, label: zhEn('更正为', 'Superseded by') },
    { name: 'at', type: 'date', required: true, label: zhEn('时间', 'At') },
    { name: 'by', type: 'relationship', relationTo: CORE.users, label: zhEn('操作人', 'By') },
    { name: 'reason', type: 'text', label: zhEn('说明', 'Reason') },
    { name: 'contentHash', type: 'text', required: true, label: zhEn('内容哈希', 'Content hash') },
    { name: 'previousHash', type: 'text', required: true, label: zhEn('前一哈希', 'Previous hash') },
    { name: 'hash', type: 'text', required: true, label: zhEn('哈希', 'Hash') },
  ],
})
