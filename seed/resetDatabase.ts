import type { Payload } from 'payload'

/**
 * Deletes every document of every collection through the adapter, so it works on every database.
 * Required relations forbid some orders (a module cannot outlive its course), and plugins add
 * collections this file does not know, so it deletes in passes until everything is gone.
 * Only `npm run seed -- --reset` and tests call it.
 */
export async function resetDatabase(payload: Payload): Promise<void> {
  let remaining = payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
  for (let pass = 0; remaining.length > 0; pass++) {
    const failed: string[] = []
    for (const slug of remaining) {
      try {
        if (payload.collections[slug]?.config.versions) await payload.db.deleteVersions({ collection: slug, where: {} })
        await payload.db.deleteMany({ collection: slug, where: {} })
      } catch (error) {
        if (pass >= remaining.length) throw error
        failed.push(slug)
      }
    }
    remaining = failed
  }
}
