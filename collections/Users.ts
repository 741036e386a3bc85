import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { isAdmin, isAdminField, or, ownOrganization, ROLE_LABELS, ROLES, self, userHasRole } from '../src/access'
import { cachedAuthStrategy, forgetCachedUserOnChange, forgetCachedUserOnDelete, forgetCachedUserOnLogout } from './auth/cachedAuthStrategy'
import { options, zhEn } from './i18n'
import { CORE } from './slugs'

/**
 * The first account registered in the admin panel of an empty database administers it; otherwise
 * nobody could. Local API callers (seed, tests) say which roles they mean.
 */
const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local') return data
  const { totalDocs } = await req.payload.count({ collection: CORE.users, req })
  if (totalDocs === 0) data.roles = ['admin']
  return data
}

export const Users: CollectionConfig = {
  slug: CORE.users,
  labels: { singular: zhEn('用户', 'User'), plural: zhEn('用户', 'Users') },
  // Registrars' systems authenticate with `Authorization: users API-Key <key>`.
  auth: { useAPIKey: true, tokenExpiration: 60 * 60 * 8, depth: 0, strategies: [cachedAuthStrategy] },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles', 'organization'],
    group: zhEn('平台', 'Platform'),
  },
  access: {
    // Students study in the portal; every other role works in the admin panel.
    admin: ({ req }) => userHasRole(req.user, 'admin', 'author', 'reviewer', 'mentor', 'registrar', 'organizer'),
    read: or(
      isAdmin,
      self('id'),
      ownOrganization('homeUniversity', 'registrar'),
      ownOrganization('organization', 'author', 'reviewer', 'mentor'),
      ({ req }) => userHasRole(req.user, 'organizer'),
    ),
    create: isAdmin,
    update: or(isAdmin, self('id')),
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [makeFirstUserAdmin],
    afterChange: [forgetCachedUserOnChange],
    afterDelete: [forgetCachedUserOnDelete],
    afterLogout: [forgetCachedUserOnLogout],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: zhEn('姓名', 'Name') },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['student'],
      saveToJWT: true,
      label: zhEn('角色', 'Roles'),
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: CORE.organizations,
      saveToJWT: true,
      label: zhEn('所属组织', 'Organisation'),
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'studentNumber',
      type: 'text',
      index: true,
      label: zhEn('学号', 'Student number'),
      access: { create: isAdminField, update: isAdminField },
      admin: { condition: (data) => Boolean(data?.roles?.includes('student')) },
    },
    {
      name: 'homeUniversity',
      type: 'relationship',
      relationTo: CORE.organizations,
      label: zhEn('学籍所在高校', 'Home university'),
      // Payload enforces filterOptions on write too, so a non-university is refused.
      filterOptions: { kind: { equals: 'university' } },
      access: { create: isAdminField, update: isAdminField },
      admin: { condition: (data) => Boolean(data?.roles?.includes('student')) },
    },
    {
      name: 'preferredLanguage',
      type: 'select',
      defaultValue: 'zh',
      label: zhEn('界面语言', 'Preferred language'),
      options: options({ zh: ['简体中文', 'Simplified Chinese'], en: ['英文', 'English'] }),
    },
  ],
}
