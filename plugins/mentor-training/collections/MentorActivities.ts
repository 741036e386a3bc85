import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { nobody, or } from '../../../src/access'
import { isRegistryStaff, ownMentorRows } from '../access'
import { MENTOR_SLUGS } from '../constants'
import { checkActivity } from '../hooks/checkActivity'
import { certifyWhenActivityRecorded } from '../hooks/certifyOnRequirement'
import type { SanitizedMentorTrainingOptions } from '../types'

/**
 * An offline item of a track that a mentor has done (a workshop attended, a site visited), as an
 * organiser records it; once per mentor × track × item. Recording the last missing item can
 * finish the track.
 */
export const createMentorActivitiesCollection = (options: SanitizedMentorTrainingOptions): CollectionConfig => ({
  slug: MENTOR_SLUGS.activities,
  labels: { singular: zhEn('线下培训记录', 'Offline training record'), plural: zhEn('线下培训记录', 'Offline training records') },
  admin: { group: zhEn('导师培训', 'Mentor training'), defaultColumns: ['mentor', 'track', 'item', 'happenedOn', 'recordedBy'] },
  access: { read: or(isRegistryStaff, ownMentorRows), create: isRegistryStaff, update: nobody, delete: isRegistryStaff },
  hooks: { beforeChange: [checkActivity], afterChange: [certifyWhenActivityRecorded(options)] },
  fields: [
    { name: 'key', type: 'text', unique: true, admin: { hidden: true } },
    { name: 'mentor', type: 'relationship', relationTo: MENTOR_SLUGS.mentors, required: true, index: true, label: zhEn('导师', 'Mentor') },
    { name: 'mentorUser', type: 'relationship', relationTo: CORE.users, index: true, admin: { hidden: true } },
    { name: 'track', type: 'relationship', relationTo: MENTOR_SLUGS.tracks, required: true, label: zhEn('培训方案', 'Track') },
    { name: 'item', type: 'text', required: true, label: zhEn('线下环节代码', 'Offline item') },
    { name: 'happenedOn', type: 'date', required: true, label: zhEn('日期', 'Date') },
    { name: 'note', type: 'textarea', label: zhEn('备注', 'Note') },
    { name: 'recordedBy', type: 'relationship', relationTo: CORE.users, admin: { readOnly: true }, label: zhEn('记录人', 'Recorded by') },
  ],
})
