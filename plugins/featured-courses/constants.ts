/** Slugs of the featured-courses plugin's collections and tasks, and its workflow's vocabulary. */
export const FEATURED_SLUGS = {
  rounds: 'proposal-rounds',
  proposals: 'course-proposals',
  transitions: 'proposal-transitions',
  reviews: 'proposal-reviews',
  awards: 'funding-awards',
} as const

export const FEATURED_TASKS = {
  notifyTransition: 'notifyProposalTransition',
} as const

export const PROPOSAL_STATES = ['draft', 'submitted', 'under-review', 'revision-requested', 'approved', 'rejected'] as const
export type ProposalState = (typeof PROPOSAL_STATES)[number]

export const PROPOSAL_STATE_LABELS: Record<ProposalState, [zh: string, en: string]> = {
  draft: ['草稿', 'Draft'],
  submitted: ['已提交', 'Submitted'],
  'under-review': ['评审中', 'Under review'],
  'revision-requested': ['需修改', 'Revision requested'],
  approved: ['已立项', 'Approved'],
  rejected: ['未立项', 'Rejected'],
}

export const REVIEW_STATE_LABELS = { assigned: ['待评审', 'Assigned'], submitted: ['已提交', 'Submitted'], withdrawn: ['已撤回', 'Withdrawn'] } as const
export const RECOMMENDATION_LABELS = { approve: ['建议立项', 'Approve'], revise: ['建议修改', 'Revise'], reject: ['建议不立项', 'Reject'] } as const
export type Recommendation = keyof typeof RECOMMENDATION_LABELS

export const AWARD_STATES = ['awarded', 'disbursed', 'withdrawn'] as const
export type AwardState = (typeof AWARD_STATES)[number]

export const TEAM_ROLES: Record<'lead' | 'university-teacher' | 'enterprise-expert' | 'instructional-designer', [zh: string, en: string]> = {
  lead: ['课程负责人', 'Course lead'],
  'university-teacher': ['高校教师', 'University teacher'],
  'enterprise-expert': ['企业专家', 'Enterprise expert'],
  'instructional-designer': ['教学设计', 'Instructional designer'],
}
