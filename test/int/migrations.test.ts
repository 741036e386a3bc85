/**
 * A production start on an empty SQL database applies the committed migrations, and they build
 * the whole schema: every collection can be written and read. Fails when a schema change comes
 * without `npm run migrate:create`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../../plugins/credits/credentials/signingKeys'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp

beforeAll(async () => {
  t = await startTestApp({ env: { NODE_ENV: 'production', CREDENTIAL_SIGNING_KEYS: JSON.stringify([await generateSigningJwk()]) } })
})
afterAll(async () => t?.stop())

describe('migrations', () => {
  it('were applied instead of a schema push', async () => {
    const { docs } = await t.payload.find({ collection: 'payload-migrations', overrideAccess: true, limit: 100 })
    expect(docs.map((d) => d.name).some((n) => n?.endsWith('initial'))).toBe(true)
  })

  it('create every table and column the config describes', async () => {
    for (const collection of t.payload.config.collections) {
      const slug = collection.slug as never
      await expect(t.payload.find({ collection: slug, limit: 1, overrideAccess: true, draft: true }), collection.slug).resolves.toBeDefined()
    }
    const org = await t.payload.create({ collection: 'organizations', data: { kind: 'university', name: '迁移大学', code: '10001' }, overrideAccess: true })
    const course = await t.payload.create({
      collection: 'courses',
      data: { title: '迁移课程', code: 'MIG-1', organization: org.id, credits: 1, creditCategory: 'course', grading: { scheme: 'percentage' }, _status: 'published' },
      overrideAccess: true,
    })
    expect(course.id).toBeDefined()
  })

  // SQLite has no fill factor.
  it.skipIf(!process.env.TEST_POSTGRES_URL)('leave room on PostgreSQL pages for in-place status updates', async () => {
    const pool = (t.payload.db as unknown as { pool: { query: (q: string) => Promise<{ rows: Array<{ reloptions: string[] | null }> }> } }).pool
    const { rows } = await pool.query("select reloptions from pg_class where relname = 'credit_records'")
    expect(rows[0].reloptions).toContain('fillfactor=70')
  })
})
