import { testLogger } from '@hearth/test-kit/log-capture'
import { Queue } from 'bullmq'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditExports } from '@hearth/db/schema/audit'
import { outbox } from '@hearth/db/schema/jobs'
import { enqueueInTx, QUEUES, type QueueName, relayOutbox } from '@hearth/jobs'
import { startWorker, type RunningWorker } from '../src/index'
import { freshPgDatabase } from '@hearth/test-kit/db'
import { makeCouncil, makePerson } from '@hearth/test-kit'
import { waitUntil } from '@hearth/test-kit/wait'
import { killRedisHard, privateRedis } from '@hearth/test-kit/private-redis'

/**
 * #18 finding 13: jobs that lived only in Redis were lost with it. Five jobs are relayed to a
 * Redis that no worker reads, Redis is killed (SIGKILL) and a new, empty one started; the worker,
 * started against the new one, finds the unfinished outbox rows, hands them again, and each job's
 * work is done once.
 */
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let worker: RunningWorker | null = null
const stops: (() => Promise<void>)[] = []

beforeAll(async () => {
  dbx = await freshPgDatabase()
})
afterAll(async () => {
  await worker?.close()
  for (const stop of stops) await stop()
  await dbx.drop()
})

describe('a Redis that loses everything', () => {
  it('loses no job: unfinished outbox rows are handed again, and each runs once in effect', async () => {
    const db = dbx.handle.db
    const council = await makeCouncil(db)
    const admin = await makePerson(db, council, { role: 'administrator' })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(auditExports)
          .values({ councilId: council.id, requestedBy: admin.id, filters: {} })
          .returning()
        await enqueueInTx(tx, council.id, 'audit.export', { councilId: council.id, exportId: row!.id })
        ids.push(row!.id)
      })
    }
    const prefix = '{loss}'
    const first = await privateRedis()
    const conn = new Redis(first.url, { maxRetriesPerRequest: null })
    const queues = Object.fromEntries(
      Object.values(QUEUES).map((n) => [n, new Queue(n, { connection: conn, prefix })]),
    ) as Record<QueueName, Queue>
    expect(await relayOutbox(db, queues)).toBe(5)
    expect(await queues['hearth-default'].getWaitingCount()).toBe(5)

    // SIGKILL: no shutdown, nothing saved; then a new Redis, empty
    await killRedisHard(first.url)
    conn.disconnect()
    const second = await privateRedis()
    stops.push(second.stop, first.stop)

    worker = await startWorker({
      db: dbx.handle.guarded,
      redisUrl: second.url,
      logger: testLogger(),
      prefix,
      relayIntervalMs: 100,
      sweepAfterMs: 300,
    })
    await waitUntil(async () => {
      const done = await db
        .select()
        .from(auditExports)
        .where(and(inArray(auditExports.id, ids), eq(auditExports.status, 'done')))
      return done.length === 5
    }, 15_000)
    // each export made once: one file each, and every outbox row marked finished
    const rows = await db.select().from(auditExports).where(inArray(auditExports.id, ids))
    expect(rows.every((r) => r.status === 'done')).toBe(true)
    await waitUntil(async () => (await db.select().from(outbox).where(isNull(outbox.finishedAt))).length === 0, 5_000)
    // swept again later, nothing is handed a second time
    await new Promise((r) => setTimeout(r, 400))
    expect(await worker.sweepNow()).toBe(0)
    await worker.close()
    worker = null
  })

  it('a stalled Redis holds no transaction open: the relay claims its rows, then waits on Redis alone', async () => {
    const db = dbx.handle.db
    const council = await makeCouncil(db)
    const admin = await makePerson(db, council, { role: 'administrator' })
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(auditExports)
        .values({ councilId: council.id, requestedBy: admin.id, filters: {} })
        .returning()
      await enqueueInTx(tx, council.id, 'audit.export', { councilId: council.id, exportId: row!.id })
    })
    const redis = await privateRedis()
    stops.push(redis.stop)
    const conn = new Redis(redis.url, { maxRetriesPerRequest: null })
    const queues = Object.fromEntries(
      Object.values(QUEUES).map((n) => [n, new Queue(n, { connection: conn, prefix: '{stall}' })]),
    ) as Record<QueueName, Queue>
    await queues['hearth-default'].waitUntilReady()
    const pauser = new Redis(redis.url)
    await pauser.call('CLIENT', 'PAUSE', '3000', 'ALL')
    const relayed = relayOutbox(db, queues)
    await new Promise((r) => setTimeout(r, 1000))
    // Redis is still paused: the relay is waiting on it, with no transaction of its own open
    const open = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state like 'idle in transaction%'`,
    )
    expect((open as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0)
    // and a second relay meanwhile finds nothing left to hand over (the row is claimed)
    expect(await relayOutbox(db, { ...queues })).toBe(0)
    expect(await relayed).toBeGreaterThanOrEqual(1)
    expect(await queues['hearth-default'].getWaitingCount()).toBe(1)
    pauser.disconnect()
    conn.disconnect()
  })
})
