import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts') }

export default defineConfig({
  resolve: { alias },
  test: {
    // Each file gets its own process and its own database; two cores, two at a time.
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        resolve: { alias },
        test: { name: 'int', include: ['test/int/**/*.test.ts', 'test/bad-input/**/*.test.ts'], exclude: ['test/bad-input/**/*.e2e.test.ts'], setupFiles: ['test/setup/conformingCredentials.ts'], testTimeout: 60_000, hookTimeout: 180_000 },
      },
      {
        resolve: { alias },
        // Browser tests run one file at a time (test/run.ts passes --maxWorkers=1).
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts', 'test/bad-input/**/*.e2e.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
    ],
  },
})
