import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../collections/i18n'
import { OPEN_COURSE_SLUGS } from './constants'
import { playModuleEndpoint } from './endpoints/playModule'
import { applyEnrollmentRules } from './enrollment/applyEnrollmentRules'
import { bulkEnrollEndpoint } from './enrollment/bulkEnrollEndpoint'
import { rejoinEndpoint } from './enrollment/rejoinEndpoint'
import { withdrawEndpoint } from './enrollment/withdrawEndpoint'
import { courseEditorsRead, keepForCourseEditors } from './enrollment/invitations'
import type { SanitizedOpenCoursesOptions } from './types'
import { evaluateProgressOnEnrol } from './hooks/evaluateProgressOnEnrol'
import { forgetCourseOnDelete, reevaluateWhenCourseRuleChanges, reevaluateWhenModuleDeleted, reevaluateWhenModulesChange } from './hooks/reevaluateProgressOnRuleChange'

export const ENROLLMENT_MODES = options({ open: ['自由选课', 'Open'], approval: ['需审核', 'Approval required'], invite: ['仅限邀请', 'Invite only'] })
export const SCORE_POLICIES = options({ best: ['最高分', 'Best'], last: ['最后一次', 'Last'], average: ['平均分', 'Average'] })

const endpointsOf = (c: CollectionConfig) => (Array.isArray(c.endpoints) ? c.endpoints : [])
const withHooks = (c: CollectionConfig, hooks: { afterChange?: any[]; afterDelete?: any[] }): CollectionConfig['hooks'] => ({
  ...c.hooks,
  afterChange: [...(c.hooks?.afterChange ?? []), ...(hooks.afterChange ?? [])],
  afterDelete: [...(c.hooks?.afterDelete ?? []), ...(hooks.afterDelete ?? [])],
})

/**
 * What the open course library adds to courses: enrolment rules, the completion
 * rule (every required module, and a minimum average score) and bulk enrolment.
 */
export const addCourseFields = (courses: CollectionConfig): CollectionConfig => ({
  ...courses,
  endpoints: [...endpointsOf(courses), bulkEnrollEndpoint],
  hooks: withHooks(courses, { afterChange: [reevaluateWhenCourseRuleChanges], afterDelete: [forgetCourseOnDelete] }),
  fields: [
    ...courses.fields,
    {
      name: 'enrollment',
      type: 'group',
      label: zhEn('选课规则', 'Enrolment'),
      fields: [
        {
          name: 'mode',
          type: 'select',
          defaultValue: 'open',
          label: zhEn('选课方式', 'Mode'),
          options: ENROLLMENT_MODES,
        },
        { name: 'capacity', type: 'number', min: 1, label: zhEn('名额', 'Capacity') },
        { name: 'opensAt', type: 'date', label: zhEn('开放时间', 'Opens at') },
        { name: 'closesAt', type: 'date', label: zhEn('截止时间', 'Closes at') },
        {
          name: 'invitees',
          type: 'textarea',
          label: zhEn('受邀邮箱', 'Invited emails'),
          access: { read: courseEditorsRead },
          hooks: { beforeDuplicate: [keepForCourseEditors] },
          admin: { condition: (_, sibling) => sibling?.mode === 'invite', description: zhEn('每行一个邮箱', 'One email per line') },
        },
      ],
    },
    {
      name: 'completionRule',
      type: 'group',
      label: zhEn('结课规则', 'Completion rule'),
      fields: [
        { name: 'minAverageScore', type: 'number', min: 0, max: 100, defaultValue: 60, label: zhEn('最低平均分', 'Minimum average score') },
        {
          name: 'scorePolicy',
          type: 'select',
          defaultValue: 'best',
          label: zhEn('多次作答取分', 'Score of several attempts'),
          options: SCORE_POLICIES,
        },
      ],
    },
  ],
})

/** A module of kind h5p plays one package, at GET /api/modules/:id/play. */
export const addModuleFields = (modules: CollectionConfig, options: SanitizedOpenCoursesOptions): CollectionConfig => ({
  ...modules,
  endpoints: [...endpointsOf(modules), playModuleEndpoint(options)],
  hooks: withHooks(modules, { afterChange: [reevaluateWhenModulesChange], afterDelete: [reevaluateWhenModuleDeleted] }),
  fields: [
    ...modules.fields,
    {
      name: 'h5pPackage',
      type: 'relationship',
      relationTo: OPEN_COURSE_SLUGS.h5pPackages,
      label: zhEn('H5P 互动资源', 'H5P package'),
      admin: { condition: (data) => data?.kind === 'h5p' },
    },
  ],
})

/** Enrolment rules, leaving and rejoining a course, and progress made before the enrolment became active. */
export const addEnrollmentRules = (enrollments: CollectionConfig): CollectionConfig => ({
  ...enrollments,
  endpoints: [...endpointsOf(enrollments), withdrawEndpoint, rejoinEndpoint],
  hooks: {
    ...withHooks(enrollments, { afterChange: [evaluateProgressOnEnrol] }),
    beforeValidate: [...(enrollments.hooks?.beforeValidate ?? []), applyEnrollmentRules],
  },
})
