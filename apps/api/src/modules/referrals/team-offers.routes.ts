import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { OfferView } from '@hearth/contracts/referrals'
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
    async (request) => listTeamOffers({ db: app.deps.db }, callerOf(request), request.params.id),
  )
}
export default routes
