import type { ServerResponse } from 'node:http'
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import { sql } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { inCouncil } from '@hearth/db/fleet'
import { adminTasks } from '@hearth/db/schema/enablers'
import { families } from '@hearth/db/schema/families'
import { insightRequests } from '@hearth/db/schema/insight'
import { offers, referrals } from '@hearth/db/schema/referrals'
import type { FamilyScope } from '@hearth/domain/access'
import { eventsChannel, nudgeOutbox, publishEvent, type HearthEvent } from '@hearth/jobs'
import { familyKeptFromRow } from '../kernel/family-access'
import { type Actor, loadActor } from './auth'

type FamilyRow = { id: string; restricted: boolean; restrictedTo: string[] }

/**
 * The families an event is about, with their restriction, so a stream gets it only when its
 * person may see every one of them (kernel/family-access.ts): an id in an event is itself
 * something, and a restricted family's must not reach staff not named on it. One statement per
 * event whatever the number of streams; an event about no family needs none.
 */
async function familiesOf(db: Db, e: HearthEvent): Promise<FamilyRow[]> {
  const c = e.councilId
  const ids =
    'familyId' in e
      ? sql`select ${e.familyId}::uuid`
      : 'offerId' in e
        ? sql`select o.family_id from ${offers} o where o.council_id = ${c} and o.id = ${e.offerId}`
        : 'referralId' in e
          ? sql`select r.family_id from ${referrals} r where r.council_id = ${c} and r.id = ${e.referralId}`
          : 'requestId' in e
            ? sql`select ir.family_id from ${insightRequests} ir where ir.council_id = ${c} and ir.id = ${e.requestId}`
            : 'taskIds' in e && e.taskIds.length
              ? sql`select tk.family_id from ${adminTasks} tk where tk.council_id = ${c}
                    and tk.id = any(${`{${e.taskIds.join(',')}}`}::uuid[])`
              : null
  if (!ids) return []
  const res = await inCouncil(c, () =>
    db.execute(sql`select f.id, f.restricted, f.restricted_to as "restrictedTo" from ${families} f
      where f.council_id = ${c} and f.id in (${ids})`),
  )
  return (res as unknown as { rows: FamilyRow[] }).rows
}

interface Client {
  councilId: string
  personId: string
  tokenHash: string
  /** What the stream was opened with: a change to either ends it (the page reconnects afresh). */
  grants: string
  teamIds: Set<string>
  /** The person's family scope (restrictions they are named on, conflicts, break-glass), kept fresh. */
  scope: FamilyScope
  res: ServerResponse
  end(): void
}

/** Asks every API process to re-check streams: a session ended, or a person's access changed. */
type Control = { kind: 'session.ended'; tokenHash: string } | { kind: 'person.changed'; personId: string }

declare module 'fastify' {
  interface FastifyInstance {
    events: {
      /** Streams events for this person's council and teams to an open response, while the session lasts. */
      attach(res: ServerResponse, actor: Actor): () => void
      /**
       * The methods below never wait on Redis: they are called after a commit, and a request
       * whose change is saved answers at once even while Redis stalls (best effort; the pages'
       * polls and the worker's timers catch up).
       */
      publish(event: HearthEvent): void
      /** After a commit that wrote outbox rows: the worker relays now, not at its next poll. */
      nudgeOutbox(): void
      /** A session ended (sign-out): its streams close, in every API process. */
      sessionEnded(tokenHash: string): void
      /** A person's roles, teams or account changed: their streams are re-checked, in every API process. */
      personChanged(personId: string): void
    }
  }
}

const grantsOf = (actor: Pick<Actor, 'roles' | 'teams'>) =>
  JSON.stringify([[...actor.roles].sort(), actor.teams.map((t) => t.id).sort()])

/**
 * Live updates: one Redis subscriber per API process fans events out to the server-sent-event
 * streams it holds, filtered by council and team. Events carry ids only.
 *
 * A stream lives no longer than its session and the access it was opened with: it closes on
 * sign-out, on the account's closure, when the session expires, and when the person's roles or
 * teams change. Sign-out and changes are announced on a control channel to every API process;
 * each stream also re-checks its session every `recheckMs` (the heartbeat), which catches expiry
 * and anything announced while Redis was away.
 */
export default fp<{ redis: Redis; prefix: string; db: Db; idleMinutes: number; recheckMs: number }>(
  async (app, opts) => {
    const clients = new Set<Client>()
    let subscriber: Redis | null = null
    const channel = eventsChannel(opts.prefix)
    const controlChannel = `${opts.prefix}:events:control`

    const deliverNow = async (raw: string) => {
      let event: HearthEvent
      try {
        event = JSON.parse(raw)
      } catch {
        return
      }
      const listening = [...clients].filter(
        (c) =>
          c.councilId === event.councilId && (!event.teamIds.length || event.teamIds.some((t) => c.teamIds.has(t))),
      )
      if (!listening.length) return
      let about: FamilyRow[]
      try {
        about = await familiesOf(opts.db, event)
      } catch {
        return // the database is away: sent to nobody (the pages' polls catch up), never unfiltered
      }
      for (const c of listening) {
        if (about.some((f) => familyKeptFromRow(c.scope, f))) continue
        if (clients.has(c)) c.res.write(`event: ${event.type}\ndata: ${raw}\n\n`)
      }
    }
    // one at a time, so each stream gets events in the order they were published
    let delivering: Promise<void> = Promise.resolve()
    const deliver = (raw: string) => {
      delivering = delivering.then(() => deliverNow(raw)).catch(() => {})
    }

    /** The session still open, and the person's access as it was when the stream opened? */
    async function recheck(c: Client) {
      let actor: Actor | null
      try {
        // (from a timer or a Redis message: the stream's council names its server)
        actor = await inCouncil(c.councilId, () => loadActor(opts.db, c.tokenHash, opts.idleMinutes, { touch: false }))
      } catch {
        return // the database is away: the next heartbeat asks again
      }
      if (!actor || actor.personId !== c.personId || grantsOf(actor) !== c.grants) c.end()
      else c.scope = actor.familyScope
    }

    const control = (raw: string) => {
      let msg: Control
      try {
        msg = JSON.parse(raw)
      } catch {
        return
      }
      for (const c of clients) {
        if (msg.kind === 'session.ended' && c.tokenHash === msg.tokenHash) c.end()
        if (msg.kind === 'person.changed' && c.personId === msg.personId) void recheck(c)
      }
    }

    async function ensureSubscribed() {
      if (subscriber) return
      subscriber = opts.redis.duplicate()
      subscriber.on('error', () => {})
      subscriber.on('message', (ch, msg) => (ch === controlChannel ? control(msg) : deliver(msg)))
      await subscriber.subscribe(channel, controlChannel)
    }

    /** Acted on here at once (Redis may be away), and announced to the other API processes. */
    function announce(msg: Control) {
      const raw = JSON.stringify(msg)
      control(raw)
      opts.redis.publish(controlChannel, raw).catch(() => {})
    }

    app.decorate('events', {
      attach(res, actor) {
        let heartbeat: NodeJS.Timeout | undefined
        const client: Client = {
          councilId: actor.councilId,
          personId: actor.personId,
          tokenHash: actor.sessionTokenHash,
          grants: grantsOf(actor),
          teamIds: new Set(actor.teams.map((t) => t.id)),
          scope: actor.familyScope,
          res,
          end() {
            if (!clients.delete(client)) return
            clearInterval(heartbeat)
            // tells the page why; it reconnects, and a signed-out person is refused (401)
            res.end('event: session.changed\ndata: {}\n\n')
          },
        }
        clients.add(client)
        void ensureSubscribed().catch(() => {})
        // Comments keep proxies from closing an idle stream; each beat re-checks the session.
        heartbeat = setInterval(() => {
          res.write(': keep-alive\n\n')
          void recheck(client)
        }, opts.recheckMs)
        return () => {
          clearInterval(heartbeat)
          clients.delete(client)
        }
      },
      publish: (event) => {
        publishEvent(opts.redis, opts.prefix, event).catch(() => {})
      },
      nudgeOutbox: () => {
        nudgeOutbox(opts.redis, opts.prefix).catch(() => {})
      },
      sessionEnded: (tokenHash) => announce({ kind: 'session.ended', tokenHash }),
      personChanged: (personId) => announce({ kind: 'person.changed', personId }),
    })

    app.addHook('onClose', async () => {
      for (const c of clients) c.end()
      clients.clear()
      subscriber?.disconnect()
    })
  },
  { name: 'events' },
)
