/**
 * A learning source is anything a learner enrols in and completes: a course here, a camp or a
 * mentor-training track in plugins. `enrollments.source` and `completions.source` are polymorphic
 * relations over every registered source, so the credit ledger meets them all in one place.
 *
 * A credit-bearing source collection has these top-level fields, which credits snapshot:
 * `title`, `titleEn`, `code`, `credits`, `hours`, `creditCategory`, `organization`, `partners`,
 * and optionally `grading: { scheme, passMark }`.
 */
import type { CollectionConfig, Config, RelationshipField } from 'payload'
import { CORE } from './slugs'

export const LEARNING_SOURCE_FIELD = 'source'
const COLLECTIONS_WITH_SOURCE = [CORE.enrollments, CORE.completions]

/** Lets a plugin's collection be enrolled in and completed. */
export function addLearningSource(config: Config, slug: string): Config {
  for (const collection of config.collections ?? []) {
    if (!COLLECTIONS_WITH_SOURCE.includes(collection.slug as never)) continue
    const field = findSourceField(collection)
    const relationTo = field.relationTo as string[]
    if (!relationTo.includes(slug)) relationTo.push(slug)
  }
  return config
}

function findSourceField(collection: CollectionConfig): RelationshipField {
  const field = collection.fields.find((f) => 'name' in f && f.name === LEARNING_SOURCE_FIELD)
  if (!field || field.type !== 'relationship') throw new Error(`${collection.slug} has no ${LEARNING_SOURCE_FIELD} relation`)
  return field
}

/** The slugs of every registered learning source. */
export function learningSourcesOf(config: Pick<Config, 'collections'>): string[] {
  const completions = (config.collections ?? []).find((c) => c.slug === CORE.completions)
  return completions ? [...(findSourceField(completions).relationTo as string[])] : []
}
