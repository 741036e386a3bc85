import type { Payload } from 'payload'

/**
 * Deletes every document of every collection through the adapter, so it works on every database.
 * Required relations forbid some orders (a module cannot outlive its course), and plugins add
 * collections this file does not know, so it deletes in passes until everything is gone.
 * Only `npm run seed -- --reset` and tests call it.
 */
export async function resetDatabase(payload: Payload): Promise<void> {
  let remaining: string[] = payload.config.collections.map((c) => c.slug).filter((slug) => slug !== 'payload-migrations')
  for (let pass = 0; remaining.length > 0; pass++) {
    const failed: string[] = []
    type Slug = Parameters<typeof payload.db.deleteMany>[0]['collection']
    for (const slug of remaining) {
      try {
        if (payload.collections[slug as Slug]?.config.versions) await payload.db.deleteVersions({ collection: slug as Slug, where: {} })
        await payload.db.deleteMany({ collection: slug as Slug, where: {} })
      } catch (error) {
        if (pass >= remaining.length) throw error
        failed.push(slug)
      }
    }
    remaining = failed
  }
}
