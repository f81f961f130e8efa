import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Ok } from '@hearth/contracts/common'
import {
  AdviceInput,
  BookSessionInput,
  InsightQueueQuery,
  InsightRequestInput,
  InsightRequestView,
  InsightSettingsInput,
  InsightSettingsView,
} from '@hearth/contracts/insight'
import { adviseInsightRequest } from './advise-insight-request'
import { waitWorkingDays } from './insight-queries'
import { askInsight } from './ask-insight'
import { bookInsightSession } from './book-insight-session'
import { getInsightRequest } from './get-insight-request'
import { handBackInsightRequest } from './hand-back-insight-request'
import { listInsightRequests } from './list-insight-requests'
import { setInsightWait } from './set-insight-wait'
import { takeInsightRequest } from './take-insight-request'
import { withdrawInsightRequest } from './withdraw-insight-request'
import { noCaseContent, readsList, readsRecord } from '../../kernel/reads'

const ADVISER = ['insight_adviser'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['insight']

/** Consultation and coaching: teams ask, insight advisers take, book and advise. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const changed = (councilId: string, requestId: string) =>
    app.events.publish({ type: 'insight.changed', councilId, teamIds: [], requestId })

  app.get(
    '/insight/settings',
    {
      config: {
        access: ['administrator', 'insight_adviser'],
        reads: noCaseContent('the council’s waiting-time setting'),
      },
      schema: {
        tags,
        summary: 'How long a request may wait before it shows as waiting too long',
        response: { 200: InsightSettingsView, ...errors },
      },
    },
    async (request) => waitWorkingDays(app.deps.db, callerOf(request).councilId),
  )
  app.post(
    '/insight/settings',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Set the waiting time (working days) for insight requests',
        body: InsightSettingsInput,
        response: { 201: Ok, ...errors },
      },
    },
    async (request, reply) => {
      await setInsightWait(app.deps, callerOf(request), request.body.waitWorkingDays)
      reply.code(201)
      return { ok: true as const }
    },
  )

  app.post(
    '/insight/requests',
    {
      config: { access: ['practitioner'] },
      schema: {
        tags,
        summary: 'Ask the insight team for a consultation (about a family or the team’s work) or for coaching',
        body: InsightRequestInput,
        response: { 201: InsightRequestView, ...errors },
      },
    },
    async (request, reply) => {
      const view = await askInsight(app.deps, callerOf(request), request.body)
      void changed(callerOf(request).councilId, view.id)
      reply.code(201)
      return view
    },
  )
  app.get(
    '/insight/requests',
    {
      config: {
        access: ['insight_adviser', 'practitioner'],
        reads: readsList('insight.list', 'insight_request', {
          details: (r) => ({ view: (r.query as { view?: string }).view }),
        }),
      },
      schema: {
        tags,
        summary: 'Advisers: the queue (oldest first), their own, or done. Practitioners: their team’s requests',
        querystring: InsightQueueQuery,
        response: { 200: z.array(InsightRequestView), ...errors },
      },
    },
    async (request) => listInsightRequests(app.deps, callerOf(request), request.query),
  )
  app.get(
    '/insight/requests/:id',
    {
      config: {
        family: 'insight_request',
        access: ['insight_adviser', 'practitioner'],
        reads: readsRecord('insight.read', 'insight_request'),
      },
      schema: {
        tags,
        summary: 'One request with its booking and advice',
        params: IdParams,
        response: { 200: InsightRequestView, ...errors },
      },
    },
    async (request) => getInsightRequest(app.deps, callerOf(request), request.params.id),
  )
  const done = (councilId: string) => (view: z.infer<typeof InsightRequestView>) => {
    void changed(councilId, view.id)
    return view
  }
  app.post(
    '/insight/requests/:id/withdraw',
    {
      config: { family: 'insight_request', access: ['practitioner'] },
      schema: {
        tags,
        summary: 'The team no longer needs it (only before an adviser takes it)',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await withdrawInsightRequest(app.deps, callerOf(request), request.params.id)
      void changed(callerOf(request).councilId, request.params.id)
      return { ok: true as const }
    },
  )
  app.post(
    '/insight/requests/:id/take',
    {
      config: { family: 'insight_request', access: ADVISER },
      schema: {
        tags,
        summary: 'Take a request (of advisers taking it at once, one gets it)',
        params: IdParams,
        response: { 200: InsightRequestView, ...errors },
      },
    },
    async (request) =>
      takeInsightRequest(app.deps, callerOf(request), request.params.id).then(done(callerOf(request).councilId)),
  )
  app.post(
    '/insight/requests/:id/hand-back',
    {
      config: { family: 'insight_request', access: ADVISER },
      schema: {
        tags,
        summary: 'Hand a request back to the queue',
        params: IdParams,
        response: { 200: InsightRequestView, ...errors },
      },
    },
    async (request) =>
      handBackInsightRequest(app.deps, callerOf(request), request.params.id).then(done(callerOf(request).councilId)),
  )
  app.post(
    '/insight/requests/:id/booking',
    {
      config: { family: 'insight_request', access: ADVISER },
      schema: {
        tags,
        summary: 'Book the session: when, how long, who attends',
        params: IdParams,
        body: BookSessionInput,
        response: { 200: InsightRequestView, ...errors },
      },
    },
    async (request) =>
      bookInsightSession(app.deps, callerOf(request), request.params.id, request.body).then((v) => {
        app.events.nudgeOutbox() // the room and invitations are queued for the enablers
        return done(callerOf(request).councilId)(v)
      }),
  )
  app.post(
    '/insight/requests/:id/advice',
    {
      config: { family: 'insight_request', access: ADVISER },
      schema: {
        tags,
        summary: 'Record the advice in plain words (on the family’s chronology for the holding team)',
        params: IdParams,
        body: AdviceInput,
        response: { 200: InsightRequestView, ...errors },
      },
    },
    async (request) =>
      adviseInsightRequest(app.deps, callerOf(request), request.params.id, request.body.advice).then(
        done(callerOf(request).councilId),
      ),
  )
}
export default routes
