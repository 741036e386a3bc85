import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { anyone, nobody } from '../../../src/access'
import { CREDIT_SLUGS } from '../constants'

/**
 * Signed heads of each university's chain (ledger/checkpoint.ts): daily and on demand. Public,
 * like the JWKS that verifies them: a registrar keeps copies, and a chain rewritten behind a
 * checkpoint no longer reaches the hash the checkpoint signed.
 */
export const createLedgerCheckpointsCollection = (): CollectionConfig => ({
  slug: CREDIT_SLUGS.ledgerCheckpoints,
  labels: { singular: zhEn('台账签名点', 'Ledger checkpoint'), plural: zhEn('台账签名点', 'Ledger checkpoints') },
  admin: { group: zhEn('学分', 'Credits'), defaultColumns: ['chain', 'recordSequence', 'eventPosition', 'signedAt'] },
  defaultSort: '-signedAt',
  access: { read: anyone, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'chain', type: 'text', required: true, index: true, label: zhEn('链', 'Chain') },
    { name: 'university', type: 'relationship', relationTo: CORE.organizations, label: zhEn('高校', 'University') },
    { name: 'recordSequence', type: 'number', label: zhEn('最后记录序号', 'Last record sequence') },
    { name: 'recordHash', type: 'text', required: true, label: zhEn('记录链头', 'Record chain head') },
    { name: 'eventPosition', type: 'number', label: zhEn('最后事件位置', 'Last event position') },
    { name: 'eventHash', type: 'text', required: true, label: zhEn('事件链头', 'Event chain head') },
    { name: 'signedAt', type: 'date', required: true, index: true, label: zhEn('签名时间', 'Signed at') },
    { name: 'jws', type: 'textarea', required: true, label: zhEn('签名（JWS）', 'Signature (JWS)') },
  ],
})
