/** Options of the featured-courses plugin; defaults are filled in once, by sanitizeOptions. */
export type RubricCriterion = {
  /** Stable key, used in scores and in the CSV's column names, e.g. `innovation`. */
  key: string
  label: { zh: string; en: string }
  /** Relative weight; the weighted score divides by the sum of weights. */
  weight: number
}

export type FeaturedCoursesPluginOptions = {
  /** @default true */
  enabled?: boolean
  /** The platform's public URL, for links in emails. @default 'http://localhost:3000' */
  publicUrl?: string
  review?: {
    /** Reviewers per proposal, and the number of submitted reviews a decision needs. @default 3 */
    reviewersPerProposal?: number
    /** Assign reviewers automatically when a proposal is submitted. @default true */
    autoAssign?: boolean
    /** A mean weighted score at or above this proposes approval. @default 75 */
    approveAt?: number
    /** Below approveAt, a mean at or above this proposes revision; lower proposes rejection. @default 60 */
    reviseAt?: number
    /** The rubric a new round starts with; each round may change its own. */
    rubric?: RubricCriterion[]
  }
}

export type SanitizedFeaturedCoursesOptions = {
  enabled: boolean
  publicUrl: string
  review: { reviewersPerProposal: number; autoAssign: boolean; approveAt: number; reviseAt: number; rubric: RubricCriterion[] }
}

/** 新技术、新标准、新工艺, the team, the practice and the expected results, as the committee weighs them. */
export const DEFAULT_RUBRIC: RubricCriterion[] = [
  { key: 'industry-relevance', label: { zh: '产教融合程度（新技术、新标准、新工艺）', en: 'Industry relevance (new technology, standards, processes)' }, weight: 30 },
  { key: 'team', label: { zh: '校企双方团队', en: 'University–enterprise team' }, weight: 20 },
  { key: 'content-design', label: { zh: '课程内容与教学设计', en: 'Content and instructional design' }, weight: 30 },
  { key: 'practice', label: { zh: '实践教学与成果', en: 'Practice and expected results' }, weight: 20 },
]

export function sanitizeOptions(options: FeaturedCoursesPluginOptions = {}): SanitizedFeaturedCoursesOptions {
  const review = {
    reviewersPerProposal: 3,
    autoAssign: true,
    approveAt: 75,
    reviseAt: 60,
    rubric: DEFAULT_RUBRIC,
    ...options.review,
  }
  if (!Number.isInteger(review.reviewersPerProposal) || review.reviewersPerProposal < 1) throw new Error('featuredCoursesPlugin: review.reviewersPerProposal must be a whole number ≥ 1')
  if (review.reviseAt > review.approveAt) throw new Error('featuredCoursesPlugin: review.reviseAt cannot be above review.approveAt')
  return { enabled: options.enabled ?? true, publicUrl: (options.publicUrl ?? 'http://localhost:3000').replace(/\/$/, ''), review }
}
