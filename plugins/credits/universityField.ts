import type { Field } from 'payload'
import { zhEn } from '../../collections/i18n'
import { CORE } from '../../collections/slugs'

/**
 * The university a registrar's row belongs to (mappings, webhooks). A registrar's own is filled in
 * on create by claimForOwnOrganization('university'); naming another is forbidden.
 */
export const universityField = (): Field => ({
  name: 'university',
  type: 'relationship',
  relationTo: CORE.organizations,
  required: true,
  index: true,
  filterOptions: { kind: { equals: 'university' } },
  label: zhEn('高校', 'University'),
  admin: { description: zhEn('学分管理员创建时自动填为其所在高校', 'Filled with the registrar’s university on create') },
})
