import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { ChronologyEntry } from '@hearth/contracts/families'
import { callerOf } from '../../kernel/caller'
import { readsOfFamily } from '../../kernel/reads'
import { chronologyParts } from './chronology-parts'
import { getFamilyChronology } from './get-family-chronology'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** The family's chronology, made of every capability's part. */
const routes: FastifyPluginAsyncZod = async (app) => {
  // found and checked at start-up (two parts claiming one kind stop it), not at the first read
  await chronologyParts()
  app.get(
    '/families/:id/chronology',
    {
      config: { family: 'id', access: ['practitioner'], reads: readsOfFamily('family.chronology') },
      schema: {
        tags: ['families'],
        summary: 'The family’s chronology, newest first (insight advice for the holding team only)',
        params: IdParams,
        response: { 200: z.array(ChronologyEntry), ...errors },
      },
    },
    async (request) => getFamilyChronology(app.deps, callerOf(request), request.params.id),
  )
}
export default routes
