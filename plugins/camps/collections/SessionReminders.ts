import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { nobody } from '../../../src/access'
import { isCampStaff } from '../access'
import { CAMP_SLUGS } from '../constants'

/** One row per session × learner reminded, written before the email is sent and unique: never sent twice. */
export const createSessionRemindersCollection = (): CollectionConfig => ({
  slug: CAMP_SLUGS.reminders,
  labels: { singular: zhEn('活动提醒', 'Session reminder'), plural: zhEn('活动提醒', 'Session reminders') },
  admin: { group: zhEn('思政与训练营', 'Programmes and camps'), defaultColumns: ['session', 'learner', 'createdAt'] },
  access: { read: isCampStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'session', type: 'relationship', relationTo: CAMP_SLUGS.sessions, required: true, index: true },
    { name: 'learner', type: 'relationship', relationTo: CORE.users, required: true },
  ],
})
