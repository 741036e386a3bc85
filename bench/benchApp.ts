/**
 * The app a benchmark measures: a fresh data folder, no jobs or seed, listening on a free port;
 * `next` serves the built admin panel and portal. With `--postgres` on the command line (or
 * BENCH_DATABASE=postgres) it runs on a throwaway PostgreSQL cluster, stopped with the app.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export async function startBenchApp(options: { next?: boolean } = {}) {
  let stopCluster = () => {}
  if (process.argv.includes('--postgres') || process.env.BENCH_DATABASE === 'postgres') {
    const { startPostgresCluster } = await import('../test/postgresCluster')
    const cluster = await startPostgresCluster()
    stopCluster = cluster.stop
    process.env.DATABASE_URI = cluster.url
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lianpei-bench-'))
  Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', SEED_DEMO: 'never', JOBS_AUTORUN: 'false', RATE_LIMIT_SCALE: '0' })
  const { createApp } = await import('../src/app')
  const { listen } = await import('../src/lifecycle')
  const app = await createApp({ next: options.next ? { dev: false } : false })
  const server = await listen(app, 0, '127.0.0.1')
  return {
    payload: app.payload,
    base: `http://127.0.0.1:${server.port}`,
    stop: async () => {
      await server.shutdown(1000)
      rmSync(dataDir, { recursive: true, force: true })
      stopCluster()
    },
  }
}
