import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { learnerRecordsAccess } from '../../../src/access'
import { OPEN_COURSE_SLUGS } from '../constants'

/**
 * What a learner has done in one module: a row appears when the module is first done, and each
 * later statement that counts updates it in place (progress/moduleProgressStore.ts), so ingesting a
 * statement costs the same however long the learner's history. Course progress and the completion
 * rule read only these rows. Written by ingest and `npm run progress:rebuild`, never through REST.
 */
export const createModuleProgressCollection = (): CollectionConfig => ({
  slug: OPEN_COURSE_SLUGS.moduleProgress,
  labels: { singular: zhEn('模块学习进度', 'Module progress'), plural: zhEn('模块学习进度', 'Module progress') },
  admin: { group: zhEn('学习', 'Learning'), defaultColumns: ['learner', 'module', 'attempts', 'bestScore', 'lastScore', 'firstDoneAt'] },
  access: learnerRecordsAccess(),
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    { name: 'learner', type: 'relationship', relationTo: CORE.users, required: true, index: true, label: zhEn('学习者', 'Learner') },
    { name: 'course', type: 'relationship', relationTo: CORE.courses, required: true, index: true, label: zhEn('课程', 'Course') },
    { name: 'module', type: 'relationship', relationTo: CORE.modules, required: true, label: zhEn('教学模块', 'Module') },
    { name: 'attempts', type: 'number', required: true, label: zhEn('完成次数', 'Attempts') },
    { name: 'scoredAttempts', type: 'number', required: true, label: zhEn('计分次数', 'Scored attempts') },
    { name: 'bestScore', type: 'number', label: zhEn('最高分', 'Best score') },
    { name: 'lastScore', type: 'number', label: zhEn('最后一次得分', 'Last score') },
    { name: 'lastScoreAt', type: 'date', admin: { hidden: true } },
    { name: 'scoreSum', type: 'number', admin: { hidden: true } },
    { name: 'firstDoneAt', type: 'date', label: zhEn('首次完成', 'First done') },
    { name: 'lastAttemptAt', type: 'date', label: zhEn('最近一次', 'Last attempt') },
  ],
})
