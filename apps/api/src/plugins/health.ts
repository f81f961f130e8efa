import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { HOME_SERVER } from '@hearth/db/fleet'

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
      // on a fleet, the home server decides readiness; another server down takes only its own
      // councils (their requests answer 503), so it is reported, not a reason to stop serving
      const fleet = app.deps.fleet
      const others = fleet ? [...fleet.servers].filter(([name]) => name !== HOME_SERVER) : []
      const home = fleet ? () => fleet.home.ping() : app.deps.pingDb
      const [db, redis, ...rest] = await Promise.allSettled([
        timeout(home()),
        timeout(app.deps.redis.ping()),
        ...others.map(([, h]) => timeout(h.ping())),
      ])
      const checks: Record<string, 'ok' | 'failed'> = {
        postgres: db.status === 'fulfilled' ? 'ok' : 'failed',
        redis: redis.status === 'fulfilled' ? 'ok' : 'failed',
      }
      if (others.length) checks.otherDatabaseServers = rest.every((r) => r.status === 'fulfilled') ? 'ok' : 'failed'
      const ok = checks.postgres === 'ok' && checks.redis === 'ok'
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks })
    },
  )
}
export default routes
