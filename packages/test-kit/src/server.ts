import { apiTestLogger } from './log-capture'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@hearth/api'
import type { DbHandle } from '@hearth/db/client'
import { Queue } from 'bullmq'
import { createRedis, QUEUES, type QueueName } from '@hearth/jobs'
import { requireEnv } from './env'

export const WEB_DIST = fileURLToPath(new URL('../../../apps/web/dist', import.meta.url))

/** The real app serving the built web app over HTTP on a free loopback port. */
export async function startHttpApp(
  handle: DbHandle,
  prefix: string,
): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const redis = createRedis(requireEnv('TEST_REDIS_URL'))
  const queues = Object.fromEntries(
    Object.values(QUEUES).map((n) => [n, new Queue(n, { connection: redis, prefix })]),
  ) as Record<QueueName, Queue>
  const app = await buildApp(
    {
      db: handle.guarded,
      pingDb: handle.ping,
      listen: handle.listen,
      redis,
      queues,
      config: {
        SESSION_IDLE_MINUTES: 30,
        SESSION_ABSOLUTE_HOURS: 12,
        cookieSecure: false,
        WEB_DIST_DIR: WEB_DIST,
        TRUST_PROXY: false,
        BULLMQ_PREFIX: prefix,
        // browsers in tests all sign in from 127.0.0.1
        SIGN_IN_LIMIT_PER_IP: 100_000,
        SIGN_IN_LIMIT_PER_EMAIL: 1_000,
        EVENTS_RECHECK_SECONDS: 25,
        // a loaded machine (two suites side by side) loads the routes slowly: set it from outside
        PLUGIN_TIMEOUT_SECONDS: Number(process.env.HEARTH_PLUGIN_TIMEOUT_SECONDS ?? 120),
      },
    },
    apiTestLogger(),
  )
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    app,
    url: address,
    close: async () => {
      await app.close()
      await Promise.all(Object.values(queues).map((q) => q.close()))
      redis.disconnect()
    },
  }
}
