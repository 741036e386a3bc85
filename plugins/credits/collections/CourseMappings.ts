import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'
import { claimForOwnOrganization } from '../../../collections/hooks/claimForOwnOrganization'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { universityRegistrarAccess } from '../access'
import { universityField } from '../universityField'
import { CREDIT_SLUGS } from '../constants'

/** One mapping per university × course: the database refuses a second. */
const setMappingKey: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  const university = idOf(data.university ?? originalDoc?.university)
  const course = idOf(data.course ?? originalDoc?.course)
  if (university !== undefined && course !== undefined) data.key = `${university}:${course}`
  return data
}

/**
 * How a university recognises a platform course in its own catalogue: its local course code and
 * a conversion factor for credits. The feed and webhooks apply it to the records they send.
 */
export const createCourseMappingsCollection = (): CollectionConfig => ({
  slug: CREDIT_SLUGS.courseMappings,
  labels: { singular: zhEn('课程映射', 'Course mapping'), plural: zhEn('课程映射', 'Course mappings') },
  admin: { group: zhEn('学分', 'Credits'), defaultColumns: ['course', 'localCourseCode', 'creditFactor', 'university'] },
  access: universityRegistrarAccess(),
  hooks: { beforeValidate: [setMappingKey], beforeChange: [claimForOwnOrganization('university')] },
  fields: [
    universityField(),
    { name: 'course', type: 'relationship', relationTo: CORE.courses, required: true, label: zhEn('平台课程', 'Platform course') },
    { name: 'localCourseCode', type: 'text', required: true, label: zhEn('本校课程代码', 'Local course code') },
    { name: 'localCourseName', type: 'text', label: zhEn('本校课程名称', 'Local course name') },
    {
      name: 'creditFactor',
      type: 'number',
      required: true,
      defaultValue: 1,
      min: 0.1,
      max: 10,
      label: zhEn('学分折算系数', 'Credit conversion factor'),
      admin: { description: zhEn('本校学分 = 平台学分 × 系数', 'Local credits = platform credits × factor') },
    },
    { name: 'key', type: 'text', unique: true, index: true, admin: { hidden: true } },
  ],
})
