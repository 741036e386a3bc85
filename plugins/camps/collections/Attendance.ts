import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { or } from '../../../src/access'
import { isCampStaff, ownRows } from '../access'
import { ATTENDANCE_STATUSES, CAMP_SLUGS } from '../constants'
import { completeCampOnAttendance } from '../hooks/completeCamp'
import { recordAttendance } from '../hooks/recordAttendance'

/**
 * One learner's attendance at one session, once (`session:learner` is unique): checked in with the
 * rotating code (POST /api/camp-sessions/<id>/check-in) or marked by an organiser as present, late,
 * absent or excused. Each record may complete the learner's programme.
 */
export const createAttendanceCollection = (): CollectionConfig => ({
  slug: CAMP_SLUGS.attendance,
  labels: { singular: zhEn('考勤', 'Attendance'), plural: zhEn('考勤', 'Attendance') },
  admin: { group: zhEn('思政与训练营', 'Programmes and camps'), defaultColumns: ['session', 'learner', 'status', 'checkedInAt', 'method'] },
  access: { read: or(isCampStaff, ownRows), create: isCampStaff, update: isCampStaff, delete: isCampStaff },
  hooks: { beforeChange: [recordAttendance], afterChange: [completeCampOnAttendance] },
  fields: [
    { name: 'key', type: 'text', unique: true, admin: { hidden: true } },
    { name: 'session', type: 'relationship', relationTo: CAMP_SLUGS.sessions, required: true, index: true, label: zhEn('场次', 'Session') },
    { name: 'learner', type: 'relationship', relationTo: CORE.users, required: true, index: true, label: zhEn('学员', 'Learner') },
    { name: 'camp', type: 'relationship', relationTo: CAMP_SLUGS.camps, index: true, label: zhEn('项目', 'Programme'), admin: { readOnly: true } },
    { name: 'status', type: 'select', required: true, defaultValue: 'present', options: options(ATTENDANCE_STATUSES as never), label: zhEn('考勤', 'Status') },
    { name: 'checkedInAt', type: 'date', label: zhEn('签到时间', 'Checked in'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'method', type: 'select', options: options({ code: ['签到码', 'Check-in code'], organizer: ['组织者登记', 'Marked by an organiser'] }), label: zhEn('方式', 'How'), admin: { readOnly: true } },
    { name: 'recordedBy', type: 'relationship', relationTo: CORE.users, label: zhEn('登记人', 'Recorded by'), admin: { readOnly: true } },
  ],
})
