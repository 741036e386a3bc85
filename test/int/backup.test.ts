/**
 * Backup and restore (issue 16): a backup taken while the platform runs, restored into an empty
 * database and data folder, holds every credit record and ledger event, and its chains and
 * signed checkpoints verify there — so the signing keys came back too. SQLite, and PostgreSQL
 * under `npm test`.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJobs } from '../helpers/credits'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { as, createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let target: TestDatabase
const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'lianpei-backup-')), 'backup-1')

beforeAll(async () => {
  t = await startTestApp()
  target = await createTestDatabase()
})
afterAll(async () => {
  await t?.stop()
  await target?.drop()
  rmSync(path.dirname(folder), { recursive: true, force: true })
})

const script = (args: string[], env: Record<string, string>) =>
  promisify(execFile)('npx', ['tsx', ...args], { env: { ...process.env, NODE_OPTIONS: '--conditions=production', ...env } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  )

describe('backup and restore', () => {
  it('restores every credit record and ledger event into an empty database, where the ledger and its checkpoints verify', async () => {
    const university = await createOrganization(t.payload, 'university', '10611', '备份大学')
    const enterprise = await createOrganization(t.payload, 'enterprise', '91441900MA51LP0611')
    const organizer = await login(t.app, (await createUser(t.payload, ['organizer'], enterprise.id)).email)
    const registrar = await login(t.app, (await createUser(t.payload, ['registrar'], university.id)).email)
    const admin = await login(t.app, (await createUser(t.payload, ['admin'], enterprise.id)).email)
    for (let i = 0; i < 4; i++) {
      const learner = await createUser(t.payload, ['student'], university.id, { homeUniversity: university.id, studentNumber: `2026${i}` })
      const course = await createCourse(t.payload, enterprise.id)
      expect((await as(t.app, organizer).post('/api/completions').send({ learner: learner.id, source: { relationTo: 'courses', value: course.id }, score: 90 })).status).toBe(201)
    }
    await runJobs(t.payload)
    expect((await as(t.app, registrar).get('/api/credit-feed')).status).toBe(200)
    expect((await as(t.app, admin).post('/api/credit-ledger-checkpoints/sign').send({})).status).toBe(201)
    const records = (await t.payload.count({ collection: 'credit-records', overrideAccess: true })).totalDocs
    expect(records).toBe(4)

    const backedUp = await script(['scripts/backup.ts', 'backup', folder], { DATABASE_URI: t.db.uri, DATA_DIR: t.db.dataDir })
    expect(backedUp, backedUp.out).toMatchObject({ code: 0 })
    expect(backedUp.out).toContain('4 credit records, 1 ledger events')
    expect(JSON.parse(readFileSync(path.join(folder, 'backup.json'), 'utf8'))).toMatchObject({ kind: t.db.kind, creditRecords: 4, ledgerEvents: 1 })
    expect(existsSync(path.join(folder, 'data', 'credential-signing-keys.json'))).toBe(true)
    // A second backup into the same folder would mix two: refused.
    expect((await script(['scripts/backup.ts', 'backup', folder], { DATABASE_URI: t.db.uri, DATA_DIR: t.db.dataDir })).code).toBe(1)

    const restoreEnv = { DATABASE_URI: target.uri, DATA_DIR: target.dataDir }
    const restored = await script(['scripts/backup.ts', 'restore', folder], restoreEnv)
    expect(restored, restored.out).toMatchObject({ code: 0 })
    expect(restored.out).toContain('4 credit records (the backup had 4), 1 ledger events (had 1)')
    const verified = await script(['scripts/ledgerVerify.ts'], restoreEnv)
    expect(verified, verified.out).toMatchObject({ code: 0 })
    expect(verified.out).toMatch(/ok {6}备份大学 \(10611\): 4 records, 1 events, 1 checkpoints/)
    expect(verified.out).toContain('every chain holds')

    const wrongKind = await script(['scripts/backup.ts', 'restore', folder], { DATABASE_URI: t.db.kind === 'sqlite' ? 'postgres://localhost:1/none' : `file:${path.join(target.dataDir, 'x.db')}`, DATA_DIR: target.dataDir })
    expect(wrongKind.code).toBe(1)
    expect(wrongKind.out).toContain(`this is a ${t.db.kind} backup`)
  }, 180_000)
})
