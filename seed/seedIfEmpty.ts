import type { Payload } from 'payload'
import { CORE } from '../collections/slugs'
import { seedDemo } from './seedDemo'

/** At start-up: a database with no users gets the demo data; any other is left alone. */
export async function seedIfEmpty(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: CORE.users, overrideAccess: true })
  if (totalDocs > 0) return
  payload.logger.info('empty database: seeding the demo data (SEED_DEMO=never turns this off)')
  await seedDemo(payload)
}
