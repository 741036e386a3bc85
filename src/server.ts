/** Starts LianPei: `npm start` (built admin panel) or `npm run dev` (watch mode). */
import { createApp } from './app'
import { env } from './env'
import { listen } from './lifecycle'
import { seedIfEmpty } from '../seed/seedIfEmpty'

const config = env()
const dev = process.argv.includes('--dev')
const app = await createApp({ next: { dev } })
if (config.SEED_DEMO === 'auto') await seedIfEmpty(app.payload)
const running = await listen(app, config.PORT, config.HOST)
app.payload.logger.info(`LianPei is ready: portal ${config.PUBLIC_URL}/, admin panel ${config.PUBLIC_URL}/admin, API ${config.PUBLIC_URL}/api (database ${config.DATABASE_KIND})`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    app.payload.logger.info(`${signal}: finishing in-flight requests, then closing the database`)
    await running.shutdown()
    process.exit(0)
  })
}
