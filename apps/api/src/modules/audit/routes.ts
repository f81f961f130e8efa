import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { auditEvents, auditExports, people, writeAudit } from '@hearth/db'
import { AuditExport, AuditFilters, AuditPage, AuditQuery, ErrorBody, IdParams } from '@hearth/contracts'
import { enqueueInTx } from '@hearth/jobs'
import { notFound } from '../../kernel/errors'
import { noCaseContent, readsList, readsRecord } from '../../kernel/reads'
import { callerOf } from '../../kernel/caller'

const ADMIN = ['administrator'] as const
/** What the search asked for (ids and dates only), kept on its own audit row. */
const auditFilters = (query: unknown) => {
  const q = query as { personId?: string; childId?: string; from?: string; to?: string }
  return { personId: q.personId ?? null, childId: q.childId ?? null, from: q.from ?? null, to: q.to ?? null }
}
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const dayAfter = (iso: string) => new Date(new Date(`${iso}T00:00:00Z`).getTime() + 86_400_000)

function exportView(e: typeof auditExports.$inferSelect) {
  return {
    id: e.id,
    status: e.status,
    filters: e.filters,
    rowCount: e.rowCount,
    error: e.error,
    createdAt: e.createdAt.toISOString(),
    completedAt: e.completedAt?.toISOString() ?? null,
  }
}

/** The audit trail can be searched and exported; there is no route that changes or deletes it. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps

  app.get(
    '/',
    {
      config: {
        access: ADMIN,
        reads: readsList('audit.search', 'audit_event', { key: 'events', details: (r) => auditFilters(r.query) }),
      },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail by person, child and date (newest first)',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (request) => {
      const a = callerOf(request)
      const q = request.query
      const conditions: SQL[] = [eq(auditEvents.councilId, a.councilId)]
      if (q.personId) conditions.push(eq(auditEvents.actorPersonId, q.personId))
      if (q.childId) conditions.push(eq(auditEvents.childId, q.childId))
      if (q.from) conditions.push(gte(auditEvents.at, new Date(`${q.from}T00:00:00Z`)))
      if (q.to) conditions.push(lt(auditEvents.at, dayAfter(q.to)))
      if (q.before) conditions.push(lt(auditEvents.id, q.before))
      const rows = await db
        .select({ e: auditEvents, actorName: people.name })
        .from(auditEvents)
        .leftJoin(people, and(eq(people.id, auditEvents.actorPersonId), eq(people.councilId, auditEvents.councilId)))
        .where(and(...conditions))
        .orderBy(desc(auditEvents.id))
        .limit(q.limit + 1)
      const page = rows.slice(0, q.limit)
      return {
        events: page.map(({ e, actorName }) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorPersonId: e.actorPersonId,
          actorName,
          action: e.action,
          recordType: e.recordType,
          recordId: e.recordId,
          familyId: e.familyId,
          childId: e.childId,
          route: e.route,
          method: e.method,
          ip: e.ip,
        })),
        nextBefore: rows.length > q.limit ? page[page.length - 1]!.e.id : null,
      }
    },
  )

  app.post(
    '/exports',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['audit'],
        summary: 'Ask for a CSV of the audit trail; the worker writes it',
        body: AuditFilters,
        response: { 202: AuditExport, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const row = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(auditExports)
          .values({ councilId: caller.councilId, requestedBy: caller.personId!, filters: request.body })
          .returning()
        await enqueueInTx(tx, caller.councilId, 'audit.export', { councilId: caller.councilId, exportId: row!.id })
        await writeAudit(tx, {
          ...caller.audit,
          action: 'audit_export.create',
          recordType: 'audit_export',
          recordId: row!.id,
        })
        return row!
      })
      app.events.nudgeOutbox()
      reply.code(202)
      return exportView(row)
    },
  )

  app.get(
    '/exports',
    {
      config: { access: ADMIN, reads: noCaseContent('the exports asked for: filters and row counts') },
      schema: { tags: ['audit'], summary: 'Recent audit exports', response: { 200: z.array(AuditExport), ...errors } },
    },
    async (request) => {
      const rows = await db
        .select()
        .from(auditExports)
        .where(eq(auditExports.councilId, callerOf(request).councilId))
        .orderBy(desc(auditExports.createdAt))
        .limit(50)
      return rows.map(exportView)
    },
  )

  app.get(
    '/exports/:id/download',
    {
      config: {
        family: { not: 'an audit export (administrators)' },
        access: ADMIN,
        reads: readsRecord('audit_export.download', 'audit_export'),
      },
      schema: {
        tags: ['audit'],
        summary: 'Download a finished export as CSV',
        params: IdParams,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const [row] = await db
        .select()
        .from(auditExports)
        .where(and(eq(auditExports.councilId, caller.councilId), eq(auditExports.id, request.params.id)))
      if (row?.status !== 'done' || row.content === null) throw notFound('finished export')
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="hearth-audit-${row.createdAt.toISOString().slice(0, 10)}.csv"`,
        )
        .send(row.content)
    },
  )
}
/** Under /api (autoload's prefix). */
export const autoPrefix = '/audit'
export default routes
