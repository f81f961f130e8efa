import { defineConfig } from 'vitest/config'
import { limit } from './test/helpers/time'

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/pg-overlap.ts'],
    pool: 'forks',
    // @fastify/autoload imports the route files itself: inlined, its import() goes through
    // vitest's transform (TypeScript) like any other module of ours.
    server: { deps: { inline: ['@fastify/autoload'] } },
    maxWorkers: 2,
    // Limits catch hangs, scaled for a busy machine (test/helpers/time.ts); speed is `npm run bench`.
    testTimeout: limit(60_000),
    hookTimeout: limit(120_000),
    // Tests needing real services use TEST_DATABASE_URL / TEST_REDIS_URL given by scripts/test.mjs.
    // ioredis rejects a command still in flight when a test closes its connection ("Connection is
    // closed."); that is teardown noise, not a failure of Hearth's. Every other unhandled error fails the run.
    onUnhandledError(error) {
      if (error.message === 'Connection is closed.' && /ioredis/.test(error.stack ?? '')) return false
    },
  },
})
