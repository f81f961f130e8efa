import { type Caller, callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { PlanItemChange, PlanItemInput, PlanItemView, PlanStatusInput, PlanView } from '@hearth/contracts/plan'
import { readsOfFamily } from '../../kernel/reads'
import { holdingTeamId } from '../families/family-queries'
import { addPlanItem } from './add-plan-item'
import { changePlanItem, setPlanItemStatus } from './change-plan-item'
import { getPlan } from './get-plan'

const PRACTITIONER = ['practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['plan']

/**
 * The family's plan: what will happen, who does it, by when. Items are never deleted or
 * silently edited: each change is kept with who, when and why.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  // the team holding the family sees the plan change without reloading (ids only)
  const announce = async <T extends { id: string; familyId: string }>(caller: Caller, item: T) => {
    const teamId = await holdingTeamId(deps.db, caller.councilId, item.familyId)
    if (teamId)
      app.events.publish({
        type: 'plan.changed',
        councilId: caller.councilId,
        teamIds: [teamId],
        familyId: item.familyId,
        itemId: item.id,
      })
    return item
  }

  app.get(
    '/families/:id/plan',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('plan.read') },
      schema: {
        tags,
        summary: 'The family’s plan: each item with who does it, by when, where it stands and its history',
        params: IdParams,
        response: { 200: PlanView, ...errors },
      },
    },
    async (request) => getPlan(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/families/:id/plan/items',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Add an item to the family’s plan',
        params: IdParams,
        body: PlanItemInput,
        response: { 201: PlanItemView, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const item = await addPlanItem(deps, caller, request.params.id, request.body)
      reply.code(201)
      return announce(caller, item)
    },
  )
  app.put(
    '/plan-items/:id',
    {
      config: { family: 'plan_item', access: PRACTITIONER },
      schema: {
        tags,
        summary:
          'Change what an item says, who does it or by when, with why. Send the version you saw: ' +
          'if someone changed it since, the answer is 409 and nothing is changed',
        params: IdParams,
        body: PlanItemChange,
        response: { 200: PlanItemView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      return announce(caller, await changePlanItem(deps, caller, request.params.id, request.body))
    },
  )
  app.post(
    '/plan-items/:id/status',
    {
      config: { family: 'plan_item', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Mark an item done, not done (with why) or to do again (with why); send the version you saw',
        params: IdParams,
        body: PlanStatusInput,
        response: { 200: PlanItemView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      return announce(caller, await setPlanItemStatus(deps, caller, request.params.id, request.body))
    },
  )
}
export default routes
