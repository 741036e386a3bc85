import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { nobody, nobodyField, or } from '../../../src/access'
import { isRegistryStaff, ownMentorRows, ownStudentRows } from '../access'
import { MENTOR_KINDS, MENTOR_SLUGS } from '../constants'
import { assignMentorEndpoint } from '../endpoints/assignMentor'
import { checkAssignment } from '../hooks/checkAssignment'

/**
 * The dual-mentor system (双导师制): a joint-training student has at most one active university
 * mentor and one active enterprise mentor. Only a certified, unexpired mentor with a free place
 * can be assigned. Each active assignment holds one of the mentor's numbered places (`slotKey`) and
 * the student's place for that kind of mentor (`studentKey`), both unique in the database, so
 * concurrent assignments cannot overfill a mentor or give a student two. Ending an assignment
 * (with a reason) frees both; ended rows stay as the history.
 */
export const createMentorAssignmentsCollection = (): CollectionConfig => ({
  slug: MENTOR_SLUGS.assignments,
  labels: { singular: zhEn('双导师分配', 'Mentor assignment'), plural: zhEn('双导师分配', 'Mentor assignments') },
  admin: { group: zhEn('导师培训', 'Mentor training'), defaultColumns: ['student', 'mentor', 'kind', 'status', 'startedAt', 'endedAt'] },
  access: { read: or(isRegistryStaff, ownMentorRows, ownStudentRows), create: isRegistryStaff, update: isRegistryStaff, delete: nobody },
  hooks: { beforeChange: [checkAssignment] },
  endpoints: [assignMentorEndpoint],
  fields: [
    { name: 'student', type: 'relationship', relationTo: CORE.users, required: true, index: true, label: zhEn('学生', 'Student') },
    { name: 'mentor', type: 'relationship', relationTo: MENTOR_SLUGS.mentors, required: true, index: true, label: zhEn('导师', 'Mentor') },
    { name: 'reason', type: 'textarea', label: zhEn('分配说明', 'Why this mentor') },
    { name: 'kind', type: 'select', options: options(MENTOR_KINDS as never), label: zhEn('导师类别', 'Kind'), access: { create: nobodyField, update: nobodyField }, admin: { readOnly: true } },
    { name: 'status', type: 'select', required: true, defaultValue: 'active', index: true, options: options({ active: ['指导中', 'Active'], ended: ['已结束', 'Ended'] }), label: zhEn('状态', 'Status'), admin: { position: 'sidebar' } },
    { name: 'endReason', type: 'textarea', label: zhEn('结束原因', 'Why it ended'), admin: { position: 'sidebar', description: zhEn('更换或结束须说明原因', 'A change or an end needs a reason') } },
    { name: 'startedAt', type: 'date', label: zhEn('开始', 'Started'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'endedAt', type: 'date', label: zhEn('结束', 'Ended'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'assignedBy', type: 'relationship', relationTo: CORE.users, label: zhEn('分配人', 'Assigned by'), admin: { readOnly: true, position: 'sidebar' } },
    // Set by hooks/checkAssignment.ts only: who may read the student's records, and the places that keep the rules.
    { name: 'mentorUser', type: 'relationship', relationTo: CORE.users, index: true, access: { create: nobodyField, update: nobodyField }, admin: { hidden: true } },
    { name: 'slotKey', type: 'text', unique: true, access: { create: nobodyField, update: nobodyField }, admin: { hidden: true } },
    { name: 'studentKey', type: 'text', unique: true, access: { create: nobodyField, update: nobodyField }, admin: { hidden: true } },
  ],
})
