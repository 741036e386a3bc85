/**
 * `npm run migrate:create -- <name>`: writes a migration for each SQL database, from the schema
 * the config describes now. Production on SQLite or PostgreSQL applies them at start-up
 * (`prodMigrations`); development and tests let the adapters push the schema instead.
 * Needs no running database: the SQL is generated from the last snapshot in migrations/<kind>/.
 */
import { spawnSync } from 'node:child_process'

const name = process.argv[2] ?? 'change'
if (process.env.LIANPEI_MIGRATION_KIND) {
  const { default: payload } = await import('payload')
  const { default: config } = await import('../payload.config')
  process.env.PAYLOAD_MIGRATING = 'true'
  await payload.init({ config, disableDBConnect: true, disableOnInit: true })
  await payload.db.createMigration({ migrationName: name, payload, forceAcceptWarning: true, skipEmpty: true } as never)
  process.exit(0)
}

const uris = { sqlite: 'file:./data/migration-scratch.db', postgres: 'postgres://localhost:5432/unused' }
for (const [kind, uri] of Object.entries(uris)) {
  process.stdout.write(`${kind}:\n`)
  const run = spawnSync('npx', ['tsx', import.meta.filename, name], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URI: uri, LIANPEI_MIGRATION_KIND: kind, LOG_LEVEL: 'info' },
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
}
