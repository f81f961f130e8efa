import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { and, eq } from 'drizzle-orm'
import { teams } from '@hearth/db'
import { ErrorBody, IdParams, OfferView } from '@hearth/contracts'
import { notFound } from '../../kernel/errors'
import { listTeamOffers } from './list-team-offers'
import { readsList } from '../../kernel/reads'

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/teams/:id/offers',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: ['practitioner', 'referral_officer'],
        reads: readsList('family.list', 'offer'),
      },
      schema: {
        tags: ['teams'],
        summary: 'Families offered to the team and not yet held, oldest first',
        params: IdParams,
        response: { 200: z.array(OfferView), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = callerOf(request)
      // Practitioners see their own teams' boards; the front door sees every board.
      if (!actor.roles.includes('referral_officer') && !actor.teams.some((t) => t.id === request.params.id))
        throw notFound('team')
      const [team] = await app.deps.db
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.councilId, actor.councilId), eq(teams.id, request.params.id)))
      if (!team) throw notFound('team')
      return listTeamOffers({ db: app.deps.db }, actor, request.params.id)
    },
  )
}
export default routes
