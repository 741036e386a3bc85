import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { isAdmin, nobody, or, ownOrganization } from '../../../src/access'
import { CREDIT_SLUGS } from '../constants'

/** One row per delivery attempt, written by the delivery task. */
export const createWebhookDeliveriesCollection = (): CollectionConfig => ({
  slug: CREDIT_SLUGS.deliveries,
  labels: { singular: zhEn('推送记录', 'Webhook delivery'), plural: zhEn('推送记录', 'Webhook deliveries') },
  admin: { group: zhEn('学分', 'Credits'), defaultColumns: ['record', 'attempt', 'succeeded', 'httpStatus', 'error', 'createdAt'] },
  access: { read: or(isAdmin, ownOrganization('university', 'registrar')), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'record', type: 'relationship', relationTo: CREDIT_SLUGS.records, required: true, index: true, label: zhEn('学分记录', 'Record') },
    { name: 'webhook', type: 'relationship', relationTo: CREDIT_SLUGS.webhooks, required: true, label: zhEn('推送地址', 'Webhook') },
    { name: 'university', type: 'relationship', relationTo: CORE.organizations, index: true, label: zhEn('高校', 'University') },
    { name: 'attempt', type: 'number', required: true, label: zhEn('第几次', 'Attempt') },
    { name: 'succeeded', type: 'checkbox', label: zhEn('成功', 'Succeeded') },
    { name: 'httpStatus', type: 'number', label: zhEn('HTTP 状态', 'HTTP status') },
    { name: 'error', type: 'text', label: zhEn('错误', 'Error') },
    { name: 'durationMs', type: 'number', label: zhEn('耗时（毫秒）', 'Duration (ms)') },
  ],
})
