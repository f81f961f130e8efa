import pino from 'pino'
import { openDb } from '@hearth/db'
import { startWorker } from './worker'

/** Stand-alone worker for the production-like stack (PostgreSQL + Redis). */
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'hearth-worker' } })
const databaseUrl = process.env.DATABASE_URL
const redisUrl = process.env.REDIS_URL
if (!databaseUrl || !redisUrl) {
  logger.error('DATABASE_URL and REDIS_URL must both be set for a stand-alone worker (npm start runs one inside the API process instead).')
  process.exit(1)
}
const handle = await openDb({ kind: 'postgres', url: databaseUrl, poolSize: 5 })
const worker = await startWorker({ db: handle.db, redisUrl, logger })

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'stopping worker: finishing jobs in hand')
  await worker.close()
  await handle.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
