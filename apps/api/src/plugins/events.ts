import type { ServerResponse } from 'node:http'
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import { eventsChannel, nudgeOutbox, publishEvent, type HearthEvent } from '@hearth/jobs'

interface Client {
  councilId: string
  teamIds: Set<string>
  res: ServerResponse
}

declare module 'fastify' {
  interface FastifyInstance {
    events: {
      /** Streams events for this person's council and teams to an open response. */
      attach(res: ServerResponse, councilId: string, teamIds: string[]): () => void
      publish(event: HearthEvent): Promise<void>
      /** After a commit that wrote outbox rows: the worker relays now, not at its next poll. Best effort. */
      nudgeOutbox(): Promise<void>
    }
  }
}

/**
 * Live updates: one Redis subscriber per API process fans events out to the server-sent-event
 * streams it holds, filtered by council and team. Events carry ids only.
 */
export default fp<{ redis: Redis; prefix: string }>(
  async (app, opts) => {
    const clients = new Set<Client>()
    let subscriber: Redis | null = null
    const channel = eventsChannel(opts.prefix)

    const deliver = (raw: string) => {
      let event: HearthEvent
      try {
        event = JSON.parse(raw)
      } catch {
        return
      }
      for (const c of clients) {
        if (c.councilId !== event.councilId) continue
        if (event.teamIds.length && !event.teamIds.some((t) => c.teamIds.has(t))) continue
        c.res.write(`event: ${event.type}\ndata: ${raw}\n\n`)
      }
    }

    async function ensureSubscribed() {
      if (subscriber) return
      subscriber = opts.redis.duplicate()
      subscriber.on('error', () => {})
      subscriber.on('message', (_ch, msg) => deliver(msg))
      await subscriber.subscribe(channel)
    }

    app.decorate('events', {
      attach(res, councilId, teamIds) {
        const client: Client = { councilId, teamIds: new Set(teamIds), res }
        clients.add(client)
        void ensureSubscribed().catch(() => {})
        // Comments keep proxies from closing an idle stream.
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000)
        return () => {
          clearInterval(heartbeat)
          clients.delete(client)
        }
      },
      publish: (event) => publishEvent(opts.redis, opts.prefix, event),
      nudgeOutbox: () => nudgeOutbox(opts.redis, opts.prefix).catch(() => {}),
    })

    app.addHook('onClose', async () => {
      for (const c of clients) c.res.end()
      clients.clear()
      subscriber?.disconnect()
    })
  },
  { name: 'events' },
)
