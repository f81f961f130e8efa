import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import {
  SharingDecisionInput,
  SharingDecisionsView,
  SharingDecisionView,
  SharingExportQuery,
} from '@hearth/contracts/sharing'
import { readsChild, readsList } from '../../kernel/reads'
import { listSharingDecisions, recordSharingDecision } from './record-sharing-decision'
import { sharingDecisionsCsv } from './sharing-decisions-csv'

const CASE_ROLES = ['referral_officer', 'practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const tags = ['information sharing']

/**
 * Information-sharing decisions (Children's Wellbeing and Schools Act 2026, s.4): recorded on
 * the child, on the family's chronology, and exported for the council's audit.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  app.get(
    '/children/:id/sharing-decisions',
    {
      config: { family: 'child', access: CASE_ROLES, reads: readsChild('sharing.list') },
      schema: {
        tags,
        summary: 'Decisions to share, or not, information about the child with other agencies',
        params: IdParams,
        response: { 200: SharingDecisionsView, ...errors },
      },
    },
    async (request) => listSharingDecisions(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/children/:id/sharing-decisions',
    {
      config: { family: 'child', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Record a decision to share, or not to share, information about the child',
        params: IdParams,
        body: SharingDecisionInput,
        response: { 201: SharingDecisionView, ...errors },
      },
    },
    async (request, reply) => {
      const made = await recordSharingDecision(deps, callerOf(request), request.params.id, request.body)
      reply.code(201)
      return made
    },
  )
  app.get(
    '/sharing-decisions.csv',
    {
      config: {
        access: ['administrator'],
        reads: readsList('sharing.export', 'sharing_decision', {
          details: (request) => request.query as Record<string, unknown>,
        }),
      },
      schema: {
        tags,
        summary: 'Every information-sharing decision in a period, as CSV, for the council’s audit',
        querystring: SharingExportQuery,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const csv = await sharingDecisionsCsv(deps, callerOf(request), request.query.from, request.query.to)
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="hearth-sharing-decisions-${request.query.from}-to-${request.query.to}.csv"`,
        )
        .send(csv)
    },
  )
}

export default routes
