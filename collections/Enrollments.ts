import type { CollectionConfig } from 'payload'
import { authenticated, hasRole, isAdmin, or, self } from '../src/access'
import { learnerSourceFields } from './fields/learnerSource'
import { enrolOnlyYourself } from './hooks/enrolOnlyYourself'
import { setLearnerSourceKey } from './hooks/setLearnerSourceKey'
import { createEnrollmentEndpoint, keepEnrollmentPlace } from './enrollmentPlaces'
import { options, zhEn } from './i18n'
import { CORE } from './slugs'

export const ENROLLMENT_STATUSES = options({
  pending: ['待审核', 'Pending approval'],
  active: ['学习中', 'Active'],
  completed: ['已完成', 'Completed'],
  withdrawn: ['已退出', 'Withdrawn'],
  rejected: ['未通过审核', 'Rejected'],
})

export const Enrollments: CollectionConfig = {
  slug: CORE.enrollments,
  labels: { singular: zhEn('选课记录', 'Enrolment'), plural: zhEn('选课记录', 'Enrolments') },
  admin: { defaultColumns: ['learner', 'source', 'status', 'progress'], group: zhEn('学习', 'Learning') },
  access: {
    // Anyone may be a learner: students in courses, mentors in mentor training.
    read: or(isAdmin, hasRole('organizer'), self('learner')),
    create: authenticated,
    update: or(isAdmin, hasRole('organizer')),
    delete: isAdmin,
  },
  hooks: { beforeValidate: [enrolOnlyYourself, setLearnerSourceKey, keepEnrollmentPlace] },
  endpoints: [createEnrollmentEndpoint],
  fields: [
    ...learnerSourceFields(),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: ENROLLMENT_STATUSES,
      index: true,
      label: zhEn('状态', 'Status'),
    },
    {
      name: 'progress',
      type: 'number',
      min: 0,
      max: 100,
      defaultValue: 0,
      label: zhEn('进度（%）', 'Progress (%)'),
    },
    { name: 'enrolledAt', type: 'date', label: zhEn('选课时间', 'Enrolled at'), defaultValue: () => new Date().toISOString() },
    { name: 'completedAt', type: 'date', label: zhEn('完成时间', 'Completed at') },
    // The numbered place this enrolment holds in a source with a capacity (enrollmentPlaces.ts).
    { name: 'place', type: 'text', unique: true, admin: { hidden: true } },
    { name: 'withdrawnAt', type: 'date', label: zhEn('退出时间', 'Withdrawn at') },
  ],
}
