import { defineConfig } from 'vitest/config'
import { limit } from '@hearth/test-kit/time'

// A test that needs nothing running (no database, no Redis, no browser, no tool) is named
// `*.unit.test.ts`: the `unit` project, `npm run test:unit`, in seconds. Everything else is the
// `services` project, run by `npm test` against the PostgreSQL and Redis it starts.
const UNIT = ['packages/*/test/**/*.unit.test.ts', 'apps/*/test/**/*.unit.test.ts']

export default defineConfig({
  test: {
    // @fastify/autoload imports the route files itself: inlined, its import() goes through
    // vitest's transform (TypeScript) like any other module of ours.
    server: { deps: { inline: ['@fastify/autoload'] } },
    maxWorkers: 2,
    // Limits catch hangs, scaled for a busy machine (packages/test-kit/src/time.mjs); speed is `npm run bench`.
    testTimeout: limit(60_000),
    hookTimeout: limit(120_000),
    // ioredis rejects a command still in flight when a test closes its connection ("Connection is
    // closed."); that is teardown noise, not a failure of Hearth's. Every other unhandled error fails the run.
    onUnhandledError(error) {
      if (error.message === 'Connection is closed.' && /ioredis/.test(error.stack ?? '')) return false
    },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, pool: 'threads' } },
      {
        extends: true,
        test: {
          name: 'services',
          include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...UNIT, '**/node_modules/**'],
          // Tests needing real services use TEST_DATABASE_URL / TEST_REDIS_URL given by scripts/test.mjs.
          globalSetup: ['packages/test-kit/src/global-setup.ts'],
          setupFiles: ['packages/test-kit/src/pg-overlap.ts'],
          pool: 'forks',
        },
      },
    ],
  },
})
