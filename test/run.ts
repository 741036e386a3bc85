/**
 * `npm test`: the whole suite, twice — on SQLite, then on a throwaway PostgreSQL cluster that this
 * script starts and stops. Builds the admin panel first when its sources changed (the browser
 * tests drive it). Ends with one line "tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startPostgresCluster } from './postgresCluster'

const root = path.resolve(import.meta.dirname, '..')
const reports = mkdtempSync(path.join(os.tmpdir(), 'lianpei-reports-'))
const onlyDb = process.env.TEST_DATABASES?.split(',') ?? ['sqlite', 'postgres']
let passed = 0
let failed = 0

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status ?? 1
}

function vitest(label: string, project: 'int' | 'e2e', env: Record<string, string>): void {
  const report = path.join(reports, `${label}-${project}.json`)
  process.stdout.write(`\n=== ${project} tests on ${label} ===\n`)
  const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
  if (project === 'e2e') args.push('--maxWorkers=1', '--minWorkers=1')
  const status = run('npx', args, env)
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests
    failed += json.numFailedTests + (status !== 0 && json.numFailedTests === 0 ? 1 : 0)
  } catch {
    failed += 1
    process.stdout.write(`vitest (${label}, ${project}) wrote no report; exit ${status}\n`)
  }
}

if (run('npx', ['tsc', '--noEmit']) !== 0) {
  process.stdout.write('type check failed\n')
  failed += 1
}
if (run('node', ['scripts/buildIfNeeded.mjs']) !== 0) {
  process.stdout.write('admin panel build failed\n')
  failed += 1
}

if (onlyDb.includes('sqlite')) {
  vitest('sqlite', 'int', {})
  vitest('sqlite', 'e2e', {})
}
if (onlyDb.includes('postgres')) {
  const cluster = await startPostgresCluster()
  try {
    vitest('postgres', 'int', { TEST_POSTGRES_URL: cluster.url })
    vitest('postgres', 'e2e', { TEST_POSTGRES_URL: cluster.url })
  } finally {
    cluster.stop()
  }
}
rmSync(reports, { recursive: true, force: true })
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`)
process.exit(failed > 0 ? 1 : 0)
