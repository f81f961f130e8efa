import type { Executor } from '@hearth/db/client'
import { outbox } from '@hearth/db/schema/jobs'
import { JOBS, type JobName, type JobPayload } from './definitions'

/**
 * Records a job in the same transaction as the action that causes it. The worker's relay
 * hands it to BullMQ with jobId = outbox id, so a retried hand-over never runs twice.
 */
export async function enqueueInTx<N extends JobName>(
  tx: Executor,
  councilId: string,
  name: N,
  payload: JobPayload<N>,
): Promise<string> {
  const parsed = JOBS[name].payload.parse(payload)
  const [row] = await tx
    .insert(outbox)
    .values({ councilId, jobName: name, payload: parsed as Record<string, unknown> })
    .returning({ id: outbox.id })
  return row!.id
}
