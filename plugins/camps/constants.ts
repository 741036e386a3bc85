/** Slugs of the camps plugin's collections and tasks, and the programmes' vocabulary. */
export const CAMP_SLUGS = {
  camps: 'camps',
  sessions: 'camp-sessions',
  attendance: 'attendance',
  contests: 'contests',
  attempts: 'contest-attempts',
  reminders: 'camp-session-reminders',
} as const

export const CAMP_TASKS = {
  scanReminders: 'scanCampSessionReminders',
  sendReminder: 'sendCampSessionReminder',
} as const

export const CAMP_KINDS = {
  'political-education': ['思政教育', 'Political education'],
  'thematic-camp': ['专题训练营', 'Thematic training camp'],
  'vocational-camp': ['职业训练营', 'Vocational training camp'],
} as const

export const SESSION_KINDS = { lecture: ['讲座', 'Lecture'], activity: ['活动', 'Activity'], visit: ['参观', 'Visit'], contest: ['竞赛', 'Contest'] } as const

export const ATTENDANCE_STATUSES = { present: ['出勤', 'Present'], late: ['迟到', 'Late'], absent: ['缺勤', 'Absent'], excused: ['请假', 'Excused'] } as const
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES
/** What counts towards the attendance rate. */
export const ATTENDED: AttendanceStatus[] = ['present', 'late', 'excused']

export const QUESTION_KINDS = { single: ['单选', 'Single choice'], multiple: ['多选', 'Multiple choice'], 'true-false': ['判断', 'True / false'] } as const
