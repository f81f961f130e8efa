import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import {
  DecisionInput,
  MatchQueryInput,
  MatchResult,
  ReferralDetail,
  ReferralInput,
  ReferralListQuery,
  ReferralSummary,
  RouteInput,
} from '@hearth/contracts/referrals'
import { invalid } from '../../kernel/errors'
import { decideReferral } from './decide-referral'
import { findMatchingChildren } from './find-matching-children'
import { getReferral } from './get-referral'
import { intakeReferral } from './intake-referral'
import { listReferrals } from './list-referrals'
import { routeReferralTo } from './route-referral'
import { readsList, readsWithChildren } from '../../kernel/reads'

const FRONT_DOOR = ['referral_officer'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['referrals']

const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }

  app.post(
    '/referrals',
    {
      config: { access: FRONT_DOOR, idempotency: 'own' },
      schema: {
        tags,
        summary:
          'Record a referral. Send an Idempotency-Key header: sending the same referral again returns the first (200) instead of a second (201).',
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        body: ReferralInput,
        response: { 200: ReferralDetail, 201: ReferralDetail, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key']
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{8,200}$/.test(key))) {
        throw invalid('headers.idempotency-key', 'use 8 to 200 letters, digits or - _ . :')
      }
      const caller = callerOf(request)
      const { referral, replayed } = await intakeReferral(
        deps,
        caller,
        request.body,
        (key as string | undefined) ?? null,
      )
      if (!replayed) app.events.nudgeOutbox()
      reply.code(replayed ? 200 : 201)
      return getReferral(deps, caller, referral.id)
    },
  )

  app.get(
    '/referrals',
    {
      config: {
        access: FRONT_DOOR,
        reads: readsList('referral.list', 'referral', {
          details: (r) => ({ view: (r.query as { view?: string }).view }),
        }),
      },
      schema: {
        tags,
        summary: 'Referrals waiting for a decision (by time left), that could not be routed, or recently decided',
        querystring: ReferralListQuery,
        response: { 200: z.array(ReferralSummary), ...errors },
      },
    },
    async (request) => listReferrals(deps, callerOf(request), request.query.view),
  )

  app.get(
    '/referrals/matches',
    {
      config: { access: FRONT_DOOR, reads: readsList('child.search', 'child') },
      schema: {
        tags,
        summary: 'Known children who may be the child being referred, with why they matched',
        querystring: MatchQueryInput,
        response: { 200: z.array(MatchResult), ...errors },
      },
    },
    async (request) => findMatchingChildren(deps, callerOf(request), request.query),
  )

  app.get(
    '/referrals/:id',
    {
      config: {
        family: { not: 'the front door decides a new referral about any family; the family’s record stays closed' },
        access: FRONT_DOOR,
        reads: readsWithChildren('referral.read', 'referral', (p) => (p as { familyId: string | null }).familyId),
      },
      schema: { tags, summary: 'A referral', params: IdParams, response: { 200: ReferralDetail, ...errors } },
    },
    async (request) => getReferral(deps, callerOf(request), request.params.id),
  )

  app.post(
    '/referrals/:id/decision',
    {
      config: {
        family: { not: 'the front door decides a new referral about any family; the family’s record stays closed' },
        access: FRONT_DOOR,
      },
      schema: {
        tags,
        summary: 'Decide the response, with reasons in plain words',
        params: IdParams,
        body: DecisionInput,
        response: { 200: ReferralDetail, ...errors },
      },
    },
    async (request) => {
      const detail = await decideReferral(deps, callerOf(request), request.params.id, request.body)
      if (detail.routingStatus === 'queued') app.events.nudgeOutbox()
      return detail
    },
  )

  app.post(
    '/referrals/:id/route',
    {
      config: {
        family: { not: 'the front door decides a new referral about any family; the family’s record stays closed' },
        access: FRONT_DOOR,
      },
      schema: {
        tags,
        summary: 'Send a referral that could not be routed to a family-facing team',
        params: IdParams,
        body: RouteInput,
        response: { 200: ReferralDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const outcome = await routeReferralTo(deps, caller, request.params.id, request.body.teamId)
      if (outcome.kind === 'routed') {
        app.events.publish({
          type: 'offer.created',
          councilId: caller.councilId,
          teamIds: [outcome.teamId],
          offerId: outcome.offerId,
          openCase: outcome.openCase,
        })
      }
      return getReferral(deps, caller, request.params.id)
    },
  )
}
export default routes
