/**
 * Chooses Payload's database adapter from DATABASE_URI; nothing else in the code knows which.
 * SQL databases push the schema by themselves in development; with NODE_ENV=production they
 * apply the committed migrations in migrations/<kind>/ at start-up instead (`npm run migrate:create`).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import type { Env } from './env'

export function databaseAdapter(env: Env): DatabaseAdapterObj {
  const migrationDir = path.resolve('migrations', env.DATABASE_KIND)
  switch (env.DATABASE_KIND) {
    case 'sqlite': {
      const file = env.DATABASE_URI.slice('file:'.length)
      if (file && !file.startsWith(':memory:')) mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
      // WAL lets readers (feed exports, the admin panel) run while a writer commits.
      return withPageCache(sqliteAdapter({ busyTimeout: 5000, client: { url: env.DATABASE_URI }, migrationDir, prodMigrations: sqliteMigrations, wal: true }))
    }
    case 'postgres':
      return postgresAdapter({ pool: { connectionString: env.DATABASE_URI }, migrationDir, prodMigrations: postgresMigrations })
    case 'mongodb':
      return mongooseAdapter({ url: env.DATABASE_URI, migrationDir })
  }
}

/** SQLite's page cache, per connection: its default of 2 MiB holds a few thousand index pages. */
const SQLITE_CACHE_KIB = 64 * 1024

/**
 * A larger page cache for the adapter's connection: inserts into a large table's indexes (a
 * platform's millions of xAPI statements) then find their pages in memory rather than reading
 * them back from the file.
 */
function withPageCache(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  const init = adapter.init
  adapter.init = (args) => {
    const db = init(args) as unknown as { client?: { execute: (sql: string) => Promise<unknown> }; connect: (...rest: unknown[]) => Promise<void> }
    const connect = db.connect
    db.connect = async function (this: typeof db, ...rest: unknown[]) {
      await connect.apply(this, rest)
      await this.client?.execute(`PRAGMA cache_size = -${SQLITE_CACHE_KIB}`)
    }
    return db as never
  }
  return adapter
}

type PgPool = {
  ended?: boolean
  end: () => Promise<void>
  _clients?: Array<{ release?: (destroy?: boolean) => void }>
  _idle?: Array<{ client: unknown }>
}

/** Closers of connections that modules open beside the adapter's own, run by closeDatabase. */
const besideTheAdapter = new WeakMap<object, Array<() => unknown>>()

/**
 * Registers a connection a module keeps open beside the adapter's own (the credit feed's SQLite
 * reader and writer thread), so that it closes with the database rather than outliving it.
 */
export function closeWithDatabase(db: object, close: () => unknown): void {
  const closers = besideTheAdapter.get(db) ?? []
  closers.push(close)
  besideTheAdapter.set(db, closers)
}

/**
 * Closes the connections themselves. Payload's destroy() resets the SQL adapters' state but
 * leaves the libSQL client and the pg pool open; the postgres adapter also keeps one pool client
 * checked out from connect() for good, and pool.end() waits for it forever unless released.
 */
export async function closeDatabase(db: unknown): Promise<void> {
  const adapter = db as { pool?: PgPool; client?: { close?: () => void } }
  for (const close of besideTheAdapter.get(adapter) ?? []) await close()
  besideTheAdapter.delete(adapter)
  const pool = adapter.pool
  if (pool && !pool.ended) {
    const idle = new Set((pool._idle ?? []).map((item) => item.client))
    for (const client of pool._clients ?? []) if (!idle.has(client)) client.release?.(true)
    await pool.end()
  }
  adapter.client?.close?.()
}
