import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'failed'])).optional(),
})

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health/live',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/health/ready',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const timeout = <T>(p: Promise<T>) =>
        Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))])
      const [db, redis] = await Promise.allSettled([timeout(app.deps.pingDb()), timeout(app.deps.redis.ping())])
      const checks = {
        postgres: db.status === 'fulfilled' ? 'ok' : 'failed',
        redis: redis.status === 'fulfilled' ? 'ok' : 'failed',
      } as const
      const ok = checks.postgres === 'ok' && checks.redis === 'ok'
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks })
    },
  )
}
export default routes
