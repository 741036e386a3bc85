/**
 * Featured-course development (特色课程): a university and its partner enterprises propose a course
 * in a round; the expert committee (专家指导委员会) reviews it blind on the round's rubric; an
 * administrator decides; excellent courses are funded (经费补助) within the round's budget and
 * designated quality courses. A course marked featured cannot be published before its proposal is
 * approved.
 *
 * Reads top-down: options → collections → what it adds to courses (the publish gate, the
 * designation) → the email task.
 */
import type { Config } from 'payload'
import { CORE } from '../../collections/slugs'
import { addPortalPlugin } from '../../src/portal/plugins'
import { createCourseProposalsCollection } from './collections/CourseProposals'
import { createFundingAwardsCollection } from './collections/FundingAwards'
import { createProposalReviewsCollection } from './collections/ProposalReviews'
import { createProposalRoundsCollection } from './collections/ProposalRounds'
import { createProposalTransitionsCollection } from './collections/ProposalTransitions'
import { carryDesignation } from './hooks/carryDesignation'
import { gateFeaturedPublishing } from './hooks/gateFeaturedPublishing'
import { notifyProposalTransitionTask } from './tasks/notifyProposalTransition'
import { type FeaturedCoursesPluginOptions, sanitizeOptions } from './types'

export { FEATURED_SLUGS, FEATURED_TASKS, PROPOSAL_STATES } from './constants'
export { awardFunding } from './endpoints/awards'
export type { FeaturedCoursesPluginOptions } from './types'

export const featuredCoursesPlugin =
  (pluginOptions: FeaturedCoursesPluginOptions = {}) =>
  (config: Config): Config => {
    const options = sanitizeOptions(pluginOptions)
    if (!options.enabled) return config
    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === CORE.courses ? { ...collection, hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), gateFeaturedPublishing, carryDesignation] } } : collection,
    )
    return addPortalPlugin(
      {
        ...config,
        collections: [
          ...collections,
          createProposalRoundsCollection(options),
          createCourseProposalsCollection(options),
          createProposalTransitionsCollection(),
          createProposalReviewsCollection(),
          createFundingAwardsCollection(),
        ],
        jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), notifyProposalTransitionTask(options)] },
      },
      'featured-courses',
    )
  }
