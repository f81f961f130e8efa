import { fileURLToPath } from 'node:url'
import { Queue } from 'bullmq'
import { openDb } from '@hearth/db/client'
import { Fleet, parseServers } from '@hearth/db/fleet'
import { seedDemoCouncil } from '@hearth/db/seed/demo'
import { createRedis, QUEUES, type QueueName } from '@hearth/jobs'
import { startWorker, type RunningWorker } from '@hearth/worker'
import { buildApp } from './app'
import { ConfigError, loadConfig } from './config'
import { requestForLog } from './log'

/** Starts the API (and, with embedded PGlite, the worker in the same process). */
async function main() {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(78)
    }
    throw err
  }
  const webDist = config.WEB_DIST_DIR ?? fileURLToPath(new URL('../../web/dist', import.meta.url))
  const logger = {
    level: config.LOG_LEVEL,
    base: { service: 'hearth-api' },
    serializers: { req: requestForLog },
    ...(process.stdout.isTTY && config.NODE_ENV !== 'production'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service' } } }
      : {}),
  }

  // one PostgreSQL server, or a fleet (DATABASE_SERVERS) with councils placed on each; PGlite alone
  const fleet = config.embedded
    ? Fleet.single(await openDb({ kind: 'pglite', dataDir: config.HEARTH_DATA_DIR }))
    : await Fleet.open(config.DATABASE_URL!, parseServers(config.DATABASE_SERVERS))
  const handle = fleet.handle(config.COUNCIL_SCOPE_GUARD)
  if (config.MIGRATE_ON_START) await handle.migrate()
  await fleet.start()
  if (config.SEED_DEMO) await seedDemoCouncil(fleet.home.db)

  const redis = createRedis(config.REDIS_URL)
  redis.on('error', () => {}) // readiness reports it; ioredis reconnects by itself
  const queues = Object.fromEntries(
    Object.values(QUEUES).map((name) => [name, new Queue(name, { connection: redis, prefix: config.BULLMQ_PREFIX })]),
  ) as Record<QueueName, Queue>

  const app = await buildApp(
    {
      db: handle.db,
      fleet,
      pingDb: handle.ping,
      listen: handle.listen,
      redis,
      queues,
      config: { ...config, WEB_DIST_DIR: webDist },
    },
    logger,
  )
  let worker: RunningWorker | null = null
  if (config.runWorkerInProcess) {
    worker = await startWorker({
      db: handle.db,
      fleet,
      redisUrl: config.REDIS_URL,
      logger: app.log,
      prefix: config.BULLMQ_PREFIX,
    })
  }

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down: finishing requests and jobs in hand')
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    await app.close()
    await worker?.close()
    await Promise.all(Object.values(queues).map((q) => q.close()))
    redis.disconnect()
    await handle.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  await app.listen({ host: config.HOST, port: config.PORT })
  app.log.info(
    { database: handle.kind, worker: config.runWorkerInProcess ? 'in-process' : 'separate' },
    'Hearth API ready',
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
