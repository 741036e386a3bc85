/**
 * Backup and restore of a whole installation: the database and the data folder (uploads,
 * extracted H5P, the development secret and signing keys). One folder per backup, with a
 * manifest that says what it holds and how many credit records it had, so that a restore can
 * say whether it got them all back. README, "Backup and restore".
 *
 * - SQLite: `VACUUM INTO`, a consistent copy taken while the platform runs (WAL readers and the
 *   writer go on); restored by putting the file back with the platform stopped.
 * - PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore --clean --if-exists`.
 * - MongoDB: `mongodump --archive --gzip` / `mongorestore --drop` (documented, not tested here).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'libsql'
import pg from 'pg'
import type { Env } from '../env'

export type Manifest = { createdAt: string; kind: Env['DATABASE_KIND']; database: string; creditRecords: number | null; ledgerEvents: number | null }

const DATABASE_FILE = { sqlite: 'database.sqlite', postgres: 'database.pgdump', mongodb: 'database.mongodump.gz' } as const
const sqliteFile = (env: Env) => path.resolve(env.DATABASE_URI.slice('file:'.length))

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
  if (result.error) throw new Error(`${command} could not run: ${result.error.message} (is it installed and on PATH?)`)
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status}): ${result.stderr.trim()}`)
}

/** Credit records and ledger events in the database, as a restore is checked against them. */
export async function countRecords(env: Env): Promise<{ creditRecords: number | null; ledgerEvents: number | null }> {
  const queries = ['select count(*) as n from credit_records', 'select count(*) as n from credit_ledger_events']
  if (env.DATABASE_KIND === 'sqlite') {
    const db = new Database(sqliteFile(env))
    try {
      const [records, events] = queries.map((q) => Number((db.prepare(q).get() as { n: number }).n))
      return { creditRecords: records, ledgerEvents: events }
    } finally {
      db.close()
    }
  }
  if (env.DATABASE_KIND === 'postgres') {
    const client = new pg.Client({ connectionString: env.DATABASE_URI })
    await client.connect()
    try {
      const [records, events] = await Promise.all(queries.map(async (q) => Number((await client.query(q)).rows[0].n)))
      return { creditRecords: records, ledgerEvents: events }
    } finally {
      await client.end()
    }
  }
  return { creditRecords: null, ledgerEvents: null }
}

/** Files of the data folder, without the SQLite database itself (copied consistently apart). */
function dataFilter(env: Env, exclude: string) {
  const database = env.DATABASE_KIND === 'sqlite' ? sqliteFile(env) : undefined
  return (source: string) => {
    const resolved = path.resolve(source)
    if (resolved === exclude || resolved.startsWith(`${exclude}${path.sep}`)) return false
    return !(database && (resolved === database || resolved === `${database}-wal` || resolved === `${database}-shm`))
  }
}

export async function backup(env: Env, folder: string): Promise<Manifest> {
  const target = path.resolve(folder)
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty: give a new folder for each backup`)
  mkdirSync(target, { recursive: true })
  const database = path.join(target, DATABASE_FILE[env.DATABASE_KIND])
  const counts = await countRecords(env)
  if (env.DATABASE_KIND === 'sqlite') {
    const db = new Database(sqliteFile(env))
    try {
      db.prepare('VACUUM INTO ?').run(database)
    } finally {
      db.close()
    }
  } else if (env.DATABASE_KIND === 'postgres') {
    run('pg_dump', ['--format=custom', '--no-owner', '--file', database, env.DATABASE_URI])
  } else {
    run('mongodump', ['--uri', env.DATABASE_URI, `--archive=${database}`, '--gzip'])
  }
  if (existsSync(env.DATA_DIR)) cpSync(env.DATA_DIR, path.join(target, 'data'), { recursive: true, filter: dataFilter(env, target) })
  const manifest: Manifest = { createdAt: new Date().toISOString(), kind: env.DATABASE_KIND, database: path.basename(database), ...counts }
  writeFileSync(path.join(target, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/** Puts a backup back, with the platform stopped. The SQLite file it replaces is kept beside it. */
export async function restore(env: Env, folder: string): Promise<{ manifest: Manifest; restored: Awaited<ReturnType<typeof countRecords>>; keptAside?: string }> {
  const source = path.resolve(folder)
  const manifestFile = path.join(source, 'backup.json')
  if (!existsSync(manifestFile)) throw new Error(`${source} has no backup.json: not a backup folder`)
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
  if (manifest.kind !== env.DATABASE_KIND) throw new Error(`this is a ${manifest.kind} backup; DATABASE_URI points at ${env.DATABASE_KIND}`)
  const database = path.join(source, manifest.database)
  let keptAside: string | undefined
  if (env.DATABASE_KIND === 'sqlite') {
    const file = sqliteFile(env)
    mkdirSync(path.dirname(file), { recursive: true })
    if (existsSync(file)) {
      keptAside = `${file}.before-restore-${Date.now()}`
      renameSync(file, keptAside)
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
    cpSync(database, file)
  } else if (env.DATABASE_KIND === 'postgres') {
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--dbname', env.DATABASE_URI, database])
  } else {
    run('mongorestore', ['--uri', env.DATABASE_URI, `--archive=${database}`, '--gzip', '--drop'])
  }
  const data = path.join(source, 'data')
  if (existsSync(data)) cpSync(data, env.DATA_DIR, { recursive: true })
  return { manifest, restored: await countRecords(env), keptAside }
}
