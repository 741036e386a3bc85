import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionConfig, FieldAccess } from 'payload'
import { APIError } from 'payload'
import { idOf, isAdmin, isAdminField, or, ownOrganization, ROLE_LABELS, ROLES, self, STAFF_ROLES, userHasRole } from '../src/access'
import { say } from '../src/i18n/say'
import { takeRequest } from '../src/http/rateLimit'
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

const isSelf = (req: { user?: { id?: unknown } | null }, doc: { id?: unknown } | undefined, id: unknown) =>
  Boolean(req.user) && String(doc?.id ?? id) === String(req.user?.id)

/** What the user keeps for themselves: display name, language, email. */
const adminOrSelfField: FieldAccess = ({ req, doc, id }) => userHasRole(req.user, 'admin') || isSelf(req, doc, id)

/** One's own API key, for staff (Payload's default lets anyone who may update the user set it). */
const ownApiKeyField: FieldAccess = ({ req, doc, id }) =>
  userHasRole(req.user, 'admin') || (isSelf(req, doc, id) && userHasRole(req.user, ...STAFF_ROLES))

/** What the learner's university vouches for: official name and student number. */
const adminOrHomeRegistrarField: FieldAccess = ({ req, doc }) => {
  if (userHasRole(req.user, 'admin')) return true
  const home = idOf(doc?.homeUniversity)
  const own = idOf(req.user?.organization)
  return userHasRole(req.user, 'registrar') && home !== undefined && own !== undefined && String(home) === String(own)
}

/** A new account's official name is its name unless the administrator gives another. */
const officialNameFromName: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation === 'create' && !data.officialName && data.name) data.officialName = data.name
  return data
}

/**
 * Payload writes a password outside field access, so a registrar who may update a student (for
 * the official name) could otherwise set the student's password. Only an administrator sets
 * another user's password; a request that tries is refused whole, not trimmed.
 */
const onlyYourOwnPassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'updateByID') return args
  const { data, id, overrideAccess } = args as { data?: { password?: unknown }; id?: unknown; overrideAccess?: boolean }
  if (overrideAccess || !data?.password || userHasRole(req.user, 'admin')) return args
  if (operation === 'updateByID' && req.user && String(id) === String(req.user.id)) return args
  throw new APIError(say(req, '只能修改自己的密码（他人的密码由平台管理员重置）', 'you can change only your own password (an administrator resets another user’s)'), 403, undefined, true)
}

/**
 * Password reset emails per address asked for, whoever asks (the per-address limit is in the
 * express layer): a mailbox is not flooded, and the answer is the same for an address that has
 * no account, so it tells nobody which addresses do.
 */
const limitPasswordResetsPerEmail: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'forgotPassword') return args
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '').trim().toLowerCase()
  const taken = takeRequest('passwordResetPerEmail', email)
  if (!taken.allowed) throw new APIError(say(req, `该邮箱的重置请求过多，请 ${Math.ceil(taken.retryAfter / 60)} 分钟后再试`, `too many password reset requests for this address; try again in ${Math.ceil(taken.retryAfter / 60)} min`), 429, undefined, true)
  return args
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
    admin: ({ req }) => userHasRole(req.user, ...STAFF_ROLES),
    read: or(
      isAdmin,
      self('id'),
      ownOrganization('homeUniversity', 'registrar'),
      ownOrganization('organization', 'author', 'reviewer', 'mentor'),
      ({ req }) => userHasRole(req.user, 'organizer'),
    ),
    create: isAdmin,
    // Registrars update their university's students, but only officialName and studentNumber
    // (field access below, and onlyYourOwnPassword).
    update: or(isAdmin, self('id'), ownOrganization('homeUniversity', 'registrar')),
    delete: isAdmin,
    // Payload lets any signed-in user unlock any account, which would undo the login lockout.
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [onlyYourOwnPassword, limitPasswordResetsPerEmail],
    beforeChange: [makeFirstUserAdmin, officialNameFromName],
    afterChange: [forgetCachedUserOnChange],
    afterDelete: [forgetCachedUserOnDelete],
    afterLogout: [forgetCachedUserOnLogout],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: zhEn('显示名', 'Display name'),
      access: { update: adminOrSelfField },
      admin: { description: zhEn('平台上显示的名字，本人可改；学分记录用学籍姓名', 'Shown on the platform, the user’s to edit; credit records use the official name') },
    },
    {
      name: 'officialName',
      type: 'text',
      label: zhEn('学籍姓名', 'Official name'),
      // Create: administrators only, as accounts are; empty, it is copied from the name.
      access: { create: isAdminField, update: adminOrHomeRegistrarField },
      validate: (value: unknown, { previousValue, req }: { previousValue?: unknown; req?: Parameters<typeof say>[0] }) =>
        (typeof value === 'string' && value.trim() !== '') || !previousValue
          ? true
          : say(req, '学籍姓名不能清空', 'the official name cannot be emptied'),
      admin: {
        description: zhEn(
          '学分记录和成绩单上的姓名；由平台管理员或学籍所在高校的学分管理员设置',
          'The name on credit records and transcripts; set by an administrator or a registrar of the home university',
        ),
      },
    },
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
      access: { create: isAdminField, update: adminOrHomeRegistrarField },
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
      access: { update: adminOrSelfField },
    },
    // Payload's own auth fields, given the access a registrar's update of a student must not pass
    // (Payload merges these into its email and API-key fields).
    { name: 'email', type: 'email', access: { update: adminOrSelfField } },
    { name: 'apiKey', type: 'text', access: { update: ownApiKeyField } },
  ],
}
