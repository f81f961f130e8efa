import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AuditExport, AuditFilters, AuditPage, AuditQuery } from '@hearth/contracts/audit'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { noCaseContent, readsList, readsRecord } from '../../kernel/reads'
import { callerOf } from '../../kernel/caller'
import { listAuditExports, startAuditExport } from './audit-exports'
import { getAuditExportFile } from './get-audit-export-file'
import { searchAudit } from './search-audit'

const ADMIN = ['administrator'] as const
/** What the search asked for (ids and dates only), kept on its own audit row. */
const auditFilters = (query: unknown) => {
  const q = query as { personId?: string; childId?: string; from?: string; to?: string }
  return { personId: q.personId ?? null, childId: q.childId ?? null, from: q.from ?? null, to: q.to ?? null }
}
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** The audit trail can be searched and exported; there is no route that changes or deletes it. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }

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
    async (request) => searchAudit(deps, callerOf(request), request.query),
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
      const made = await startAuditExport(deps, callerOf(request), request.body)
      app.events.nudgeOutbox()
      reply.code(202)
      return made
    },
  )

  app.get(
    '/exports',
    {
      config: { access: ADMIN, reads: noCaseContent('the exports asked for: filters and row counts') },
      schema: { tags: ['audit'], summary: 'Recent audit exports', response: { 200: z.array(AuditExport), ...errors } },
    },
    async (request) => listAuditExports(deps, callerOf(request)),
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
      const file = await getAuditExportFile(deps, callerOf(request), request.params.id)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .send(file.content)
    },
  )
}
/** Under /api (autoload's prefix). */
export const autoPrefix = '/audit'
export default routes
