import pino from 'pino'
import { Fleet, parseServers } from '@hearth/db/fleet'
import { startWorker } from './worker'

/** Stand-alone worker for the production-like stack (PostgreSQL + Redis). */
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'hearth-worker' } })
const databaseUrl = process.env.DATABASE_URL
const redisUrl = process.env.REDIS_URL
if (!databaseUrl || !redisUrl) {
  logger.error(
    'DATABASE_URL and REDIS_URL must both be set for a stand-alone worker (npm start runs one inside the API process instead).',
  )
  process.exit(1)
}
// Enough connections for every queue's handlers at once plus the relay, so a backlog on one queue
// (say, acknowledgements) never starves another (routing) of connections.
const poolSize = Number(process.env.WORKER_DB_POOL ?? 20)
// one PostgreSQL server, or a fleet (DATABASE_SERVERS=name=url,…) with councils placed on each
let servers: ReturnType<typeof parseServers>
try {
  servers = parseServers(process.env.DATABASE_SERVERS)
} catch (err) {
  logger.error((err as Error).message)
  process.exit(78)
}
const fleet = await Fleet.open(databaseUrl, servers, poolSize)
await fleet.start()
const ms = (name: string) => {
  const v = process.env[name]
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n) || n < 100) {
    logger.error(`${name} must be a whole number of milliseconds, at least 100`)
    process.exit(78)
  }
  return n
}
const guard = ['true', '1', 'yes'].includes(process.env.COUNCIL_SCOPE_GUARD ?? '')
const handle = fleet.handle(guard)
const worker = await startWorker({
  db: handle.db,
  fleet,
  redisUrl,
  logger,
  prefix: process.env.BULLMQ_PREFIX ?? '{hearth}',
  lockDurationMs: ms('WORKER_LOCK_MS'),
  stalledIntervalMs: ms('WORKER_STALLED_CHECK_MS'),
})

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'stopping worker: finishing jobs in hand')
  // A deadline: with Redis unreachable, closing would wait for ever. Jobs not finished are
  // retried by BullMQ (stalled) once a worker is back, so exiting is safe; exit non-zero.
  const deadline = setTimeout(() => {
    logger.error({ signal, code: 'shutdown_deadline' }, 'stopping worker: deadline passed, exiting')
    process.exit(1)
  }, ms('WORKER_SHUTDOWN_DEADLINE_MS') ?? 30_000)
  deadline.unref()
  await worker.close()
  await handle.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
