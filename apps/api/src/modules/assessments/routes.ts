import { type Caller, callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AssessmentFinish, AssessmentStart, AssessmentView } from '@hearth/contracts/case-process'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { readsList, readsOfFamily, readsRecord } from '../../kernel/reads'
import { holdingTeamId } from '../families/family-queries'
import { finishAssessment, startAssessment } from './start-assessment'
import { getAssessment, listFamilyAssessments } from './list-assessments'
import { myDueAssessments, teamDueAssessments } from './list-due-assessments'

const PRACTITIONER = ['practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['statutory']

/**
 * Child and family assessments and their 45-working-day clock (WT2023 ch.3): started and finished
 * by the team holding the family; what is due and overdue on My day and the team board, live.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  // the team's board and its members' My day refresh (ids only)
  const announce = async (caller: Caller, familyId: string) => {
    const teamId = await holdingTeamId(deps.db, caller.councilId, familyId)
    if (teamId) app.events.publish({ type: 'board.changed', councilId: caller.councilId, teamIds: [teamId], familyId })
  }

  app.get(
    '/families/:id/assessments',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('assessment.list') },
      schema: {
        tags,
        summary: 'The family’s assessments, each with its due date and where it stands',
        params: IdParams,
        response: { 200: z.array(AssessmentView), ...errors },
      },
    },
    async (request) => listFamilyAssessments(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/families/:id/assessments',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Start a child and family assessment (one open at a time for a child)',
        params: IdParams,
        body: AssessmentStart,
        response: { 201: AssessmentView, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const a = await startAssessment(deps, caller, request.params.id, request.body)
      await announce(caller, a.familyId)
      reply.code(201)
      return a
    },
  )
  app.post(
    '/assessments/:id/finish',
    {
      config: { family: 'assessment', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Finish an assessment: the date it was authorised and the factors identified (census codes)',
        params: IdParams,
        body: AssessmentFinish,
        response: { 200: AssessmentView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const a = await finishAssessment(deps, caller, request.params.id, request.body)
      await announce(caller, a.familyId)
      return a
    },
  )
  app.get(
    '/assessments/:id',
    {
      config: { family: 'assessment', access: PRACTITIONER, reads: readsRecord('assessment.read', 'assessment') },
      schema: { tags, summary: 'An assessment', params: IdParams, response: { 200: AssessmentView, ...errors } },
    },
    async (request) => getAssessment(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/me/assessments',
    {
      config: { access: PRACTITIONER, reads: readsList('assessment.due', 'assessment') },
      schema: {
        tags,
        summary: 'Open assessments of the families you work with, soonest due first',
        response: { 200: z.array(AssessmentView), ...errors },
      },
    },
    async (request) => myDueAssessments(deps, callerOf(request)),
  )
  app.get(
    '/teams/:id/assessments',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: PRACTITIONER,
        reads: readsList('assessment.due', 'assessment'),
      },
      schema: {
        tags,
        summary: 'Open assessments of the families the team holds or works with, soonest due first',
        params: IdParams,
        response: { 200: z.array(AssessmentView), ...errors },
      },
    },
    async (request) => teamDueAssessments(deps, callerOf(request), request.params.id),
  )
}
export default routes
