import { type Caller, callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CaseProcessView,
  ClockLengthSet,
  ClockSetting,
  DueClockView,
  InCareView,
  TeamChildInCare,
  StepCorrect,
  StepCreate,
  StepDetailView,
  StepView,
} from '@hearth/contracts/case-process'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import { noCaseContent, readsChild, readsList, readsOfFamily, readsRecord } from '../../kernel/reads'
import { holdingTeamId } from '../families/family-queries'
import { askForLetterBeforeProceedings } from './letter-before-proceedings'
import { clockSettingsView, setClockLength } from './clock-settings'
import { correctStep, recordStep } from './record-step'
import { familyCaseProcess, getStep } from './get-case-process'
import { getInCare } from './get-in-care'
import { teamChildrenInCare } from './team-in-care'
import { myClocks, teamClocks } from './list-clocks'

const PRACTITIONER = ['practitioner'] as const
const ADMIN = ['administrator'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['statutory']

/**
 * The statutory case process (WT2023 ch.3, CPPCR 2010, CA1989 s.31ZA): steps recorded on a child by
 * the team holding the family, the clocks that follow from them, what is due on My day and the team
 * board, and the council's own lengths for local clocks.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  const announce = async (caller: Caller, familyId: string) => {
    const teamId = await holdingTeamId(deps.db, caller.councilId, familyId)
    if (teamId) app.events.publish({ type: 'board.changed', councilId: caller.councilId, teamIds: [teamId], familyId })
  }

  app.get(
    '/families/:id/case-process',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('case_process.read') },
      schema: {
        tags,
        summary: 'The family’s statutory steps and every clock running for its children',
        params: IdParams,
        response: { 200: CaseProcessView, ...errors },
      },
    },
    async (request) => familyCaseProcess(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/children/:id/in-care',
    {
      config: { family: 'child', access: PRACTITIONER, reads: readsChild('in_care.read') },
      schema: {
        tags,
        summary:
          'A looked-after child on one page: what is due, the period of care, placement, plan, health, education, reviews',
        params: IdParams,
        response: { 200: InCareView, ...errors },
      },
    },
    async (request) => getInCare(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/families/:id/steps',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Record a statutory step for a child (the order rules are checked; its clocks follow)',
        params: IdParams,
        body: StepCreate,
        response: { 201: StepView, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const s = await recordStep(deps, caller, request.params.id, request.body)
      await announce(caller, s.familyId)
      reply.code(201)
      return s
    },
  )
  app.get(
    '/steps/:id',
    {
      config: { family: 'step', access: PRACTITIONER, reads: readsRecord('case_step.read', 'case_step') },
      schema: {
        tags,
        summary: 'A step with its corrections',
        params: IdParams,
        response: { 200: StepDetailView, ...errors },
      },
    },
    async (request) => getStep(deps, callerOf(request), request.params.id),
  )
  app.put(
    '/steps/:id',
    {
      config: { family: 'step', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Correct a step: the clocks that follow move at once; the step before is kept',
        params: IdParams,
        body: StepCorrect,
        response: { 200: StepView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const s = await correctStep(deps, caller, request.params.id, request.body)
      await announce(caller, s.familyId)
      return s
    },
  )
  app.post(
    '/steps/:id/letter-before-proceedings',
    {
      config: { family: 'step', access: PRACTITIONER },
      schema: {
        tags,
        summary:
          'Ask the enablers to send the letter before proceedings (with the offer of a family group decision-making meeting)',
        params: IdParams,
        response: {
          200: z.object({ taskId: z.uuid(), status: z.string(), created: z.boolean() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const r = await askForLetterBeforeProceedings(deps, caller, request.params.id)
      if (r.created && r.teamId)
        app.events.publish({
          type: 'tasks.changed',
          councilId: caller.councilId,
          teamIds: [r.teamId],
          taskIds: [r.taskId],
        })
      return { taskId: r.taskId, status: r.status, created: r.created }
    },
  )
  app.get(
    '/me/clocks',
    {
      config: { access: PRACTITIONER, reads: readsList('clock.due', 'clock') },
      schema: {
        tags,
        summary: 'Every clock running for the families you work with, soonest due first',
        response: { 200: z.array(DueClockView), ...errors },
      },
    },
    async (request) => myClocks(deps, callerOf(request)),
  )
  app.get(
    '/teams/:id/children-in-care',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: PRACTITIONER,
        reads: readsList('in_care.list', 'child'),
      },
      schema: {
        tags,
        summary: 'The children looked after in the families the team holds: legal status, placement, what is due first',
        params: IdParams,
        response: { 200: z.array(TeamChildInCare), ...errors },
      },
    },
    async (request) => teamChildrenInCare(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/teams/:id/clocks',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: PRACTITIONER,
        reads: readsList('clock.due', 'clock'),
      },
      schema: {
        tags,
        summary: 'Every clock running for the families the team works with, soonest due first',
        params: IdParams,
        response: { 200: z.array(DueClockView), ...errors },
      },
    },
    async (request) => teamClocks(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/council/clocks',
    {
      config: { access: ADMIN, reads: noCaseContent('the council’s timescales') },
      schema: {
        tags,
        summary: 'The clocks, their lengths in this council and the history of each local length',
        response: { 200: z.array(ClockSetting), ...errors },
      },
    },
    async (request) => clockSettingsView(deps, callerOf(request)),
  )
  app.put(
    '/council/clocks/:clock',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Set a local clock’s length (or the due-soon warning); running clocks are worked out again',
        params: z.object({ clock: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'not a clock' }) }),
        body: ClockLengthSet,
        response: { 200: ClockSetting, ...errors },
      },
    },
    async (request) => setClockLength(deps, callerOf(request), request.params.clock, request.body),
  )
}
export default routes
