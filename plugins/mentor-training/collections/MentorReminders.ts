import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { nobody } from '../../../src/access'
import { isRegistryStaff } from '../access'
import { MENTOR_SLUGS } from '../constants'

/**
 * One row per certification × reminder (60, 30, 7 days before expiry): written before its email is
 * queued, and unique, so a reminder is sent once however many scans or processes see it due.
 */
export const createMentorRemindersCollection = (): CollectionConfig => ({
  slug: MENTOR_SLUGS.reminders,
  labels: { singular: zhEn('到期提醒', 'Expiry reminder'), plural: zhEn('到期提醒', 'Expiry reminders') },
  admin: { group: zhEn('导师培训', 'Mentor training'), defaultColumns: ['certification', 'days', 'createdAt'] },
  access: { read: isRegistryStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'certification', type: 'relationship', relationTo: MENTOR_SLUGS.certifications, required: true, index: true, label: zhEn('认证', 'Certification') },
    { name: 'days', type: 'number', required: true, label: zhEn('提前天数', 'Days before expiry') },
    { name: 'sent', type: 'checkbox', defaultValue: true, label: zhEn('已发送', 'Sent'), admin: { description: zhEn('未发送：同时到期的更近一次提醒已代替它', 'Not sent: a nearer reminder due at the same time replaced it') } },
  ],
})
