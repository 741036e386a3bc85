import type { Payload } from 'payload'

/**
 * Deletes every document of every collection through the Local API, so it works on every
 * adapter. Only `npm run seed -- --reset` calls it.
 */
export async function resetDatabase(payload: Payload): Promise<void> {
  const slugs = payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
  for (const slug of slugs) {
    await payload.db.deleteMany({ collection: slug, where: {} })
    if (payload.collections[slug]?.config.versions) await payload.db.deleteVersions({ collection: slug, where: {} })
  }
}
