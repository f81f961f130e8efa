import { asc, inArray, isNull, sql } from 'drizzle-orm'
import type { Queue } from 'bullmq'
import { outbox, type Db } from '@hearth/db'
import { JOBS, isJobName } from './definitions'
import { DEFAULT_JOB_OPTIONS, type QueueName } from './queues'

/**
 * Moves pending outbox rows into BullMQ. Safe to run in several processes at once: rows are
 * taken with FOR UPDATE SKIP LOCKED and the BullMQ jobId is the outbox id, so a row handed
 * over twice (crash between add and mark) is still one job.
 */
export async function relayOutbox(db: Db, queues: Record<QueueName, Queue>, batchSize = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(isNull(outbox.dispatchedAt))
      .orderBy(asc(outbox.createdAt))
      .limit(batchSize)
      .for('update', { skipLocked: true })
    if (rows.length === 0) return 0
    const byQueue = new Map<QueueName, { name: string; data: unknown; opts: object }[]>()
    const unknown: string[] = []
    for (const row of rows) {
      if (!isJobName(row.jobName)) {
        unknown.push(row.id)
        continue
      }
      const queue = JOBS[row.jobName].queue
      const list = byQueue.get(queue) ?? []
      list.push({ name: row.jobName, data: row.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: row.id } })
      byQueue.set(queue, list)
    }
    for (const [queue, jobs] of byQueue) {
      await queues[queue].addBulk(jobs as Parameters<Queue['addBulk']>[0])
    }
    const handed = rows.filter((r) => !unknown.includes(r.id)).map((r) => r.id)
    if (handed.length) {
      await tx.update(outbox).set({ dispatchedAt: new Date() }).where(inArray(outbox.id, handed))
    }
    if (unknown.length) {
      // A job name this build does not know stays pending (a newer worker may know it); count the attempt.
      await tx
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, unknown))
    }
    return handed.length
  })
}
