import type { CollectionConfig, Field } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { isAdmin, nobody, or, ownOrganization, self } from '../../../src/access'
import { CREDIT_SLUGS } from '../constants'
import { guardRecordEdits } from '../hooks/guardRecordEdits'
import { applyStatusTransition } from '../hooks/applyStatusTransition'
import { notifyLearnerOfDecision } from '../hooks/notifyLearnerOfDecision'
import { recordDecisionInLedger } from '../hooks/recordDecisionInLedger'

/** Snapshot fields: written once at issue, never changed (field access and guardRecordEdits). */
const frozen = (field: Field): Field => ({ ...field, access: { update: () => false } } as Field)

export const STATUS_OPTIONS = options({
  issued: ['已发放', 'Issued'],
  delivered: ['已送达', 'Delivered'],
  accepted: ['已认定', 'Accepted'],
  rejected: ['未认定', 'Rejected'],
  revoked: ['已撤销', 'Revoked'],
})

/**
 * A credit record: what a registrar needs to recognise a credit, snapshotted when issued so that
 * later edits to the course or the learner change nothing. Append-only: only its status moves.
 */
export const createCreditRecordsCollection = (): CollectionConfig => ({
  slug: CREDIT_SLUGS.records,
  labels: { singular: zhEn('学分记录', 'Credit record'), plural: zhEn('学分记录', 'Credit records') },
  admin: {
    group: zhEn('学分', 'Credits'),
    useAsTitle: 'sourceTitle',
    defaultColumns: ['sequence', 'learnerName', 'studentNumber', 'sourceTitle', 'credits', 'grade', 'status', 'issuedAt'],
    listSearchableFields: ['learnerName', 'studentNumber', 'sourceTitle', 'sourceCode'],
    description: zhEn(
      '学分记录只可追加：发放后内容不可修改，只能认定、不认定或由管理员撤销。批量认定：勾选记录后选择“编辑”，修改“状态”。',
      'Append-only: content never changes after issue; a record is only accepted, rejected, or revoked by an administrator. Bulk decisions: select records, choose Edit, set Status.',
    ),
  },
  defaultSort: 'sequence',
  // The feed's keyset read: one university's records after a sequence number, in order.
  indexes: [{ fields: ['homeUniversity', 'sequence'] }],
  access: {
    read: or(isAdmin, self('learner'), ownOrganization('homeUniversity', 'registrar')),
    create: nobody,
    update: or(isAdmin, ownOrganization('homeUniversity', 'registrar')),
    delete: nobody,
  },
  hooks: {
    beforeOperation: [guardRecordEdits],
    beforeChange: [applyStatusTransition],
    afterChange: [recordDecisionInLedger, notifyLearnerOfDecision],
  },
  fields: [
    frozen({ name: 'sequence', type: 'number', required: true, unique: true, index: true, label: zhEn('序号', 'Sequence'), admin: { readOnly: true } }),
    frozen({ name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'issued',
      // No index: five values select little, and keeping one cost the feed a third of its
      // delivered-marking time (bench/credit-feed). Lists filter by university first.
      options: STATUS_OPTIONS,
      label: zhEn('状态', 'Status'),
    },
    {
      type: 'collapsible',
      label: zhEn('学习者', 'Learner'),
      fields: [
        frozen({ name: 'learner', type: 'relationship', relationTo: CORE.users, required: true, index: true, label: zhEn('学习者', 'Learner') }),
        frozen({ name: 'learnerName', type: 'text', label: zhEn('姓名', 'Name') }),
        frozen({ name: 'studentNumber', type: 'text', index: true, label: zhEn('学号', 'Student number') }),
        frozen({ name: 'homeUniversity', type: 'relationship', relationTo: CORE.organizations, index: true, label: zhEn('学籍高校', 'Home university') }),
        frozen({ name: 'homeUniversityName', type: 'text', label: zhEn('学籍高校名称', 'Home university name') }),
        frozen({ name: 'homeUniversityCode', type: 'text', label: zhEn('院校代码', 'Institution code') }),
      ],
    },
    {
      type: 'collapsible',
      label: zhEn('学习项目', 'Source'),
      fields: [
        frozen({ name: 'sourceType', type: 'text', required: true, label: zhEn('项目类型', 'Source type') }),
        frozen({ name: 'sourceId', type: 'text', required: true, label: zhEn('项目编号', 'Source id') }),
        frozen({ name: 'sourceTitle', type: 'text', label: zhEn('名称', 'Title') }),
        frozen({ name: 'sourceTitleEn', type: 'text', label: zhEn('英文名称', 'Title (English)') }),
        frozen({ name: 'sourceCode', type: 'text', index: true, label: zhEn('代码', 'Code') }),
        frozen({ name: 'issuingOrganizationName', type: 'text', label: zhEn('开课单位', 'Issuing organisation') }),
        frozen({ name: 'issuingOrganizationCode', type: 'text', label: zhEn('开课单位代码', 'Issuing organisation code') }),
        frozen({ name: 'partnerOrganizations', type: 'text', label: zhEn('合作单位', 'Partner organisations') }),
      ],
    },
    {
      type: 'row',
      fields: [
        frozen({ name: 'credits', type: 'number', required: true, label: zhEn('学分', 'Credits') }),
        frozen({ name: 'hours', type: 'number', label: zhEn('学时', 'Hours') }),
        frozen({ name: 'category', type: 'text', label: zhEn('学分类别', 'Category') }),
        frozen({ name: 'gradingScheme', type: 'text', label: zhEn('记分制', 'Grading scheme') }),
        frozen({ name: 'score', type: 'number', label: zhEn('成绩', 'Score') }),
        frozen({ name: 'grade', type: 'text', label: zhEn('等级', 'Grade') }),
        frozen({ name: 'passed', type: 'checkbox', label: zhEn('通过', 'Passed') }),
      ],
    },
    frozen({ name: 'completedAt', type: 'date', required: true, label: zhEn('完成时间', 'Completed at') }),
    frozen({ name: 'issuedAt', type: 'date', required: true, index: true, label: zhEn('发放时间', 'Issued at') }),
    frozen({ name: 'evidence', type: 'json', label: zhEn('完成依据', 'Evidence') }),
    frozen({ name: 'supersedes', type: 'relationship', relationTo: CREDIT_SLUGS.records, label: zhEn('更正自', 'Supersedes') }),
    frozen({ name: 'supersededBy', type: 'relationship', relationTo: CREDIT_SLUGS.records, label: zhEn('已被更正为', 'Superseded by') }),
    {
      type: 'collapsible',
      label: zhEn('台账', 'Ledger'),
      admin: { initCollapsed: true, description: zhEn('发放内容的哈希与本校链中前一条记录的哈希（npm run ledger:verify 逐条核对）。', 'Hash of the issued content and of the previous record in the university’s chain (checked by npm run ledger:verify).') },
      fields: [
        frozen({ name: 'contentHash', type: 'text', label: zhEn('内容哈希', 'Content hash'), admin: { readOnly: true } }),
        frozen({ name: 'previousHash', type: 'text', label: zhEn('前一记录哈希', 'Previous hash'), admin: { readOnly: true } }),
        frozen({ name: 'hash', type: 'text', label: zhEn('记录哈希', 'Hash'), admin: { readOnly: true } }),
      ],
    },
    {
      type: 'collapsible',
      label: zhEn('认定', 'Recognition'),
      fields: [
        frozen({ name: 'deliveredAt', type: 'date', label: zhEn('送达时间', 'Delivered at') }),
        frozen({ name: 'decidedAt', type: 'date', label: zhEn('认定时间', 'Decided at') }),
        frozen({ name: 'decidedBy', type: 'relationship', relationTo: CORE.users, label: zhEn('认定人', 'Decided by') }),
        { name: 'decisionReason', type: 'textarea', label: zhEn('认定说明', 'Decision reason') },
        { name: 'localCourseCode', type: 'text', label: zhEn('本校课程代码', 'Local course code') },
        frozen({ name: 'revokedAt', type: 'date', label: zhEn('撤销时间', 'Revoked at') }),
        { name: 'revocationReason', type: 'textarea', label: zhEn('撤销原因', 'Revocation reason') },
      ],
    },
  ],
})
