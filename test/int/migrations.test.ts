/**
 * A production start on an empty SQL database applies the committed migrations, and they build
 * the whole schema: every collection can be written and read. Fails when a schema change comes
 * without `npm run migrate:create`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSigningJwk } from '../../src/credentials/signingKeys'
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

  it('let every task of the config be queued', async () => {
    for (const task of t.payload.config.jobs.tasks ?? []) {
      const job = (await t.payload.jobs.queue({ task: task.slug as never, input: {} as never })) as { id: number | string }
      expect(job.id, task.slug).toBeDefined()
      await t.payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
    }
  })

  // SQLite has no fill factor.
  it.skipIf(!process.env.TEST_POSTGRES_URL)('leave room on PostgreSQL pages for in-place status updates', async () => {
    const pool = (t.payload.db as unknown as { pool: { query: (q: string) => Promise<{ rows: Array<{ reloptions: string[] | null }> }> } }).pool
    const { rows } = await pool.query("select reloptions from pg_class where relname = 'credit_records'")
    expect(rows[0].reloptions).toContain('fillfactor=70')
  })
})

describe('the migration to per-module progress and official names', () => {
  it('fills both from the data already there', async () => {
    const kind = process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite'
    const migration = (await import(
      kind === 'postgres'
        ? '../../migrations/postgres/20261127_102355_h5p_libraries_module_progress_official_name'
        : '../../migrations/sqlite/20261127_102351_h5p_libraries_module_progress_official_name'
    )) as { backfill: (args: unknown) => Promise<void> }
    const { payload } = t
    const org = await payload.create({ collection: 'organizations', data: { kind: 'university', name: '回填大学', code: '10002' }, overrideAccess: true })
    const learner = await payload.create({ collection: 'users', data: { email: 'backfill@test.lianpei', password: 'x-password-1', name: '王小明', roles: ['student'], organization: org.id }, overrideAccess: true })
    const course = await payload.create({
      collection: 'courses',
      data: { title: '回填课程', code: 'MIG-2', organization: org.id, credits: 1, creditCategory: 'course', grading: { scheme: 'percentage' }, _status: 'published' },
      overrideAccess: true,
    })
    const module = await payload.create({ collection: 'modules', data: { course: course.id, title: '测验', order: 1, kind: 'quiz' } as never, overrideAccess: true })
    // As an older version left them: statements with no module rows, users with no official name.
    for (const [i, scaled] of [0.5, 0.9, 0.7].entries()) {
      await payload.create({
        collection: 'xapi-statements' as never,
        data: {
          statementId: `00000000-0000-4000-8000-00000000000${i}`, learner: learner.id, verb: 'http://adlnet.gov/expapi/verbs/answered', activityId: `https://x/modules/${module.id}`,
          module: module.id, course: course.id, scoreScaled: scaled, subStatement: false, timestamp: new Date(Date.UTC(2026, 0, 1, i)).toISOString(), stored: new Date().toISOString(), statement: {},
        } as never,
        overrideAccess: true,
      })
    }
    await payload.db.deleteMany({ collection: 'module-progress', where: {} } as never)
    await payload.db.updateOne({ collection: 'users', id: learner.id, data: { officialName: null } } as never)

    await migration.backfill({ db: (payload.db as unknown as { drizzle: unknown }).drizzle, payload, req: {} })

    const user = await payload.findByID({ collection: 'users', id: learner.id, overrideAccess: true, depth: 0 })
    expect((user as { officialName?: string }).officialName).toBe('王小明')
    const { docs } = await payload.find({ collection: 'module-progress' as never, where: { learner: { equals: learner.id } }, overrideAccess: true, depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ attempts: 3, scoredAttempts: 3, bestScore: 90, lastScore: 70 })
  })
})

describe('the migration that gives mentor certifications places in the revocation lists', () => {
  it('gives those already issued places 0, 1, 2, … in the order they were issued', async () => {
    const kind = process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite'
    const migration = (await import(
      kind === 'postgres' ? '../../migrations/postgres/20261128_161525_mentor_certification_status_index' : '../../migrations/sqlite/20261128_161521_mentor_certification_status_index'
    )) as { backfill: (args: unknown) => Promise<void> }
    const { payload } = t
    const org = await payload.create({ collection: 'organizations', data: { kind: 'enterprise', name: '回填企业', code: '91410100MA0000MG01' }, overrideAccess: true })
    const track = await payload.db.create({ collection: 'mentor-tracks', data: { title: '回填方案', code: 'MIG-T-1', tier: 'industry-mentor', purpose: 'initial', minHours: 0, organization: org.id } } as never)
    const issued: Array<number | string> = []
    for (const i of [1, 2, 3]) {
      const user = await payload.create({ collection: 'users', data: { email: `mentor-${i}@migration.lianpei`, password: 'x-password-1', name: `导师 ${i}`, roles: ['mentor'], organization: org.id }, overrideAccess: true })
      const mentor = await payload.db.create({ collection: 'mentors', data: { user: user.id, name: `导师 ${i}`, kind: 'enterprise', tier: 'industry-mentor', organization: org.id, maxStudents: 2, status: 'certified' } } as never)
      // As an older version left them: no place.
      const day = new Date(Date.UTC(2026, 0, i)).toISOString()
      const cert = await payload.db.create({
        collection: 'mentor-certifications',
        data: { key: `${mentor.id}:${track.id}:1`, mentor: mentor.id, mentorUser: user.id, track: track.id, kind: 'initial', issuedAt: day, validFrom: day, validUntil: new Date(Date.UTC(2029, 0, i)).toISOString(), status: 'valid' },
      } as never)
      issued.push(cert.id)
    }

    await migration.backfill({ db: (payload.db as unknown as { drizzle: unknown }).drizzle, payload, req: {} })

    const { docs } = await payload.find({ collection: 'mentor-certifications' as never, where: { id: { in: issued } }, sort: 'id', overrideAccess: true, depth: 0, pagination: false })
    expect(docs.map((d) => Number((d as { statusIndex?: unknown }).statusIndex))).toEqual([0, 1, 2])
  })
})
