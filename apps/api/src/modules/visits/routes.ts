import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { MyDay, VisitToRecord } from '@hearth/contracts/team-board'
import { VisitCancel, VisitInput, VisitMove, VisitView } from '@hearth/contracts/visits'
import { bookVisit } from './book-visit'
import { cancelVisit } from './cancel-visit'
import { getMyDay } from './get-my-day'
import { listVisits } from './list-visits'
import { moveVisit } from './move-visit'
import { visitsToRecord } from './visits-to-record'
import { readsList, readsOfFamily } from '../../kernel/reads'

const PRACTITIONER = ['practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** Visits and meetings with families (booked, moved, cancelled), and a practitioner's day. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  app.get(
    '/families/:id/visits',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('visit.list') },
      schema: {
        tags: ['visits'],
        summary: 'Visits and meetings with the family, newest first',
        params: IdParams,
        response: { 200: z.array(VisitView), ...errors },
      },
    },
    async (request) => listVisits(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/families/:id/visits',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags: ['visits'],
        summary: 'Book a visit or meeting',
        params: IdParams,
        body: VisitInput,
        response: { 201: VisitView, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      const visit = await bookVisit(deps, callerOf(request), request.params.id, request.body)
      app.events.nudgeOutbox()
      return visit
    },
  )
  app.patch(
    '/visits/:id',
    {
      config: { family: 'visit', access: PRACTITIONER },
      schema: {
        tags: ['visits'],
        summary: 'Move a visit (time, length or place), with a reason',
        params: IdParams,
        body: VisitMove,
        response: { 200: VisitView, ...errors },
      },
    },
    async (request) => moveVisit(deps, callerOf(request), request.params.id, request.body),
  )
  app.post(
    '/visits/:id/cancel',
    {
      config: { family: 'visit', access: PRACTITIONER },
      schema: {
        tags: ['visits'],
        summary: 'Cancel a visit, with a reason',
        params: IdParams,
        body: VisitCancel,
        response: { 200: VisitView, ...errors },
      },
    },
    async (request) => cancelVisit(deps, callerOf(request), request.params.id, request.body.reason),
  )

  app.get(
    '/me/day',
    {
      config: {
        access: PRACTITIONER,
        reads: readsList('family.list', 'my_day', {
          items: (p) => {
            const d = p as {
              families: { familyId: string }[]
              arrivals: { familyId: string }[]
              visitsToday: { familyId: string }[]
            }
            return [...d.families, ...d.arrivals, ...d.visitsToday]
          },
        }),
      },
      schema: {
        tags: ['visits'],
        summary: 'My day: today’s visits, the families I hold, new arrivals',
        response: { 200: MyDay, ...errors },
      },
    },
    async (request) => getMyDay(deps, callerOf(request)),
  )
  app.get(
    '/me/visits-to-record',
    {
      config: { access: PRACTITIONER, reads: readsList('visit.unrecorded', 'visit') },
      schema: {
        tags: ['visits'],
        summary: 'Past visits and meetings of yours with nothing recorded yet (the last 60 days), newest first',
        response: { 200: z.array(VisitToRecord), ...errors },
      },
    },
    async (request) => visitsToRecord(deps, callerOf(request)),
  )
}
export default routes
