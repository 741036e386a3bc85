import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../collections/i18n'
import { OPEN_COURSE_SLUGS } from './constants'
import { playModuleEndpoint } from './endpoints/playModule'

/** A course's completion rule: every required module, and a minimum average score. */
export const addCourseFields = (courses: CollectionConfig): CollectionConfig => ({
  ...courses,
  fields: [
    ...courses.fields,
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
          options: options({ best: ['最高分', 'Best'], last: ['最后一次', 'Last'], average: ['平均分', 'Average'] }),
        },
      ],
    },
  ],
})

/** A module of kind h5p plays one package, at GET /api/modules/:id/play. */
export const addModuleFields = (modules: CollectionConfig): CollectionConfig => ({
  ...modules,
  endpoints: [...(Array.isArray(modules.endpoints) ? modules.endpoints : []), playModuleEndpoint],
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
