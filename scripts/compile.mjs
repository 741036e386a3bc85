/**
 * Compiles the server-side entry points to dist/ with esbuild (our code bundled, packages left to
 * node_modules), so that they run on plain Node. Running TypeScript through a loader thread on
 * Node 20 (tsx) let start-up hang now and then while Payload imported drizzle-kit dynamically.
 * The admin panel is built by Next.js separately (npm run build).
 *
 *   node scripts/compile.mjs          compile once
 *   node scripts/compile.mjs --watch  recompile on change (npm run dev)
 */
import * as esbuild from 'esbuild'

export const ENTRY_POINTS = ['src/server.ts', 'seed/index.ts', 'scripts/createMigrations.ts', 'bench/credit-feed.ts', 'bench/xapi-ingest.ts', 'bench/portal-pages.ts', 'bench/check-in.ts', 'bench/load.ts', 'bench/loadClients.ts', 'scripts/rebuildProgress.ts', 'scripts/ledgerVerify.ts', 'scripts/backup.ts']

export const options = {
  entryPoints: ENTRY_POINTS,
  outdir: 'dist',
  outbase: '.',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  // Some bundled code still calls require(); ESM has none of its own.
  banner: { js: "import { createRequire as __lianpeiCreateRequire } from 'node:module'; const require = __lianpeiCreateRequire(import.meta.url);" },
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--watch')) {
    const context = await esbuild.context(options)
    await context.watch()
  } else {
    await esbuild.build(options)
  }
}
