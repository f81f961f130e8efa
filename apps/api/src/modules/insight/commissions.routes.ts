import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Ok } from '@hearth/contracts/common'
import { CommissionInput, CommissionQuery, CommissionRecordInput, CommissionView } from '@hearth/contracts/insight'
import { askCommission } from './ask-commission'
import { getCommission } from './get-commission'
import { handBackCommission } from './hand-back-commission'
import { listCommissions } from './list-commissions'
import { recordCommission } from './record-commission'
import { takeCommission } from './take-commission'
import { withdrawCommission } from './withdraw-commission'
import { readsList, readsRecord } from '../../kernel/reads'

const ADVISER = ['insight_adviser'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['insight']

/** Commissioning: a team asks insight for a service nothing listed provides; insight records what was arranged. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const comChanged = (councilId: string, id: string) =>
    app.events.publish({ type: 'insight.changed', councilId, teamIds: [], requestId: id })
  app.post(
    '/families/:id/commissions',
    {
      config: { family: 'id', access: ['practitioner'] },
      schema: {
        tags,
        summary: 'No listed service fits: ask insight to commission one for the family',
        params: IdParams,
        body: CommissionInput,
        response: { 201: CommissionView, ...errors },
      },
    },
    async (request, reply) => {
      const v = await askCommission(app.deps, callerOf(request), request.params.id, request.body)
      void comChanged(callerOf(request).councilId, v.id)
      reply.code(201)
      return v
    },
  )
  app.get(
    '/commissions',
    {
      config: {
        access: ['insight_adviser', 'practitioner'],
        reads: readsList('commission.list', 'commission', {
          details: (r) => ({ view: (r.query as { view?: string }).view }),
        }),
      },
      schema: {
        tags,
        summary: 'Advisers: requests to commission (waiting oldest first, mine, done). Practitioners: their team’s',
        querystring: CommissionQuery,
        response: { 200: z.array(CommissionView), ...errors },
      },
    },
    async (request) => listCommissions(app.deps, callerOf(request), request.query.view),
  )
  app.get(
    '/commissions/:id',
    {
      config: {
        family: 'commission',
        access: ['insight_adviser', 'practitioner'],
        reads: readsRecord('commission.read', 'commission'),
      },
      schema: {
        tags,
        summary: 'One request to commission',
        params: IdParams,
        response: { 200: CommissionView, ...errors },
      },
    },
    async (request) => getCommission(app.deps, callerOf(request), request.params.id),
  )
  app.post(
    '/commissions/:id/withdraw',
    {
      config: { family: 'commission', access: ['practitioner'] },
      schema: {
        tags,
        summary: 'The team no longer needs it (only before an adviser takes it)',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await withdrawCommission(app.deps, callerOf(request), request.params.id)
      void comChanged(callerOf(request).councilId, request.params.id)
      return { ok: true as const }
    },
  )
  app.post(
    '/commissions/:id/take',
    {
      config: { family: 'commission', access: ADVISER },
      schema: {
        tags,
        summary: 'Take a request to commission',
        params: IdParams,
        response: { 200: CommissionView, ...errors },
      },
    },
    async (request) => {
      const v = await takeCommission(app.deps, callerOf(request), request.params.id)
      void comChanged(callerOf(request).councilId, v.id)
      return v
    },
  )
  app.post(
    '/commissions/:id/hand-back',
    {
      config: { family: 'commission', access: ADVISER },
      schema: {
        tags,
        summary: 'Hand a request to commission back to the queue',
        params: IdParams,
        response: { 200: CommissionView, ...errors },
      },
    },
    async (request) => {
      const v = await handBackCommission(app.deps, callerOf(request), request.params.id)
      void comChanged(callerOf(request).councilId, v.id)
      return v
    },
  )
  app.post(
    '/commissions/:id/record',
    {
      config: { family: 'commission', access: ADVISER },
      schema: {
        tags,
        summary:
          'Record provider, cost and dates; this makes the proposal (to strategy at or above the threshold, else a team decision)',
        params: IdParams,
        body: CommissionRecordInput,
        response: { 200: CommissionView, ...errors },
      },
    },
    async (request) => {
      const v = await recordCommission(app.deps, callerOf(request), request.params.id, request.body)
      void comChanged(callerOf(request).councilId, v.id)
      return v
    },
  )
}
export default routes
