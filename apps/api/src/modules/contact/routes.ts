import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { EndHoldInput, FamilyContact, HeldDecisionInput, HoldParams, PlaceHoldInput } from '@hearth/contracts/contact'
import { readsOfFamily } from '../../kernel/reads'
import { decideHeldContact } from './decide-held-contact'
import { endContactHold } from './end-contact-hold'
import { getFamilyContact } from './get-family-contact'
import { placeFamilyHold } from './place-contact-hold'

const PRACTITIONER = ['practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['contact with the family']

/**
 * Contact with the family: whether Hearth may write to them by itself, and the lead's decisions
 * about what is held. Letters, visit confirmations and invitations are held while any hold is open.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }

  app.get(
    '/families/:id/contact',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('contact.read') },
      schema: {
        tags,
        summary: 'Holds on contacting the family, and the letters waiting for the lead’s decision',
        params: IdParams,
        response: { 200: FamilyContact, ...errors },
      },
    },
    async (request) => {
      return getFamilyContact(deps, callerOf(request), request.params.id)
    },
  )

  app.post(
    '/families/:id/contact-holds',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Do not contact the family without checking: hold every letter and invitation',
        params: IdParams,
        body: PlaceHoldInput,
        response: { 201: FamilyContact, ...errors },
      },
    },
    async (request, reply) => {
      const view = await placeFamilyHold(deps, callerOf(request), request.params.id, request.body)
      reply.code(201)
      return view
    },
  )

  app.post(
    '/families/:id/contact-holds/:holdId/end',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'The lead lifts a hold on contacting the family, saying why it is safe now',
        params: HoldParams,
        body: EndHoldInput,
        response: { 200: FamilyContact, ...errors },
      },
    },
    async (request) => {
      return endContactHold(deps, callerOf(request), request.params.id, request.params.holdId, request.body)
    },
  )

  app.post(
    '/tasks/:id/held-decision',
    {
      config: { family: 'task', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'The lead decides about a held letter or invitation: send it, or not, and why',
        params: IdParams,
        body: HeldDecisionInput,
        response: { 200: FamilyContact, ...errors },
      },
    },
    async (request) => decideHeldContact(deps, callerOf(request), request.params.id, request.body),
  )
}
export default routes
