import { and, asc, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import type { Queue } from 'bullmq'
import type { Db } from '@hearth/db/client'
import { outbox } from '@hearth/db/schema/jobs'
import { JOBS, isJobName } from './definitions'
import { DEFAULT_JOB_OPTIONS, type QueueName } from './queues'

/** Rows of a council being moved away are left to its new server (which has their copies). */
const notFrozen = sql`not exists (select 1 from hearth_frozen_councils f where f.council_id = ${outbox.councilId})`

/**
 * Moves pending outbox rows into BullMQ. Safe to run in several processes at once: rows are
 * claimed (FOR UPDATE SKIP LOCKED, marked handed over) in one short transaction, and the BullMQ
 * jobId is the outbox id, so a row handed over twice is still one job. Redis is called after that
 * transaction: a slow or stalled Redis holds no row locks and no transaction open (which would
 * also hold a council's move to another server). Rows Redis refused are put back for the next
 * pass; if even that fails, the sweep hands them again (their jobs not being in Redis).
 */
export async function relayOutbox(db: Db, queues: Record<QueueName, Queue>, batchSize = 200): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.dispatchedAt), notFrozen))
      .orderBy(asc(outbox.createdAt))
      .limit(batchSize)
      .for('update', { skipLocked: true })
    const known = rows.filter((r) => isJobName(r.jobName))
    const unknown = rows.filter((r) => !isJobName(r.jobName)).map((r) => r.id)
    if (known.length) {
      await tx
        .update(outbox)
        .set({ dispatchedAt: new Date() })
        .where(
          inArray(
            outbox.id,
            known.map((r) => r.id),
          ),
        )
    }
    if (unknown.length) {
      // A job name this build does not know stays pending (a newer worker may know it); count the attempt.
      await tx
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, unknown))
    }
    return known
  })
  if (claimed.length === 0) return 0
  const byQueue = new Map<QueueName, { name: string; data: unknown; opts: object }[]>()
  for (const row of claimed) {
    const queue = JOBS[row.jobName as keyof typeof JOBS].queue
    const list = byQueue.get(queue) ?? []
    list.push({ name: row.jobName, data: row.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: row.id } })
    byQueue.set(queue, list)
  }
  try {
    for (const [queue, jobs] of byQueue) {
      await queues[queue].addBulk(jobs as Parameters<Queue['addBulk']>[0])
    }
  } catch (err) {
    await db
      .update(outbox)
      .set({ dispatchedAt: null })
      .where(
        and(
          inArray(
            outbox.id,
            claimed.map((r) => r.id),
          ),
          isNull(outbox.finishedAt),
        ),
      )
      .catch(() => {})
    throw err
  }
  return claimed.length
}

/** How long a handed-over job may go unfinished before the sweep looks for it in Redis. */
export const OUTBOX_SWEEP_AFTER_MS = 60_000

/**
 * Jobs that exist only in Redis are lost with it. The outbox row is kept until its job finishes
 * (the worker marks it); this sweep looks, in BullMQ, for each row handed over at least `afterMs`
 * ago and not finished: a job Redis no longer has is handed again (same jobId; handlers are
 * idempotent), a completed one is marked finished, and one still waiting, retrying or on the
 * dead-letter list is looked at again after another `afterMs`. The rows are claimed (their time
 * moved on) in a short transaction and Redis asked after it, as the relay does. Returns how many
 * were handed again.
 */
export async function sweepOutbox(
  db: Db,
  queues: Record<QueueName, Queue>,
  { afterMs = OUTBOX_SWEEP_AFTER_MS, batchSize = 200 }: { afterMs?: number; batchSize?: number } = {},
): Promise<number> {
  const rows = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(
        and(
          isNotNull(outbox.dispatchedAt),
          isNull(outbox.finishedAt),
          lt(outbox.dispatchedAt, new Date(Date.now() - afterMs)),
          notFrozen,
        ),
      )
      .orderBy(asc(outbox.dispatchedAt))
      .limit(batchSize)
      .for('update', { skipLocked: true })
    const ids = rows.filter((r) => isJobName(r.jobName)).map((r) => r.id)
    // looked at now: the next sweep looks again after another `afterMs`
    if (ids.length) await tx.update(outbox).set({ dispatchedAt: new Date() }).where(inArray(outbox.id, ids))
    return rows.filter((r) => isJobName(r.jobName))
  })
  const again: string[] = []
  const finished: string[] = []
  for (const row of rows) {
    const queue = queues[JOBS[row.jobName as keyof typeof JOBS].queue]
    const job = await queue.getJob(row.id)
    if (!job) {
      await queue.add(row.jobName, row.payload, { ...DEFAULT_JOB_OPTIONS, jobId: row.id })
      again.push(row.id)
    } else if ((await job.getState()) === 'completed') finished.push(row.id)
  }
  if (finished.length) await db.update(outbox).set({ finishedAt: new Date() }).where(inArray(outbox.id, finished))
  if (again.length) {
    await db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, again))
  }
  return again.length
}
