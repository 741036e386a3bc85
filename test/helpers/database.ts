/**
 * Each test file gets a database of its own: a fresh SQLite file, or a fresh database on the
 * PostgreSQL server that `npm test` started (TEST_POSTGRES_URL), dropped afterwards.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export type TestDatabase = { uri: string; kind: 'sqlite' | 'postgres'; dataDir: string; drop: () => Promise<void> }

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lianpei-test-'))
  const server = process.env.TEST_POSTGRES_URL
  if (!server) {
    return {
      kind: 'sqlite',
      uri: `file:${path.join(dataDir, 'test.db')}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  const name = `lianpei_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const uri = new URL(server)
  uri.pathname = `/${name}`
  return {
    kind: 'postgres',
    uri: uri.toString(),
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: server })
      await client.connect()
      // The app's pool has ended, but its sockets may still be closing: give them a moment, so
      // that FORCE never has to cut a connection this process still listens to.
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])
        if (rows[0].n === 0) break
        await new Promise((r) => setTimeout(r, 100))
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
