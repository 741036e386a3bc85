import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { hasRole, isAdmin, nobody, or, ownOrganization, self } from '../src/access'
import { learnerSourceFields } from './fields/learnerSource'
import { setLearnerSourceKey } from './hooks/setLearnerSourceKey'
import { zhEn } from './i18n'
import { CORE } from './slugs'

/** Who recorded a completion by hand (offline practice, recognised prior learning). */
const stampRecorder: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user && !data.recordedBy) data.recordedBy = req.user.id
  return data
}

/**
 * One per learner × source, written by the plugin whose rule was met (or by staff by hand), and
 * never edited: the credit ledger issues records from it.
 */
export const Completions: CollectionConfig = {
  slug: CORE.completions,
  labels: { singular: zhEn('完成记录', 'Completion'), plural: zhEn('完成记录', 'Completions') },
  admin: { defaultColumns: ['learner', 'source', 'score', 'completedAt'], group: zhEn('学习', 'Learning') },
  access: {
    read: or(isAdmin, hasRole('organizer'), self('learner'), ownOrganization('learner.homeUniversity', 'registrar')),
    create: or(isAdmin, hasRole('organizer')),
    update: nobody,
    delete: nobody,
  },
  hooks: { beforeValidate: [setLearnerSourceKey], beforeChange: [stampRecorder] },
  fields: [
    ...learnerSourceFields(),
    { name: 'score', type: 'number', min: 0, max: 100, label: zhEn('成绩', 'Score') },
    {
      name: 'completedAt',
      type: 'date',
      required: true,
      defaultValue: () => new Date().toISOString(),
      label: zhEn('完成时间', 'Completed at'),
    },
    {
      name: 'evidence',
      type: 'json',
      label: zhEn('完成依据', 'Evidence'),
      admin: { description: zhEn('模块、成绩、考勤等摘要', 'Summary of modules, scores, attendance') },
    },
    { name: 'recordedBy', type: 'relationship', relationTo: CORE.users, label: zhEn('登记人', 'Recorded by'), admin: { readOnly: true } },
  ],
}
