import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, Ok } from '@hearth/contracts/common'
import { FamilyLinkAnswer, FamilyMessageInput, FamilyMessageSent } from '@hearth/contracts/family-voice'
import { LINK_CODE_PATTERN } from '@hearth/domain/family-voice'
import { linkCallerOf } from '../../kernel/caller'
import { AppError } from '../../kernel/errors'
import { readsByFamilyLink } from '../../kernel/reads'
import { badKey, IDEMPOTENCY_KEY } from '../../plugins/idempotency'
import { checkLinkCode } from './check-link-code'
import { openLink } from './open-link'
import { sendFamilyMessage } from './send-family-message'

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody }
const tags = ['the family’s own pages']
const CodeInput = z.object({
  code: z
    .string({ message: 'enter the code' })
    .trim()
    .regex(LINK_CODE_PATTERN, { message: 'enter the six numbers of your code' }),
})

/**
 * What a family reaches with their private link (header `X-Family-Link`, and `X-Family-Link-Code`
 * when the team gave a short code): their own page, the code check, and saying something.
 * Nothing else in Hearth answers to a link; these answer to nothing else.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }

  app.get(
    '/link',
    {
      config: { access: 'family_link', reads: readsByFamilyLink('family_link.open') },
      schema: {
        tags,
        summary: 'The family’s page: their workers, visits, plan and what they said',
        response: { 200: FamilyLinkAnswer, ...errors },
      },
    },
    async (request) => openLink(deps, linkCallerOf(request)),
  )

  app.post(
    '/link/code',
    {
      config: { access: 'family_link' },
      schema: {
        tags,
        summary: 'Check the short code given with the link',
        body: CodeInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const caller = linkCallerOf(request)
      return checkLinkCode(deps, caller, caller.holder.tokenHash, request.body.code)
    },
  )

  app.post(
    '/link/messages',
    {
      config: { access: 'family_link' },
      schema: {
        tags,
        summary: 'Say how things are going, ask to move a visit, say what matters, a worry or a complaint',
        body: FamilyMessageInput,
        response: { 201: FamilyMessageSent, ...errors },
      },
    },
    async (request, reply) => {
      const caller = linkCallerOf(request)
      const holder = caller.holder
      if (!holder.codeOk) throw new AppError('forbidden', 'Enter the code we gave you first.')
      const key = request.headers['idempotency-key']
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) throw badKey()
      const sent = await sendFamilyMessage(deps, caller, request.body, key ?? null)
      if (sent.replayed) reply.header('idempotent-replayed', 'true')
      else if (sent.teamId)
        app.events.publish({
          type: 'family.said',
          councilId: holder.councilId,
          teamIds: [sent.teamId],
          familyId: sent.familyId,
          messageId: sent.id,
        })
      reply.code(201)
      return { id: sent.id, kind: sent.kind, at: sent.at }
    },
  )
}

export default routes
