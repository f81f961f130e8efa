import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { Child } from '@hearth/contracts/families'
import { CensusChildFix, CensusChildView, CensusRunCreate, CensusRunView, QueryAccept } from '@hearth/contracts/returns'
import { noCaseContent, readsChild, readsList } from '../../kernel/reads'
import { updateChild } from '../families/update-child'
import { acceptCensusQuery } from './accept-census-query'
import { listCensusRuns, startCensusRun } from './census-runs'
import { getCensusChild } from './get-census-child'
import { getCensusFile, getCensusRun } from './get-census-run'

const DATA = ['administrator', 'insight_adviser'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['returns']
/**
 * Statutory returns: the Children in Need census, produced by the worker with progress, checked
 * against the DfE rules before anyone downloads it; queries accepted with a reason.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }

  app.post(
    '/returns/census',
    {
      config: { access: DATA },
      schema: {
        tags,
        summary: 'Produce the census for a collection year (the worker does it; watch its progress)',
        body: CensusRunCreate,
        response: { 202: CensusRunView, ...errors },
      },
    },
    async (request, reply) => {
      const made = await startCensusRun(deps, callerOf(request), request.body)
      app.events.nudgeOutbox()
      reply.code(202)
      return made
    },
  )

  app.get(
    '/returns/census',
    {
      config: { access: DATA, reads: noCaseContent('the returns produced: years, progress and rule counts') },
      schema: {
        tags,
        summary: 'The census returns produced, newest first',
        response: { 200: z.array(CensusRunView), ...errors },
      },
    },
    async (request) => listCensusRuns(deps, callerOf(request)),
  )

  app.get(
    '/returns/census/:id',
    {
      config: {
        family: { not: 'a census return (counts and codes)' },
        access: DATA,
        reads: readsList('census.report', 'census_run', {
          items: (p) =>
            ((p as { findings?: { children: { childId: string; familyId: string }[] }[] }).findings ?? []).flatMap(
              (f) => f.children,
            ),
        }),
      },
      schema: {
        tags,
        summary: 'A census return: its progress, and the rule report naming the children to fix',
        params: IdParams,
        response: { 200: CensusRunView, ...errors },
      },
    },
    async (request) => getCensusRun(deps, callerOf(request), request.params.id),
  )

  app.get(
    '/returns/census/:id/xml',
    {
      config: {
        family: { not: 'a census return (counts and codes)' },
        access: DATA,
        reads: noCaseContent('the census file: its download is audited by the handler, once'),
      },
      schema: {
        tags,
        summary: 'Download the census XML (when done)',
        params: IdParams,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await getCensusFile(deps, callerOf(request), request.params.id)
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .send(file.xml)
    },
  )

  app.get(
    '/returns/children/:id',
    {
      config: {
        family: { not: 'a child’s census details: the data team reads every child for the return' },
        access: DATA,
        reads: readsChild('child.read_census'),
      },
      schema: {
        tags,
        summary: 'A child as the census sees them (for the data team): the record, the team, this year’s episodes',
        params: IdParams,
        response: { 200: CensusChildView, ...errors },
      },
    },
    async (request) => getCensusChild(deps, callerOf(request), request.params.id),
  )

  app.patch(
    '/returns/children/:id',
    {
      config: {
        family: { not: 'a child’s census details: the data team reads every child for the return' },
        access: DATA,
      },
      schema: {
        tags,
        summary:
          'Correct a child’s census details (ethnicity, disabilities, UPN or why it is not known, date of death)',
        params: IdParams,
        body: CensusChildFix,
        response: { 200: Child, ...errors },
      },
    },
    async (request) =>
      updateChild(app.deps, { ...callerOf(request), familyScope: { kind: 'all' } }, request.params.id, request.body),
  )

  app.post(
    '/returns/census/:id/queries',
    {
      config: { family: { not: 'a census return (counts and codes)' }, access: DATA },
      schema: {
        tags,
        summary: 'Accept a query (a rule ending Q) with the reason it stands; kept with the return',
        params: IdParams,
        body: QueryAccept,
        response: { 200: CensusRunView, ...errors },
      },
    },
    async (request) => acceptCensusQuery(deps, callerOf(request), request.params.id, request.body),
  )
}
export default routes
