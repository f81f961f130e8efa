import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import type { FastifyRequest } from 'fastify'
import { writeAudit } from '@hearth/db/audit'
import type { Db } from '@hearth/db/client'
import { safeErrorText } from '@hearth/db/safe-error'
import { auditFrom } from '../kernel/context'
import type { ReadAudit, Reads } from '../kernel/reads'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a GET returns of children's and families' records; every GET under /api declares it. */
    reads?: Reads
  }
  interface FastifyRequest {
    readAudited: boolean
  }
}

const isAudit = (r: Reads | undefined): r is ReadAudit => !!r && 'rows' in r

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Refused reads recorded per person per minute; beyond it a flood is not written row by row. */
export const DENIED_AUDIT_PER_MINUTE = 20

/**
 * Read-audit by construction: a successful response of a route that declares what it reads
 * writes its audit rows before it is sent. If the rows cannot be written the response fails
 * (500), so nothing is ever read without a trace; a refused or failed request writes none.
 */
export default fp<{ db: Db; redis: Redis; prefix: string }>(
  async (app, opts) => {
    app.decorateRequest('readAudited', false)

    /** Under the per-minute limit? Without Redis the refusal is written anyway: audit comes first. */
    async function underDeniedLimit(councilId: string, personId: string): Promise<boolean> {
      const key = `${opts.prefix}:denied:${councilId}:${personId}:${Math.floor(Date.now() / 60_000)}`
      // a stalled Redis never holds the answer up: after 250 ms the row is written anyway
      const counted = opts.redis
        .multi()
        .incr(key)
        .expire(key, 120)
        .exec()
        .then((r) => Number(r?.[0]?.[1] ?? 0))
        .catch(() => 0)
      const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(0), 250).unref())
      const n = await Promise.race([counted, timeout])
      return n <= DENIED_AUDIT_PER_MINUTE
    }

    /**
     * A refused read of a case record (403, or 404 for a record outside the caller's council or
     * scope) is itself recorded: who tried which id on which route. It names no family, so it says
     * nothing about whether the record exists.
     */
    async function auditDenied(request: FastifyRequest, statusCode: number, reads: ReadAudit) {
      const actor = request.actor!
      if (!(await underDeniedLimit(actor.councilId, actor.personId))) return
      const id = (request.params as { id?: unknown } | undefined)?.id
      // an id that is not an id (a NUL byte, a script) is not kept: only that it was malformed
      const wellFormed = typeof id === 'string' && UUID.test(id)
      try {
        await writeAudit(opts.db, {
          ...auditFrom(request),
          action: 'access.denied',
          recordType: reads.recordType,
          recordId: wellFormed ? id : null,
          details: { status: statusCode, wanted: reads.action, ...(id && !wellFormed ? { malformedId: true } : {}) },
        })
      } catch (err) {
        // the refusal stands, whatever happens to its record; the log gets the error code only
        request.log.error({ err: safeErrorText(err) }, 'access.denied not recorded')
      }
    }

    async function audit(request: FastifyRequest, statusCode: number, payload: unknown) {
      const reads = request.routeOptions.config?.reads
      if (!isAudit(reads) || request.readAudited || (!request.actor && !request.familyLink)) return
      if (statusCode === 403 || statusCode === 404) {
        request.readAudited = true
        if (!request.actor) return
        return auditDenied(request, statusCode, reads)
      }
      if (statusCode < 200 || statusCode >= 300) return
      request.readAudited = true
      const ctx = auditFrom(request)
      const rows = (await reads.rows(request, payload, opts.db)).map((r) => ({
        ...ctx,
        action: r.action ?? reads.action,
        recordType: r.recordType ?? reads.recordType,
        recordId: r.recordId ?? null,
        familyId: r.familyId ?? null,
        childId: r.childId ?? null,
        details: r.details ?? null,
      }))
      await writeAudit(opts.db, rows)
    }

    // JSON bodies: audited with the body the handler returned (before serialisation).
    app.addHook('preSerialization', async (request, reply, payload) => {
      await audit(request, reply.statusCode, payload)
      return payload
    })
    // Files and text (PDF letters, CSV): audited from the request alone.
    app.addHook('onSend', async (request, reply, payload) => {
      await audit(request, reply.statusCode, undefined)
      return payload
    })
  },
  { name: 'read-audit', dependencies: ['auth'] },
)
