import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { type Db, writeAudit } from '@hearth/db'
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

/**
 * Read-audit by construction: a successful response of a route that declares what it reads
 * writes its audit rows before it is sent. If the rows cannot be written the response fails
 * (500), so nothing is ever read without a trace; a refused or failed request writes none.
 */
export default fp<{ db: Db }>(
  async (app, opts) => {
    app.decorateRequest('readAudited', false)

    async function audit(request: FastifyRequest, statusCode: number, payload: unknown) {
      const reads = request.routeOptions.config?.reads
      if (!isAudit(reads) || request.readAudited || statusCode < 200 || statusCode >= 300 || !request.actor) return
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
