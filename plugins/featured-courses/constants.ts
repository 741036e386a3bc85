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

export const REVIEW_STATES = ['assigned', 'submitted', 'withdrawn'] as const
export const RECOMMENDATIONS = ['approve', 'revise', 'reject'] as const
export type Recommendation = (typeof RECOMMENDATIONS)[number]

export const AWARD_STATES = ['awarded', 'disbursed', 'withdrawn'] as const
export type AwardState = (typeof AWARD_STATES)[number]

export const TEAM_ROLES: Record<'lead' | 'university-teacher' | 'enterprise-expert' | 'instructional-designer', [zh: string, en: string]> = {
  lead: ['课程负责人', 'Course lead'],
  'university-teacher': ['高校教师', 'University teacher'],
  'enterprise-expert': ['企业专家', 'Enterprise expert'],
  'instructional-designer': ['教学设计', 'Instructional designer'],
}
