import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { ConflictsView, ConflictView, DeclareConflictInput, EndConflictInput } from '@hearth/contracts/conflicts'
import { readsList } from '../../kernel/reads'
import { declareConflict, endConflict } from './declare-conflict'
import { listConflicts } from './list-conflicts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['conflicts of interest']
const items = (p: unknown) =>
  ((p as { conflicts?: { id: string; familyId: string }[] }).conflicts ?? []).map((c) => ({
    id: c.id,
    familyId: c.familyId,
  }))

/** Conflicts of interest: staff declare the families they know; they are then kept out of them. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  app.post(
    '/me/conflicts',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Declare that you know a family: you are then kept out of its record',
        body: DeclareConflictInput,
        response: { 201: ConflictView, ...errors },
      },
    },
    async (request, reply) => {
      const actor = callerOf(request)
      const made = await declareConflict(deps, actor, request.body)
      app.events.personChanged(actor.personId) // their live streams stop carrying the family at once
      reply.code(201)
      return made
    },
  )
  app.get(
    '/me/conflicts',
    {
      config: { access: 'signed_in', reads: readsList('conflict.list', 'staff_conflict', { items }) },
      schema: { tags, summary: 'The families you have declared you know', response: { 200: ConflictsView, ...errors } },
    },
    async (request) => listConflicts(deps, callerOf(request), callerOf(request).personId),
  )
  app.get(
    '/conflicts',
    {
      config: { access: ['administrator'], reads: readsList('conflict.list', 'staff_conflict', { items }) },
      schema: { tags, summary: 'Every declaration of the council', response: { 200: ConflictsView, ...errors } },
    },
    async (request) => listConflicts(deps, callerOf(request)),
  )
  app.post(
    '/conflicts/:id/end',
    {
      config: { family: { not: 'a member of staff’s declaration' }, access: ['administrator'] },
      schema: {
        tags,
        summary: 'End a declaration, saying why',
        params: IdParams,
        body: EndConflictInput,
        response: { 200: ConflictView, ...errors },
      },
    },
    async (request) => {
      const ended = await endConflict(deps, callerOf(request), request.params.id, request.body.reason)
      app.events.personChanged(ended.personId)
      return ended
    },
  )
}

export default routes
