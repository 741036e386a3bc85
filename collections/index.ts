import type { CollectionConfig } from 'payload'
import { Completions } from './Completions'
import { Courses } from './Courses'
import { Enrollments } from './Enrollments'
import { createMediaCollection, type MediaOptions } from './Media'
import { Modules } from './Modules'
import { Organizations } from './Organizations'
import { Users } from './Users'

export { addLearningSource, learningSourcesOf } from './learningSources'
export { CORE } from './slugs'

/** The collections every plugin shares, in the order the admin panel lists them. */
export const coreCollections = (options: { media: MediaOptions }): CollectionConfig[] => [
  Courses,
  Modules,
  createMediaCollection(options.media),
  Enrollments,
  Completions,
  Users,
  Organizations,
]
