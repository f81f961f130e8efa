import { createHash } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { and, eq, lt, sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '@hearth/db/client'
import { idempotencyKeys } from '@hearth/db/schema/idempotency'
import { AppError } from '../kernel/errors'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'own': the route handles its Idempotency-Key itself, in its own transaction (referral intake).
     * `{ withhold }`: fields of the answer that are shown once and never kept (a family link's
     * address and code): the kept answer has them emptied, so a replay does not show them again.
     */
    idempotency?: 'own' | { withhold: string[] }
  }
  interface FastifyRequest {
    idempotencyKey: string | null
  }
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** How long a second copy waits for the first to finish before being told it is still running. */
export const IDEMPOTENCY_WAIT_MS = 5_000
/** How long an answer is kept for replay. */
export const IDEMPOTENCY_KEEP_HOURS = 24

export const badKey = () =>
  new AppError('validation_failed', 'The Idempotency-Key header is not valid.', [
    {
      field: 'headers.idempotency-key',
      message: 'use 8 to 200 letters, digits or - _ . :',
      rule: 'format',
      format: 'regex',
    },
  ])

/** The answer with these top-level fields emptied (null), for keeping. */
function withhold(payload: string, fields: string[]): string {
  try {
    const body = JSON.parse(payload) as Record<string, unknown>
    for (const f of fields) if (f in body) body[f] = null
    return JSON.stringify(body)
  } catch {
    return '' // not JSON: keep nothing of it
  }
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url}\n`)
    .update(JSON.stringify(request.params ?? null))
    .update('\n')
    .update(JSON.stringify(request.body ?? null))
    .digest('hex')
}

/**
 * Idempotency keys for every change a signed-in person sends: the web app puts one on each
 * create, so a double click, a retry after a dropped connection or two tabs sending the same
 * form give one visit, one letter, one record, and the second copy gets the first one's answer.
 *
 * The key is claimed (a 'pending' row) before the handler runs; a copy that arrives while it
 * runs waits for the answer. A 2xx answer is kept for a day; any other answer releases the key,
 * so a corrected form can be sent again with it. The same key on a different request is a 422.
 */
export default fp<{ db: Db }>(
  async (app, { db }) => {
    app.decorateRequest('idempotencyKey', null)

    async function replay(
      request: FastifyRequest,
      reply: FastifyReply,
      where: ReturnType<typeof and>,
      hash: string,
    ): Promise<boolean> {
      const deadline = Date.now() + IDEMPOTENCY_WAIT_MS
      for (;;) {
        const [row] = await db.select().from(idempotencyKeys).where(where)
        // released (the first copy failed) between our insert and this read: run this one
        if (!row) return false
        if (row.requestHash !== hash) {
          throw new AppError('validation_failed', 'This Idempotency-Key was already used for a different request.', [
            { field: 'headers.idempotency-key', message: 'already used for a different request', rule: 'invalid' },
          ])
        }
        if (row.status === 'done' && row.statusCode) {
          request.log.info({ replayed: true }, 'idempotent replay')
          reply
            .code(row.statusCode)
            .header('idempotent-replayed', 'true')
            .header('content-type', 'application/json; charset=utf-8')
            .serializer((p: unknown) => p as string)
          await reply.send(row.response ?? '')
          return true
        }
        if (Date.now() > deadline) {
          throw new AppError(
            'conflict',
            'This was already sent and is still being saved, or its answer was lost. ' +
              'Check the page before sending it again; to send it again, reload the page first.',
          )
        }
        await sleep(100)
      }
    }

    app.addHook('preHandler', async (request, reply) => {
      const actor = request.actor
      const sent = request.headers['idempotency-key']
      if (sent === undefined || !actor || !CHANGES.has(request.method)) return
      if (request.routeOptions.config?.idempotency === 'own') return
      if (typeof sent !== 'string' || !IDEMPOTENCY_KEY.test(sent)) throw badKey()
      const hash = requestHash(request)
      const mine = and(eq(idempotencyKeys.councilId, actor.councilId), eq(idempotencyKeys.personId, actor.personId))
      const where = and(mine, eq(idempotencyKeys.key, sent))
      // this person's answers older than a day are gone (and their keys free again)
      await db
        .delete(idempotencyKeys)
        .where(and(mine, lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEEP_HOURS})`)))
      for (let attempt = 0; attempt < 3; attempt++) {
        const claimed = await db
          .insert(idempotencyKeys)
          .values({ councilId: actor.councilId, personId: actor.personId, key: sent, requestHash: hash })
          .onConflictDoNothing()
          .returning({ key: idempotencyKeys.key })
        if (claimed.length) {
          request.idempotencyKey = sent
          return
        }
        if (await replay(request, reply, where, hash)) return reply
      }
      throw new AppError('conflict', 'This request could not be sent. Try again.')
    })

    app.addHook('onSend', async (request, reply, payload) => {
      const key = request.idempotencyKey
      const actor = request.actor
      if (!key || !actor) return payload
      request.idempotencyKey = null
      const where = and(
        eq(idempotencyKeys.councilId, actor.councilId),
        eq(idempotencyKeys.personId, actor.personId),
        eq(idempotencyKeys.key, key),
      )
      const ok = reply.statusCode >= 200 && reply.statusCode < 300
      try {
        if (ok && (typeof payload === 'string' || payload == null)) {
          const rule = request.routeOptions.config?.idempotency
          const kept = typeof rule === 'object' && payload ? withhold(payload, rule.withhold) : (payload ?? '')
          await db
            .update(idempotencyKeys)
            .set({ status: 'done', statusCode: reply.statusCode, response: kept, completedAt: new Date() })
            .where(where)
        } else {
          await db.delete(idempotencyKeys).where(where)
        }
      } catch (err) {
        // the change itself stands; a copy sent later is told its answer was lost, never run twice
        request.log.error({ code: (err as { code?: string }).code }, 'idempotency answer not kept')
      }
      return payload
    })
  },
  { name: 'idempotency', dependencies: ['auth'] },
)
