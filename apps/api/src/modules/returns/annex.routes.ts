import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { AnnexRunCreate, AnnexRunView } from '@hearth/contracts/returns'
import { callerOf } from '../../kernel/caller'
import { noCaseContent } from '../../kernel/reads'
import { listAnnexRuns, startAnnexRun } from './annex-runs'
import { getAnnexFile, getAnnexRun } from './get-annex-run'

const DATA = ['administrator', 'insight_adviser'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['returns']

/** Ofsted's Annex A: the lists from Hearth's own records, produced by the worker with progress. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }

  app.post(
    '/returns/annex-a',
    {
      config: { access: DATA },
      schema: {
        tags,
        summary: 'Produce Annex A for a period (the worker does it; watch its progress)',
        body: AnnexRunCreate,
        response: { 202: AnnexRunView, ...errors },
      },
    },
    async (request, reply) => {
      const made = await startAnnexRun(deps, callerOf(request), request.body)
      app.events.nudgeOutbox()
      reply.code(202)
      return made
    },
  )

  app.get(
    '/returns/annex-a',
    {
      config: { access: DATA, reads: noCaseContent('the workbooks produced: periods, progress and row counts') },
      schema: {
        tags,
        summary: 'Annex A workbooks produced, newest first',
        response: { 200: z.array(AnnexRunView), ...errors },
      },
    },
    async (request) => listAnnexRuns(deps, callerOf(request)),
  )

  app.get(
    '/returns/annex-a/:id',
    {
      config: {
        family: { not: 'an Annex A workbook' },
        access: DATA,
        reads: noCaseContent('a workbook’s progress and row counts; no child named'),
      },
      schema: {
        tags,
        summary: 'An Annex A workbook: its progress and each list’s rows',
        params: IdParams,
        response: { 200: AnnexRunView, ...errors },
      },
    },
    async (request) => getAnnexRun(deps, callerOf(request), request.params.id),
  )

  app.get(
    '/returns/annex-a/:id/xlsx',
    {
      config: {
        family: { not: 'an Annex A workbook' },
        access: DATA,
        reads: noCaseContent('the workbook: its download is audited by the handler, once'),
      },
      schema: {
        tags,
        summary: 'Download the Annex A workbook (when done)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const f = await getAnnexFile(deps, callerOf(request), request.params.id)
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${f.name}"`)
        .send(f.file)
    },
  )
}
export default routes
