import { actorOf } from '../../plugins/auth'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { noCaseContent } from '../../kernel/reads'

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events',
    {
      config: {
        access: 'signed_in',
        reads: noCaseContent('which records changed, by id; pages then fetch them through audited routes'),
      },
      schema: {
        tags: ['events'],
        summary:
          'Server-sent events for your council and teams (ids only): offer.created, referral.open_case, referral.unroutable',
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      reply.hijack()
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      reply.raw.write(': connected\n\n')
      const detach = app.events.attach(reply.raw, actor)
      request.raw.on('close', detach)
    },
  )
}
export default routes
