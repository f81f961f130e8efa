import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Ok, Uuid } from '@hearth/contracts/common'
import { IsoDate } from '@hearth/contracts/families'
import {
  Board,
  CapInput,
  ClaimInput,
  FamilyWorkers,
  RotaDay,
  RotaInput,
  RotaParams,
  StageMoveInput,
  TeamDecisionInput,
  TeamDecisionView,
  WorkersInput,
} from '@hearth/contracts/team-board'
import { londonDateOf } from '@hearth/domain/working-days'
import { claimFamily } from './claim-family'
import { getBoard } from './get-board'
import { getFamilyWorkers } from './get-family-workers'
import { getRota } from './get-rota'
import { listTeamDecisions } from './list-team-decisions'
import { recordTeamDecision } from './record-team-decision'
import { setCap } from './set-cap'
import { setDuty } from './set-duty'
import { setWorkers } from './set-workers'
import { moveStage } from './move-stage'
import { noCaseContent, readsList, readsOfFamily } from '../../kernel/reads'

const PRACTITIONER = ['practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** The family-facing team's own work: the board, claiming, hand-over, caps, rota. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  const boardChanged = (councilId: string, teamId: string, familyId: string) => {
    app.events.nudgeOutbox() // the letter to the family is queued for the enablers
    app.events.publish({ type: 'board.changed', councilId, teamIds: [teamId], familyId })
  }

  app.get(
    '/teams/:id/board',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: PRACTITIONER,
        reads: readsList('family.list', 'team_board', {
          items: (p) => {
            const b = p as {
              held: { familyId: string }[]
              offers: { familyId: string }[]
              due: { urgent: { familyId: string; childId: string }[] }
            }
            return [...b.held, ...b.offers, ...b.due.urgent]
          },
        }),
      },
      schema: {
        tags: ['team board'],
        summary: 'The team board: families waiting, who holds what against their cap, who is on duty',
        params: IdParams,
        response: { 200: Board, ...errors },
      },
    },
    async (request) => getBoard(deps, callerOf(request), request.params.id),
  )

  app.post(
    '/teams/:id/offers/:offerId/claim',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: PRACTITIONER },
      schema: {
        tags: ['team board'],
        summary:
          'Take a family on the board as its lead, naming a co-worker (or leave it out and the team finds one). Refused over your cap.',
        params: z.object({ id: Uuid, offerId: Uuid }),
        body: ClaimInput,
        response: {
          200: z.object({
            familyId: Uuid,
            leadId: Uuid,
            coWorkerIds: z.array(Uuid),
            /** Contact with the family is on hold: the letter naming their workers waits for the lead. */
            contactHeld: z.boolean(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = callerOf(request)
      const result = await claimFamily(deps, actor, request.params.id, request.params.offerId, request.body)
      boardChanged(actor.councilId, request.params.id, result.familyId)
      return result
    },
  )

  app.get(
    '/families/:id/workers',
    {
      config: { family: 'id', access: ['practitioner', 'referral_officer'], reads: readsOfFamily('allocation.list') },
      schema: {
        tags: ['team board'],
        summary: 'Who works with the family',
        params: IdParams,
        response: { 200: FamilyWorkers, ...errors },
      },
    },
    async (request) => {
      return getFamilyWorkers(deps, callerOf(request), request.params.id)
    },
  )

  app.post(
    '/families/:id/workers',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags: ['team board'],
        summary: 'Hand over or change the family’s lead and co-workers, with a reason',
        params: IdParams,
        body: WorkersInput,
        response: { 200: FamilyWorkers, ...errors },
      },
    },
    async (request) => {
      const actor = callerOf(request)
      const { teamId } = await setWorkers(deps, actor, request.params.id, request.body)
      boardChanged(actor.councilId, teamId, request.params.id)
      return getFamilyWorkers(deps, actor, request.params.id)
    },
  )

  app.post(
    '/families/:id/conversation',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags: ['team board'],
        summary: 'Move the family between the Three Conversations: a team decision, with a reason and who was there',
        params: IdParams,
        body: StageMoveInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const actor = callerOf(request)
      await moveStage(deps, actor, request.params.id, request.body)
      return { ok: true as const }
    },
  )

  app.get(
    '/teams/:id/decisions',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: PRACTITIONER,
        reads: readsList('team_decision.list', 'team'),
      },
      schema: {
        tags: ['team board'],
        summary: 'The team decisions log, newest first',
        params: IdParams,
        response: { 200: z.array(TeamDecisionView), ...errors },
      },
    },
    async (request) => listTeamDecisions(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/teams/:id/decisions',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: PRACTITIONER },
      schema: {
        tags: ['team board'],
        summary: 'Record a team decision, with who was there',
        params: IdParams,
        body: TeamDecisionInput,
        response: { 201: Ok, ...errors },
      },
    },
    async (request, reply) => {
      await recordTeamDecision(deps, callerOf(request), request.params.id, request.body)
      reply.code(201)
      return { ok: true as const }
    },
  )

  app.put(
    '/teams/:id/members/:personId/cap',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: PRACTITIONER },
      schema: {
        tags: ['team board'],
        summary: 'Set one person’s cap (children as lead), as a recorded team decision',
        params: z.object({ id: Uuid, personId: Uuid }),
        body: CapInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await setCap(deps, callerOf(request), request.params.id, request.params.personId, request.body)
      return { ok: true as const }
    },
  )

  app.get(
    '/teams/:id/rota',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: PRACTITIONER,
        reads: noCaseContent('who is on duty: staff only'),
      },
      schema: {
        tags: ['team board'],
        summary: 'Who is on duty, for 14 days from `from` (default today)',
        params: IdParams,
        querystring: z.object({ from: IsoDate.optional() }),
        response: { 200: z.array(RotaDay), ...errors },
      },
    },
    async (request) =>
      getRota(deps, callerOf(request), request.params.id, request.query.from ?? londonDateOf(new Date())),
  )
  app.put(
    '/teams/:id/rota/:day',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: PRACTITIONER },
      schema: {
        tags: ['team board'],
        summary: 'Put someone on duty for a day',
        params: RotaParams,
        body: RotaInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await setDuty(deps, callerOf(request), request.params.id, request.params.day, request.body.personId)
      return { ok: true as const }
    },
  )
}
export default routes
