import type { CollectionConfig, PayloadRequest } from 'payload'
import { anyone, isAdmin } from '../src/access'
import { say } from '../src/i18n/say'
import { forgetOrganizationNames } from '../src/portal/organizationNames'
import { options, zhEn } from './i18n'
import { CORE } from './slugs'

export const ORGANIZATION_KINDS = ['university', 'enterprise', 'agency'] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

/**
 * 院校代码 is the Ministry of Education's five-digit institution code (10001 is Peking University);
 * 统一社会信用代码 is the eighteen-character unified social credit code of enterprises and agencies.
 */
const UNIVERSITY_CODE = /^\d{5}$/
const SOCIAL_CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

export const Organizations: CollectionConfig = {
  slug: CORE.organizations,
  labels: { singular: zhEn('组织', 'Organisation'), plural: zhEn('组织', 'Organisations') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'code'],
    group: zhEn('平台', 'Platform'),
  },
  // Names of organisations appear on public course pages, so reading is open.
  access: { read: anyone, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    afterChange: [({ req }) => forgetOrganizationNames(req.payload)],
    afterDelete: [({ req }) => forgetOrganizationNames(req.payload)],
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: zhEn('类型', 'Kind'),
      options: options({ university: ['高校', 'University'], enterprise: ['企业', 'Enterprise'], agency: ['机构', 'Agency'] }),
    },
    { name: 'name', type: 'text', required: true, label: zhEn('中文名称', 'Name (Chinese)') },
    { name: 'nameEn', type: 'text', label: zhEn('英文名称', 'Name (English)') },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: zhEn('官方代码', 'Official code'),
      admin: { description: zhEn('高校填院校代码（5 位），企业和机构填统一社会信用代码（18 位）', 'Universities: the 5-digit institution code; enterprises and agencies: the 18-character unified social credit code') },
      validate: (value: unknown, { req, siblingData }: { req?: PayloadRequest; siblingData: Partial<{ kind: OrganizationKind }> }) => {
        if (typeof value !== 'string' || !value) return say(req, '请填写官方代码', 'code is required')
        if (siblingData.kind === 'university' && !UNIVERSITY_CODE.test(value)) {
          return say(req, `院校代码应为 5 位数字，收到“${value}”`, `a university code is 5 digits (院校代码), got "${value}"`)
        }
        if (siblingData.kind && siblingData.kind !== 'university' && !SOCIAL_CREDIT_CODE.test(value)) {
          return say(req, `企业或机构应填 18 位统一社会信用代码，收到“${value}”`, `an enterprise or agency code is an 18-character unified social credit code (统一社会信用代码), got "${value}"`)
        }
        return true
      },
    },
    {
      name: 'contact',
      type: 'group',
      label: zhEn('联系人', 'Contact'),
      fields: [
        { name: 'name', type: 'text', label: zhEn('姓名', 'Name') },
        { name: 'email', type: 'email', label: zhEn('邮箱', 'Email') },
        { name: 'phone', type: 'text', label: zhEn('电话', 'Phone') },
      ],
    },
  ],
}
