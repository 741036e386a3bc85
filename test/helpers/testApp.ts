/**
 * Builds the real app on a database of its own, for one test file. Environment variables are set
 * before the config is imported, because the config reads them once.
 */
import type { App } from '../../src/app'
import { createTestDatabase, type TestDatabase } from './database'

export type TestApp = App & { db: TestDatabase; stop: () => Promise<void> }

export async function startTestApp(options: { next?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase()
  // `npm start` runs with NODE_ENV unset and Next.js then sets it to production in-process;
  // vitest's NODE_ENV=test would hide what that does to the admin panel's copy of the config.
  if (options.next) Reflect.deleteProperty(process.env, 'NODE_ENV')
  Object.assign(process.env, {
    DATABASE_URI: db.uri,
    DATA_DIR: db.dataDir,
    SEED_DEMO: 'never',
    // Tests run queued jobs themselves (payload.jobs.run), so that they know when jobs ran.
    JOBS_AUTORUN: 'false',
    // Tests sign in hundreds of times from one address; test/int/limits.test.ts turns limits on.
    RATE_LIMIT_SCALE: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PAYLOAD_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
    ...options.env,
  })
  const { createApp } = await import('../../src/app')
  const app = await createApp({ next: options.next ? { dev: false } : false })
  return {
    ...app,
    db,
    stop: async () => {
      await app.close()
      await db.drop()
    },
  }
}
