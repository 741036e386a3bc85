/** `npm run seed` (idempotent) and `npm run seed -- --reset` (wipe, then seed). */
import { getPayload } from 'payload'
import config from '../payload.config'
import { resetDatabase } from './resetDatabase'
import { seedDemo } from './seedDemo'

const payload = await getPayload({ config })
if (process.argv.includes('--reset')) {
  payload.logger.info('--reset: deleting every document')
  await resetDatabase(payload)
}
await seedDemo(payload)
await payload.destroy()
process.exit(0)
