import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Ok, Uuid } from '@hearth/contracts/common'
import {
  ContactTimeQuery,
  LeaveInput,
  MyContactTime,
  TeamContactTime,
  WorkingPatternInput,
} from '@hearth/contracts/recording'
import { noCaseContent } from '../../kernel/reads'
import { getMyContactTime, getTeamContactTime } from './get-contact-time'
import { setLeave, setWorkingPattern } from './set-working-time'

const PRACTITIONER = ['practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['contact time']
const MemberParams = z.object({ id: Uuid, personId: Uuid })

/** Direct-contact time: each practitioner's own, and their team's (the team manages itself). */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  app.get(
    '/me/contact-time',
    {
      config: { access: PRACTITIONER, reads: noCaseContent('minutes and hours, no family named') },
      schema: {
        tags,
        summary: 'Your share of the working week with families, week by week (from your notes’ minutes)',
        querystring: ContactTimeQuery,
        response: { 200: MyContactTime, ...errors },
      },
    },
    async (request) => getMyContactTime(deps, callerOf(request), request.query.weeks),
  )
  app.get(
    '/teams/:id/contact-time',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: PRACTITIONER,
        reads: noCaseContent('minutes and hours per team member, no family named'),
      },
      schema: {
        tags,
        summary: 'Each team member’s share of the week with families, and the team’s (for the team itself)',
        params: IdParams,
        querystring: ContactTimeQuery,
        response: { 200: TeamContactTime, ...errors },
      },
    },
    async (request) => getTeamContactTime(deps, callerOf(request), request.params.id, request.query.weeks),
  )
  app.put(
    '/teams/:id/members/:personId/working-pattern',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Set a team member’s working minutes for each day, Monday first (the team sets it)',
        params: MemberParams,
        body: WorkingPatternInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await setWorkingPattern(deps, callerOf(request), request.params.id, request.params.personId, request.body.minutes)
      return { ok: true as const }
    },
  )
  app.post(
    '/teams/:id/members/:personId/leave',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Record a team member’s leave, from one day to another (inclusive)',
        params: MemberParams,
        body: LeaveInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await setLeave(deps, callerOf(request), request.params.id, request.params.personId, request.body)
      return { ok: true as const }
    },
  )
}
export default routes
