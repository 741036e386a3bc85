/** Slugs of the mentor-training plugin's collections and tasks, and the registry's vocabulary. */
export const MENTOR_SLUGS = {
  mentors: 'mentors',
  tracks: 'mentor-tracks',
  activities: 'mentor-activities',
  certifications: 'mentor-certifications',
  assignments: 'mentor-assignments',
  evaluations: 'mentor-evaluations',
  reminders: 'mentor-reminders',
} as const

export const MENTOR_TASKS = {
  scanExpiries: 'scanMentorCertificationExpiries',
  sendReminder: 'sendMentorExpiryReminder',
} as const

export const MENTOR_KINDS = { university: ['高校导师', 'University mentor'], enterprise: ['企业导师', 'Enterprise mentor'] } as const
export type MentorKind = keyof typeof MENTOR_KINDS

/** 产业教授 / 产业导师 / 产业讲师 for enterprise mentors; 博士生导师 / 硕士生导师 for university mentors. */
export const TIERS: Record<string, { kind: MentorKind; label: [zh: string, en: string] }> = {
  'industry-professor': { kind: 'enterprise', label: ['产业教授', 'Industry professor'] },
  'industry-mentor': { kind: 'enterprise', label: ['产业导师', 'Industry mentor'] },
  'industry-lecturer': { kind: 'enterprise', label: ['产业讲师', 'Industry lecturer'] },
  'doctoral-supervisor': { kind: 'university', label: ['博士生导师', 'Doctoral supervisor'] },
  'masters-supervisor': { kind: 'university', label: ['硕士生导师', 'Master’s supervisor'] },
}
export const TIER_KEYS = Object.keys(TIERS)
export const TIER_LABELS = Object.fromEntries(Object.entries(TIERS).map(([key, tier]) => [key, tier.label])) as Record<string, [zh: string, en: string]>

export const MENTOR_STATUSES = {
  applicant: ['申请中', 'Applicant'],
  'in-training': ['培训中', 'In training'],
  certified: ['已认证', 'Certified'],
  suspended: ['已暂停', 'Suspended'],
  expired: ['认证过期', 'Expired'],
} as const
export type MentorStatus = keyof typeof MENTOR_STATUSES

export const CERTIFICATION_STATUSES = { valid: ['有效', 'Valid'], expired: ['已过期', 'Expired'], revoked: ['已撤销', 'Revoked'] } as const

/** Days before a certification expires on which its mentor is reminded. */
export const REMINDER_DAYS = [60, 30, 7] as const
