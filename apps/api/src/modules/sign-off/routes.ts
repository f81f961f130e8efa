import { callerOf } from '../../kernel/caller'
import { getTeamFigures } from '../figures/get-team-figures'
import { teamForDisplay } from '../figures/hide-small-numbers'
import { getReferralTimeliness } from '../figures/get-referral-timeliness'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Ok } from '@hearth/contracts/common'
import {
  CouncilOverview,
  DecideProposalInput,
  ProposalInput,
  ProposalView,
  ResubmitInput,
  TeamFigures,
  ThresholdsInput,
  ThresholdsView,
} from '@hearth/contracts/sign-off'
import { notFound } from '../../kernel/errors'
import { thresholds } from './proposal-queries'
import { decideProposal } from './decide-proposal'
import { getProposal } from './get-proposal'
import { getThresholdHistory } from './get-threshold-history'
import { listFamilyProposals, listProposals } from './list-proposals'
import { proposeIntervention } from './propose-intervention'
import { resubmitProposal } from './resubmit-proposal'
import { setThresholds } from './set-thresholds'
import { noCaseContent, readsList, readsRecord } from '../../kernel/reads'

const STRATEGY = ['strategy_member'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['sign-off']

/** High-cost interventions: teams propose, strategy signs off; and the council-wide view. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/spend-thresholds',
    {
      config: {
        access: ['administrator', 'strategy_member', 'practitioner'],
        reads: noCaseContent('the council’s sign-off thresholds'),
      },
      schema: {
        tags,
        summary: 'The sign-off thresholds in force, and their history',
        response: { 200: ThresholdsView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      return {
        current: await thresholds(app.deps.db, caller.councilId),
        history: await getThresholdHistory(app.deps, caller),
      }
    },
  )
  app.post(
    '/spend-thresholds',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Change the thresholds (new proposals only; submitted ones keep theirs)',
        body: ThresholdsInput,
        response: { 201: Ok, ...errors },
      },
    },
    async (request, reply) => {
      await setThresholds(app.deps, callerOf(request), request.body)
      reply.code(201)
      return { ok: true as const }
    },
  )

  app.post(
    '/families/:id/proposals',
    {
      config: { family: 'id', access: ['practitioner'] },
      schema: {
        tags,
        summary: 'Propose an intervention or package for a family your team holds',
        params: IdParams,
        body: ProposalInput,
        response: { 201: ProposalView, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return proposeIntervention(app.deps, callerOf(request), request.params.id, request.body)
    },
  )
  app.get(
    '/families/:id/proposals',
    {
      config: {
        family: { not: 'strategy sees every family’s proposals: its use-case checks the family with that scope' },
        access: ['practitioner', 'strategy_member'],
        reads: readsList('proposal.list', 'proposal'),
      },
      schema: {
        tags,
        summary: 'Proposals for a family',
        params: IdParams,
        response: { 200: z.array(ProposalView), ...errors },
      },
    },
    async (request) => listFamilyProposals(app.deps, callerOf(request), request.params.id),
  )
  app.get(
    '/proposals',
    {
      config: { access: ['practitioner', 'strategy_member'], reads: readsList('proposal.list', 'proposal') },
      schema: {
        tags,
        summary: 'Proposals: waiting for strategy (deadline first) or decided; practitioners see only their teams’',
        querystring: z.object({ view: z.enum(['awaiting', 'decided']).optional(), teamId: z.uuid().optional() }),
        response: { 200: z.array(ProposalView), ...errors },
      },
    },
    async (request) => listProposals(app.deps, callerOf(request), request.query),
  )
  app.get(
    '/proposals/:id',
    {
      config: {
        family: 'proposal',
        access: ['practitioner', 'strategy_member'],
        reads: readsRecord('proposal.read', 'proposal'),
      },
      schema: {
        tags,
        summary: 'A proposal with its decisions',
        params: IdParams,
        response: { 200: ProposalView, ...errors },
      },
    },
    async (request) => getProposal(app.deps, callerOf(request), request.params.id),
  )
  app.post(
    '/proposals/:id/decision',
    {
      config: { family: 'proposal', access: STRATEGY },
      schema: {
        tags,
        summary: 'Approve, decline or ask for more information, with reasons for the team (and the family)',
        params: IdParams,
        body: DecideProposalInput,
        response: { 200: ProposalView, ...errors },
      },
    },
    async (request) => decideProposal(app.deps, callerOf(request), request.params.id, request.body),
  )
  app.post(
    '/proposals/:id/resubmit',
    {
      config: { family: 'proposal', access: ['practitioner'] },
      schema: {
        tags,
        summary: 'Send a proposal back to strategy with the information asked for',
        params: IdParams,
        body: ResubmitInput,
        response: { 200: ProposalView, ...errors },
      },
    },
    async (request) => resubmitProposal(app.deps, callerOf(request), request.params.id, request.body),
  )

  app.get(
    '/council/overview',
    {
      config: {
        access: ['strategy_member', 'insight_adviser'],
        reads: noCaseContent('council and team totals; no family or worker is named'),
      },
      schema: {
        tags: ['council'],
        summary: 'Teams at a glance (live, team totals only)',
        response: { 200: CouncilOverview, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const [teams, referrals] = await Promise.all([
        getTeamFigures(app.deps, caller),
        getReferralTimeliness(app.deps, caller),
      ])
      return {
        generatedAt: new Date().toISOString(),
        teams: teams.map(teamForDisplay),
        referrals,
        committedPence: teams.reduce((s, t) => s + t.committedPence, 0),
        proposalsAwaiting: teams.reduce((s, t) => s + t.proposalsAwaiting, 0),
      }
    },
  )
  app.get(
    '/council/teams/:id',
    {
      config: {
        family: { not: 'a team, in the council view (counts)' },
        access: ['strategy_member', 'insight_adviser'],
        reads: noCaseContent('one team’s totals; no family or worker is named'),
      },
      schema: {
        tags: ['council'],
        summary: 'One team’s figures (team totals, no individual workers)',
        params: IdParams,
        response: { 200: TeamFigures, ...errors },
      },
    },
    async (request) => {
      const [t] = await getTeamFigures(app.deps, callerOf(request), request.params.id)
      if (!t) throw notFound('family-facing team')
      return teamForDisplay(t)
    },
  )
}
export default routes
