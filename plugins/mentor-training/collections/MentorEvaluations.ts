import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { authenticated, hasRole, nobody, or } from '../../../src/access'
import { isRegistryStaff, ownEvaluations } from '../access'
import { MENTOR_SLUGS } from '../constants'
import { averageEvaluations } from '../hooks/averageEvaluations'
import { checkEvaluation } from '../hooks/checkEvaluation'

const score = (name: string, zh: string, en: string) => ({ name, type: 'number' as const, required: true, min: 1, max: 5, label: zhEn(zh, en), admin: { step: 1 } })

/**
 * The yearly evaluation of a mentor by one of their students or by an organisation (an organiser
 * of the mentor's organisation or of a student's home university): once per evaluator and year,
 * scores 1–5. The mentor's profile keeps the average, which can lead an administrator to suspend.
 */
export const createMentorEvaluationsCollection = (): CollectionConfig => ({
  slug: MENTOR_SLUGS.evaluations,
  labels: { singular: zhEn('导师评价', 'Mentor evaluation'), plural: zhEn('导师评价', 'Mentor evaluations') },
  admin: { group: zhEn('导师培训', 'Mentor training'), defaultColumns: ['mentor', 'year', 'evaluatorKind', 'overall', 'createdAt'] },
  access: { read: or(isRegistryStaff, ownEvaluations), create: authenticated, update: nobody, delete: hasRole('admin') },
  hooks: { beforeChange: [checkEvaluation], afterChange: [averageEvaluations] },
  fields: [
    { name: 'key', type: 'text', unique: true, admin: { hidden: true } },
    { name: 'mentor', type: 'relationship', relationTo: MENTOR_SLUGS.mentors, required: true, index: true, label: zhEn('导师', 'Mentor') },
    { name: 'evaluator', type: 'relationship', relationTo: CORE.users, label: zhEn('评价人', 'Evaluator'), admin: { readOnly: true } },
    { name: 'evaluatorKind', type: 'select', options: options({ student: ['学生', 'Student'], organization: ['单位', 'Organisation'] }), label: zhEn('评价方', 'By'), admin: { readOnly: true } },
    { name: 'year', type: 'number', label: zhEn('年度', 'Year'), admin: { readOnly: true } },
    {
      type: 'row',
      fields: [score('guidance', '指导投入', 'Guidance'), score('expertise', '专业水平', 'Expertise'), score('availability', '沟通与时间', 'Availability')],
    },
    { name: 'overall', type: 'number', label: zhEn('综合', 'Overall'), admin: { readOnly: true } },
    { name: 'comment', type: 'textarea', label: zhEn('意见', 'Comment') },
  ],
})
