import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { learnerRecordsAccess } from '../../../src/access'
import { OPEN_COURSE_SLUGS } from '../constants'

/**
 * One row per xAPI statement, written by POST /api/xapi/statements through group commit
 * (xapi/statementStore.ts). Read like any collection; never written through REST.
 */
export const createXapiStatementsCollection = (): CollectionConfig => ({
  slug: OPEN_COURSE_SLUGS.xapiStatements,
  labels: { singular: zhEn('学习记录（xAPI）', 'xAPI statement'), plural: zhEn('学习记录（xAPI）', 'xAPI statements') },
  admin: { group: zhEn('学习', 'Learning'), defaultColumns: ['learner', 'verb', 'module', 'scoreScaled', 'timestamp'] },
  defaultSort: '-stored',
  access: learnerRecordsAccess(),
  fields: [
    { name: 'statementId', type: 'text', required: true, unique: true, index: true, label: zhEn('语句编号', 'Statement id') },
    { name: 'learner', type: 'relationship', relationTo: CORE.users, required: true, index: true, label: zhEn('学习者', 'Learner') },
    { name: 'verb', type: 'text', required: true, index: true, label: zhEn('动作', 'Verb') },
    { name: 'activityId', type: 'text', required: true, index: true, label: zhEn('活动', 'Activity') },
    { name: 'module', type: 'relationship', relationTo: CORE.modules, index: true, label: zhEn('教学模块', 'Module') },
    { name: 'course', type: 'relationship', relationTo: CORE.courses, index: true, label: zhEn('课程', 'Course') },
    { name: 'scoreScaled', type: 'number', label: zhEn('得分率', 'Scaled score') },
    { name: 'scoreRaw', type: 'number', label: zhEn('原始分', 'Raw score') },
    { name: 'scoreMax', type: 'number', label: zhEn('满分', 'Max score') },
    { name: 'success', type: 'checkbox', label: zhEn('通过', 'Success') },
    { name: 'completion', type: 'checkbox', label: zhEn('完成', 'Completion') },
    { name: 'subStatement', type: 'checkbox', label: zhEn('子题', 'Sub-question') },
    { name: 'timestamp', type: 'date', label: zhEn('发生时间', 'Timestamp') },
    { name: 'stored', type: 'date', required: true, index: true, label: zhEn('存储时间', 'Stored') },
    { name: 'contentHash', type: 'text', admin: { hidden: true } },
    { name: 'statement', type: 'json', required: true, label: zhEn('原始语句', 'Statement') },
  ],
})
