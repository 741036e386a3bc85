import type { CollectionBeforeChangeHook, CollectionConfig, PayloadRequest } from 'payload'
import { hasRole, isAdmin, isAdminField, or, ownOrganization, published, userHasRole } from '../src/access'
import { say } from '../src/i18n/say'
import { claimForOwnOrganization } from './hooks/claimForOwnOrganization'
import { options, zhEn } from './i18n'
import { CORE } from './slugs'

export const CREDIT_CATEGORIES = options({
  course: ['课程', 'Course'],
  practice: ['实践', 'Practice'],
  'political-education': ['思政教育', 'Political education'],
  'training-camp': ['训练营', 'Training camp'],
})

export const GRADING_SCHEMES = options({
  percentage: ['百分制', 'Percentage (0–100)'],
  'five-level': ['五级制', 'Five-level (优/良/中/及格/不及格)'],
})

/**
 * Quality-course designation (优质课程) a featured course earns with its funding award: set by
 * the featured-courses plugin, shown in the catalogue; nobody sets it by hand.
 */
export const DESIGNATIONS = options({
  school: ['校级优质课程', 'School-level quality course'],
  municipal: ['市级优质课程', 'Municipal quality course'],
  provincial: ['省级优质课程', 'Provincial quality course'],
})

export const DISCIPLINES = options({
  engineering: ['工学', 'Engineering'],
  science: ['理学', 'Science'],
  management: ['管理学', 'Management'],
  economics: ['经济学', 'Economics'],
  law: ['法学', 'Law'],
  education: ['教育学', 'Education'],
  literature: ['文学', 'Literature'],
  arts: ['艺术学', 'Arts'],
  medicine: ['医学', 'Medicine'],
  agriculture: ['农学', 'Agriculture'],
  interdisciplinary: ['交叉学科', 'Interdisciplinary'],
})

/** Course codes are what registrars map to their own catalogue, so keep them plain. */
const COURSE_CODE = /^[A-Z0-9][A-Z0-9-]{2,31}$/

/** The author who creates a course is one of its authors unless they named others. */
const addCreatorAsAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user && userHasRole(req.user, 'author') && !data.authors?.length) {
    data.authors = [req.user.id]
  }
  return data
}

export const validateCredits = (value: unknown, { req }: { req?: PayloadRequest } = {}): string | true => {
  if (typeof value !== 'number' || Number.isNaN(value)) return say(req, '学分应为数字', 'credits must be a number')
  if (value < 0) return say(req, `学分不能为负数（收到 ${value}）`, `credits cannot be negative (got ${value})`)
  if (!Number.isInteger(value * 2)) return say(req, `学分应为 0.5 的整数倍（收到 ${value}）`, `credits must be a multiple of 0.5 (got ${value})`)
  return true
}

export const Courses: CollectionConfig = {
  slug: CORE.courses,
  labels: { singular: zhEn('课程', 'Course'), plural: zhEn('课程', 'Courses') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'code', 'organization', 'credits', '_status'],
    group: zhEn('课程', 'Courses'),
  },
  // validate: true — a draft is a real course in the making; negative credits are wrong even there.
  versions: { drafts: { validate: true }, maxPerDoc: 50 },
  access: {
    read: or(published(), isAdmin, ownOrganization('organization', 'author'), ownOrganization('partners', 'author')),
    // A course's history holds its drafts: its organisations' authors only (Payload's default is
    // anyone signed in). A version's fields sit under `version`.
    readVersions: or(isAdmin, ownOrganization('version.organization', 'author'), ownOrganization('version.partners', 'author')),
    create: or(isAdmin, hasRole('author')),
    update: or(isAdmin, ownOrganization('organization', 'author')),
    delete: or(isAdmin, ownOrganization('organization', 'author')),
  },
  hooks: { beforeChange: [claimForOwnOrganization('organization'), addCreatorAsAuthor] },
  fields: [
    { name: 'title', type: 'text', required: true, label: zhEn('课程名称', 'Title') },
    { name: 'titleEn', type: 'text', label: zhEn('英文名称', 'Title (English)') },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: zhEn('课程代码', 'Course code'),
      admin: { description: zhEn('大写字母、数字和连字符，如 LP-AI-101', 'Capitals, digits and hyphens, e.g. LP-AI-101') },
      validate: (value: unknown, { req }: { req?: PayloadRequest }) =>
        typeof value === 'string' && COURSE_CODE.test(value)
          ? true
          : say(
              req,
              `课程代码应为 3–32 位大写字母、数字或连字符，以字母或数字开头（收到“${String(value ?? '')}”）`,
              `code must be 3–32 capitals, digits or hyphens, starting with a capital or digit (got "${String(value ?? '')}")`,
            ),
    },
    { name: 'summary', type: 'textarea', label: zhEn('简介', 'Summary') },
    { name: 'summaryEn', type: 'textarea', label: zhEn('英文简介', 'Summary (English)') },
    { name: 'body', type: 'richText', label: zhEn('课程介绍', 'Description') },
    {
      type: 'row',
      fields: [
        {
          name: 'credits',
          type: 'number',
          required: true,
          min: 0,
          defaultValue: 1,
          label: zhEn('学分', 'Credits'),
          admin: { step: 0.5 },
          validate: validateCredits,
        },
        { name: 'hours', type: 'number', min: 0, label: zhEn('学时', 'Contact hours') },
        {
          name: 'creditCategory',
          type: 'select',
          required: true,
          defaultValue: 'course',
          label: zhEn('学分类别', 'Credit category'),
          options: CREDIT_CATEGORIES,
        },
      ],
    },
    {
      name: 'grading',
      type: 'group',
      label: zhEn('成绩评定', 'Grading'),
      fields: [
        {
          name: 'scheme',
          type: 'select',
          required: true,
          defaultValue: 'percentage',
          label: zhEn('记分制', 'Scheme'),
          options: GRADING_SCHEMES,
        },
        {
          name: 'passMark',
          type: 'number',
          min: 0,
          max: 100,
          defaultValue: 60,
          label: zhEn('及格线', 'Pass mark'),
          admin: { condition: (_, sibling) => sibling?.scheme === 'percentage' },
        },
      ],
    },
    { name: 'discipline', type: 'select', label: zhEn('学科门类', 'Discipline'), options: DISCIPLINES, index: true },
    {
      name: 'language',
      type: 'select',
      defaultValue: 'zh',
      label: zhEn('授课语言', 'Language'),
      options: options({ zh: ['中文', 'Chinese'], en: ['英文', 'English'], bilingual: ['双语', 'Bilingual'] }),
    },
    { name: 'coverImage', type: 'upload', relationTo: CORE.media, label: zhEn('封面图', 'Cover image') },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: CORE.organizations,
      required: true,
      index: true,
      label: zhEn('开课单位', 'Owning organisation'),
      // Authors get theirs filled in on create (claimForOwnOrganization) and cannot move a course.
      access: { update: isAdminField },
      admin: { position: 'sidebar', description: zhEn('作者创建时自动填为其所属组织', 'Set to the author’s organisation on create') },
    },
    {
      name: 'partners',
      type: 'relationship',
      relationTo: CORE.organizations,
      hasMany: true,
      label: zhEn('合作单位', 'Partner organisations'),
      admin: { position: 'sidebar' },
    },
    // Featured courses (特色课程) are co-developed by a university and enterprises; the
    // featured-courses plugin holds them back from publishing until their proposal is approved.
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true, label: zhEn('特色课程', 'Featured course'), admin: { position: 'sidebar' } },
    {
      name: 'designation',
      type: 'select',
      options: DESIGNATIONS,
      label: zhEn('优质课程认定', 'Quality-course designation'),
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.featured), description: zhEn('随经费补助认定', 'Set by the funding award') },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: CORE.users,
      hasMany: true,
      label: zhEn('作者', 'Authors'),
      admin: { position: 'sidebar' },
    },
  ],
}
