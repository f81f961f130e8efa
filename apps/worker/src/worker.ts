import { Queue, Worker, type Job } from 'bullmq'
import type { Redis } from 'ioredis'
import { and, eq } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { type Fleet, onEachReachableServer } from '@hearth/db/fleet'
import { safeErrorText } from '@hearth/db/safe-error'
import { outbox } from '@hearth/db/schema/jobs'
import {
  createRedis,
  DEFAULT_JOB_OPTIONS,
  isJobName,
  outboxChannel,
  parsePayload,
  publishEvent,
  QUEUE_PREFIX,
  QUEUES,
  relayOutbox,
  OUTBOX_SWEEP_AFTER_MS,
  sweepOutbox,
  type QueueName,
} from '@hearth/jobs'
import { loadHandlers, type JobContext } from './handlers'

export interface WorkerLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface StartWorkerOptions {
  db: Db
  /**
   * Councils on a fleet of PostgreSQL servers (`db` is then the fleet's): each job runs with its
   * council in scope, so its statements go to that council's server; the relay, the outbox sweep
   * and the clocks' sweep of every council go round each server.
   */
  fleet?: Fleet
  redisUrl: string
  logger: WorkerLogger
  /** BullMQ key prefix; tests give each run its own. */
  prefix?: string
  concurrency?: number
  relayIntervalMs?: number
  /** Schedule the clocks' sweep (hourly, and once at boot); on unless false. */
  scheduleSweeps?: boolean
  /** How long a job's lock lasts; a crashed worker's jobs are taken over after this (BullMQ default 30 s). */
  lockDurationMs?: number
  /** How often stalled jobs are looked for (BullMQ default 30 s). */
  stalledIntervalMs?: number
  /** How long a handed-over job may go unfinished before the sweep looks for it in Redis (60 s). */
  sweepAfterMs?: number
}

export interface RunningWorker {
  queues: Record<QueueName, Queue>
  workers: Worker[]
  /** Hands pending outbox rows to BullMQ now (the loop also does it on a timer). */
  relayNow(): Promise<number>
  /** Hands again the unfinished jobs Redis no longer has (the loop also does it on a timer). */
  sweepNow(): Promise<number>
  close(): Promise<void>
}

export async function startWorker(opts: StartWorkerOptions): Promise<RunningWorker> {
  const HANDLERS = await loadHandlers()
  const prefix = opts.prefix ?? QUEUE_PREFIX
  const connection: Redis = createRedis(opts.redisUrl)
  const queues = Object.fromEntries(
    Object.values(QUEUES).map((name) => [name, new Queue(name, { connection, prefix })]),
  ) as Record<QueueName, Queue>

  const ctx: JobContext = {
    db: opts.db,
    publish: async (event) => {
      try {
        await publishEvent(connection, prefix, event)
      } catch (err) {
        opts.logger.warn({ err: (err as Error).message, type: event.type }, 'live event not published')
      }
    },
  }
  /** Runs `fn` with the fleet (and the council, if any) in scope; as it is without a fleet. */
  const scoped = <T>(fn: () => Promise<T>, councilId?: string | null): Promise<T> =>
    opts.fleet ? opts.fleet.enter(fn, councilId ?? null) : fn()
  /** Once on each server (a job of every council, the relay, the sweep); once without a fleet. */
  // (a server that cannot be reached is passed over, and tried again next time: the councils on
  // the others go on)
  const eachServer = async (fn: () => Promise<number>): Promise<number> =>
    scoped(async () => {
      const { results, failed } = await onEachReachableServer(() => fn())
      if (failed) opts.logger.warn({ servers: failed, code: 'database_unreachable' }, 'database server not reached')
      return results.reduce((a, b) => a + b, 0)
    })

  const process = async (job: Job) => {
    if (!isJobName(job.name)) throw new Error(`unknown job ${job.name}`)
    const payload = parsePayload(job.name, job.data)
    const handler = HANDLERS[job.name]
    const councilId = 'councilId' in payload ? payload.councilId : undefined
    try {
      if (councilId) await scoped(() => handler.run(ctx, payload as never), councilId)
      else
        await eachServer(async () => {
          await handler.run(ctx, payload as never)
          return 0
        })
    } catch (err) {
      // the failure reason is kept on the job and shown on the dead-letter screen: codes only
      throw new Error(safeErrorText(err))
    }
    // its outbox row (jobId = the row's id) is no longer needed as the job's copy
    if (job.id && UUID.test(job.id) && councilId) {
      const id = job.id
      await scoped(
        () =>
          opts.db
            .update(outbox)
            .set({ finishedAt: new Date() })
            .where(and(eq(outbox.councilId, councilId), eq(outbox.id, id))),
        councilId,
      )
    }
  }

  const workerConnections: Redis[] = []
  const workers = Object.values(QUEUES).map((name) => {
    const workerConnection = createRedis(opts.redisUrl)
    workerConnections.push(workerConnection)
    const w = new Worker(name, process, {
      connection: workerConnection,
      prefix,
      concurrency: opts.concurrency ?? 8,
      lockDuration: opts.lockDurationMs ?? 30_000,
      stalledInterval: opts.stalledIntervalMs ?? 30_000,
    })
    w.on('failed', (job, err) => {
      if (!job) return
      const final = job.attemptsMade >= (job.opts.attempts ?? 1)
      // Ids only in logs: the payload carries no personal data by contract.
      opts.logger.warn(
        { jobId: job.id, job: job.name, attempt: job.attemptsMade, final, err: err.message },
        'job failed',
      )
      if (final && isJobName(job.name)) {
        const handler = HANDLERS[job.name]
        try {
          const payload = parsePayload(job.name, job.data)
          const c = 'councilId' in payload ? payload.councilId : undefined
          void scoped(async () => handler.onDeadLetter?.(ctx, payload as never, err.message), c).catch(() => {})
        } catch {
          /* malformed payload: it stays on the dead-letter list */
        }
      }
    })
    w.on('error', (err) => opts.logger.error({ err: err.message }, 'worker error'))
    return w
  })

  // One relay at a time; a nudge during a relay asks for one more pass straight after.
  let relaying: Promise<number> | null = null
  let again = false
  const relayNow = async (): Promise<number> => {
    if (relaying) {
      again = true
      return relaying
    }
    relaying = (async () => {
      let moved = 0
      do {
        again = false
        moved += await eachServer(() => relayOutbox(opts.db, queues))
      } while (again)
      return moved
    })()
    try {
      return await relaying
    } finally {
      relaying = null
    }
  }
  const nudges = createRedis(opts.redisUrl)
  nudges.on('error', () => {})
  nudges.on('message', () => {
    relayNow().catch((err) => opts.logger.warn({ err: (err as Error).message }, 'outbox relay failed; will retry'))
  })
  await nudges.subscribe(outboxChannel(prefix))
  const timer = setInterval(() => {
    relayNow().catch((err) => opts.logger.warn({ err: (err as Error).message }, 'outbox relay failed; will retry'))
  }, opts.relayIntervalMs ?? 500)
  timer.unref()
  const sweepAfterMs = opts.sweepAfterMs ?? OUTBOX_SWEEP_AFTER_MS
  const sweepNow = async () => {
    const n = await eachServer(() => sweepOutbox(opts.db, queues, { afterMs: sweepAfterMs }))
    if (n) opts.logger.warn({ jobs: n }, 'jobs Redis no longer had were handed again from the outbox')
    return n
  }
  const sweepTimer = setInterval(
    () => {
      sweepNow().catch((err) => opts.logger.warn({ err: safeErrorText(err) }, 'outbox sweep failed; will retry'))
    },
    Math.max(1_000, Math.min(sweepAfterMs, 30_000)),
  )
  sweepTimer.unref()

  // The clocks' sweep hourly, the audit trail's partitions daily and expiring exports hourly, each
  // idempotent (a missed run is caught up by the next) and each run once now, at boot. One
  // schedule each however many workers run.
  if (opts.scheduleSweeps !== false) {
    const schedules = [
      ['clocks.sweep', '5 * * * *'],
      ['audit.partitions', '20 1 * * *'],
      ['record.exports_expire', '35 * * * *'],
    ] as const
    for (const [name, pattern] of schedules) {
      const job = { name, data: {}, opts: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: 100 } }
      await queues[QUEUES.default].upsertJobScheduler(name, { pattern, tz: 'Europe/London' }, job)
      await queues[QUEUES.default].add(name, {}, { ...job.opts })
    }
  }

  opts.logger.info({ queues: Object.values(QUEUES), prefix }, 'worker started')

  return {
    queues,
    workers,
    relayNow,
    sweepNow,
    close: async () => {
      clearInterval(timer)
      clearInterval(sweepTimer)
      await Promise.all(workers.map((w) => w.close()))
      await Promise.all(Object.values(queues).map((q) => q.close()))
      for (const c of [...workerConnections, connection, nudges]) c.disconnect()
    },
  }
}
