import { randomBytes } from 'node:crypto'
import type { CollectionConfig } from 'payload'
import { claimForOwnOrganization } from '../../../collections/hooks/claimForOwnOrganization'
import { zhEn } from '../../../collections/i18n'
import { universityRegistrarAccess } from '../access'
import { universityField } from '../universityField'
import { CREDIT_SLUGS } from '../constants'

/** A university's receiver: each new record of its students is POSTed there, signed. */
export const createCreditWebhooksCollection = (): CollectionConfig => ({
  slug: CREDIT_SLUGS.webhooks,
  labels: { singular: zhEn('学分推送地址', 'Credit webhook'), plural: zhEn('学分推送地址', 'Credit webhooks') },
  admin: { group: zhEn('学分', 'Credits'), useAsTitle: 'url', defaultColumns: ['url', 'university', 'active'] },
  access: universityRegistrarAccess(),
  hooks: { beforeChange: [claimForOwnOrganization('university')] },
  fields: [
    universityField(),
    {
      name: 'url',
      type: 'text',
      required: true,
      label: zhEn('接收地址', 'Receiver URL'),
      validate: (value: unknown) => {
        try {
          const url = new URL(String(value))
          return url.protocol === 'https:' || url.protocol === 'http:' ? true : 'url must be http:// or https://'
        } catch {
          return `url is not a valid URL: "${String(value ?? '')}"`
        }
      },
    },
    {
      name: 'secret',
      type: 'text',
      required: true,
      minLength: 16,
      defaultValue: () => randomBytes(24).toString('hex'),
      label: zhEn('签名密钥', 'Signing secret'),
      admin: { description: zhEn('用于校验 X-LianPei-Signature 请求头', 'Verifies the X-LianPei-Signature header') },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, label: zhEn('启用', 'Active') },
  ],
})
