import { type Caller, callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Uuid } from '@hearth/contracts/common'
import {
  AnswerMessageInput,
  ArrangeMeetingInput,
  CreatedLink,
  CreateLinkInput,
  FamilyLinkView,
  FamilyMeetingsView,
  FamilyMeetingView,
  FamilyPlanInput,
  FamilyVoiceSettings,
  FamilyVoiceSettingsInput,
  FamilyVoiceView,
  LinkHoldDecisionInput,
  LinkSummary,
  RenewLinkInput,
  RevokeLinkInput,
  StaffFamilyMessage,
  TeamFamilyMessages,
} from '@hearth/contracts/family-voice'
import { LINK_LANGUAGE_LIST } from '@hearth/domain/family-voice'
import { invalid } from '../../kernel/errors'
import { noCaseContent, readsList, readsOfFamily } from '../../kernel/reads'
import { holdingTeamId } from '../families/family-queries'
import { answerMessage } from './answer-message'
import { changeLink } from './change-link'
import { createLink } from './create-link'
import { getFamilyVoice } from './get-family-voice'
import { familyLinkView } from './link-view'
import { arrangeMeeting, recordFamilyPlan } from './arrange-meeting'
import { listMeetings } from './list-meetings'
import { teamFamilyMessages } from './team-family-messages'
import { getVoiceSettings, setVoiceSettings } from './voice-settings'
import { linkPeople } from './voice-queries'

const PRACTITIONER = ['practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['family link']

const PreviewQuery = z.object({
  adultId: Uuid.optional(),
  childId: Uuid.optional(),
  language: z.enum(LINK_LANGUAGE_LIST, { message: 'choose English, Polish or Urdu' }).optional(),
})

/**
 * The family's private link, as the team works it: issue (shown once, with a QR code, or sent
 * by letter), stop, renew, the lead's decision while contact is held, what the family will see,
 * and what families say through their links. Family group conferences arranged with the family.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  const origin = (request: { protocol: string; host: string }) =>
    app.deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`
  const announce = async (caller: Caller, familyId: string) => {
    const teamId = await holdingTeamId(deps.db, caller.councilId, familyId)
    if (teamId) app.events.publish({ type: 'board.changed', councilId: caller.councilId, teamIds: [teamId], familyId })
  }

  app.get(
    '/families/:id/family-link',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('family_link.list') },
      schema: {
        tags,
        summary: 'The family’s links, what they said through them, and whether contact is held',
        params: IdParams,
        response: { 200: FamilyVoiceView, ...errors },
      },
    },
    async (request) => getFamilyVoice(deps, callerOf(request), request.params.id),
  )

  app.get(
    '/families/:id/family-link/preview',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('family_link.preview') },
      schema: {
        tags,
        summary: 'Exactly what the family will see through a link, before it is issued',
        params: IdParams,
        querystring: PreviewQuery,
        response: { 200: FamilyLinkView, ...errors },
      },
    },
    async (request) => {
      const actor = callerOf(request)
      const familyId = request.params.id
      const { people, language } = await linkPeople(deps.db, actor.councilId, familyId)
      const q = request.query
      const holder = q.adultId
        ? people.find((p) => p.kind === 'adult' && p.id === q.adultId)
        : q.childId
          ? people.find((p) => p.kind === 'child' && p.id === q.childId)
          : people[0]
      if (!holder && (q.adultId || q.childId))
        throw invalid(q.childId ? 'query.childId' : 'query.adultId', 'choose someone of this family')
      return familyLinkView(deps.db, actor.councilId, familyId, {
        adultId: holder?.kind === 'adult' ? holder.id : null,
        childId: holder?.kind === 'child' ? holder.id : null,
        language: q.language ?? language,
        holdDecisionAt: null,
      })
    },
  )

  app.post(
    '/families/:id/family-links',
    {
      // the link and its code are shown once: a replayed answer does not hold them
      config: { family: 'id', access: PRACTITIONER, idempotency: { withhold: ['url', 'code', 'qrSvg'] } },
      schema: {
        tags,
        summary: 'Issue a private link to an adult or young person of the family (shown once)',
        params: IdParams,
        body: CreateLinkInput,
        response: { 201: CreatedLink, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const made = await createLink(deps, caller, request.params.id, request.body, origin(request))
      if (made.taskId)
        app.events.publish({ type: 'tasks.changed', councilId: caller.councilId, teamIds: [], taskIds: [made.taskId] })
      reply.code(201)
      return made
    },
  )

  const linkChange = (
    path: string,
    summary: string,
    body: z.ZodType,
    change: (b: never) => Parameters<typeof changeLink>[3],
  ) =>
    app.post(
      path,
      {
        config: { family: 'link', access: PRACTITIONER },
        schema: { tags, summary, params: IdParams, body, response: { 200: LinkSummary, ...errors } },
      },
      async (request) =>
        changeLink(deps, callerOf(request), (request.params as { id: string }).id, change(request.body as never)),
    )
  linkChange(
    '/family-links/:id/revoke',
    'Stop a family link at once, saying why',
    RevokeLinkInput,
    (b: { reason: string }) => ({
      kind: 'revoke',
      reason: b.reason,
    }),
  )
  linkChange('/family-links/:id/renew', 'Give a family link longer', RenewLinkInput, (b: { days?: number }) => ({
    kind: 'renew',
    days: b.days,
  }))
  linkChange(
    '/family-links/:id/hold-decision',
    'The lead decides the link may show what is new while contact is held, saying why',
    LinkHoldDecisionInput,
    (b: { reason: string }) => ({ kind: 'hold_decision', reason: b.reason }),
  )

  app.post(
    '/family-messages/:id/seen',
    {
      config: { family: 'message', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Mark what the family said as seen by the team',
        params: IdParams,
        response: { 200: StaffFamilyMessage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const m = await answerMessage(deps, caller, request.params.id, { kind: 'seen' })
      await announce(caller, m.familyId)
      return m
    },
  )
  app.post(
    '/family-messages/:id/answer',
    {
      config: { family: 'message', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Tell the family what happened (they read it on their link)',
        params: IdParams,
        body: AnswerMessageInput,
        response: { 200: StaffFamilyMessage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const m = await answerMessage(deps, caller, request.params.id, {
        kind: 'answer',
        answer: request.body.answer,
      })
      await announce(caller, m.familyId)
      return m
    },
  )

  app.get(
    '/teams/:id/family-messages',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: PRACTITIONER,
        reads: readsList('family_message.list', 'team', { key: 'messages' }),
      },
      schema: {
        tags,
        summary: 'What families said to the team that nobody has seen yet',
        params: IdParams,
        response: { 200: TeamFamilyMessages, ...errors },
      },
    },
    async (request) => teamFamilyMessages(deps, callerOf(request), request.params.id),
  )

  app.get(
    '/council/family-voice',
    {
      config: { access: ['administrator'], reads: noCaseContent('council settings: link length and complaints team') },
      schema: {
        tags,
        summary: 'How long family links last; which team takes complaints',
        response: { 200: FamilyVoiceSettings, ...errors },
      },
    },
    async (request) => getVoiceSettings(deps, callerOf(request)),
  )
  app.put(
    '/council/family-voice',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Set how long family links last and which enablers’ team takes complaints',
        body: FamilyVoiceSettingsInput,
        response: { 200: FamilyVoiceSettings, ...errors },
      },
    },
    async (request) => setVoiceSettings(deps, callerOf(request), request.body),
  )

  app.get(
    '/families/:id/family-meetings',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('family_meeting.list') },
      schema: {
        tags,
        summary: 'The family’s group conferences: who they invited, and their own plan',
        params: IdParams,
        response: { 200: FamilyMeetingsView, ...errors },
      },
    },
    async (request) => listMeetings(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/families/:id/family-meetings',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Arrange a family group conference with the family (the enablers get its tasks)',
        params: IdParams,
        body: ArrangeMeetingInput,
        response: { 201: FamilyMeetingView, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const m = await arrangeMeeting(deps, caller, request.params.id, request.body)
      await announce(caller, m.familyId)
      reply.code(201)
      return m
    },
  )
  app.post(
    '/family-meetings/:id/family-plan',
    {
      config: { family: 'meeting', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Record the family’s own plan from their conference; its items join the family’s plan',
        params: IdParams,
        body: FamilyPlanInput,
        response: { 200: FamilyMeetingView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const m = await recordFamilyPlan(deps, caller, request.params.id, request.body)
      await announce(caller, m.familyId)
      return m
    },
  )
}

export default routes
