import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { writeAudit } from '@hearth/db/audit'
import { DeadLetter, DeadLetterParams } from '@hearth/contracts/audit'
import { ErrorBody, Ok } from '@hearth/contracts/common'
import type { QueueName } from '@hearth/jobs'
import { notFound } from '../../kernel/errors'
import { noCaseContent } from '../../kernel/reads'
import { callerOf } from '../../kernel/caller'

const ADMIN = ['administrator'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/**
 * The dead-letter list: jobs whose every retry failed (BullMQ's failed set). Jobs carry the
 * council id, so an administrator sees and retries only their own council's.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { queues } = app.deps

  app.get(
    '/dead-letters',
    {
      config: { access: ADMIN, reads: noCaseContent('job ids, names and error codes: jobs carry no personal data') },
      schema: {
        tags: ['jobs'],
        summary: 'Jobs that failed every retry',
        response: { 200: z.array(DeadLetter), ...errors },
      },
    },
    async (request) => {
      const councilId = callerOf(request).councilId
      const out: z.infer<typeof DeadLetter>[] = []
      for (const [name, queue] of Object.entries(queues)) {
        const jobs = await queue.getFailed(0, 499)
        for (const job of jobs) {
          if (!job || (job.data as { councilId?: string })?.councilId !== councilId) continue
          out.push({
            queue: name,
            jobId: String(job.id),
            name: job.name,
            attemptsMade: job.attemptsMade,
            failedReason: job.failedReason ?? 'unknown',
            failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          })
        }
      }
      return out
    },
  )

  app.post(
    '/dead-letters/:queue/:jobId/retry',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['jobs'],
        summary: 'Run a failed job again',
        params: DeadLetterParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      // own queues only: a name like "__proto__" or "constructor" is simply not a queue
      const queue = Object.hasOwn(queues, request.params.queue) ? queues[request.params.queue as QueueName] : undefined
      if (!queue) throw notFound('queue')
      const job = await queue.getJob(request.params.jobId)
      if (!job || (job.data as { councilId?: string })?.councilId !== caller.councilId || !(await job.isFailed()))
        throw notFound('failed job')
      await job.retry('failed')
      await writeAudit(app.deps.db, {
        ...caller.audit,
        action: 'job.retry',
        recordType: 'job',
        recordId: `${request.params.queue}/${request.params.jobId}`,
      })
      return { ok: true as const }
    },
  )
}
/** Under /api (autoload's prefix). */
export const autoPrefix = '/admin'
export default routes
