import { createHash } from 'node:crypto'
import { AppError } from '../../kernel/errors'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { writeAudit } from '@hearth/db/audit'
import { heldHere, onEachReachableServer } from '@hearth/db/fleet'
import { councils } from '@hearth/db/schema/councils'
import { z } from 'zod'
import { CouncilChoice, Me, SignInBody } from '@hearth/contracts/auth'
import { ErrorBody, Ok } from '@hearth/contracts/common'
import { actorOf, endSession, startSession, type Actor } from '../../plugins/auth'
import { signIn } from './sign-in'
import { noCaseContent } from '../../kernel/reads'

function meOf(actor: Actor, csrfToken = actor.csrfToken, expiresAt = actor.sessionExpiresAt) {
  return {
    personId: actor.personId,
    councilId: actor.councilId,
    councilName: actor.councilName,
    name: actor.name,
    email: actor.email,
    roles: actor.roles,
    teams: actor.teams,
    csrfToken,
    sessionExpiresAt: expiresAt.toISOString(),
  }
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps
  const sessionOpts = {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
    cookieSecure: config.cookieSecure,
  }

  app.get(
    '/councils',
    {
      config: { access: 'public', reads: noCaseContent('the names of the councils on this Hearth') },
      schema: {
        tags: ['auth'],
        summary: 'The councils on this Hearth, to choose from when signing in',
        response: { 200: z.array(CouncilChoice) },
      },
    },
    async () => {
      // every council's name, and nothing else: names are public, and the sign-in page needs them
      // (on a fleet, each server's own, leaving out copies a move has not yet cleared away)
      // (a server that cannot be reached just now leaves its councils out)
      const { results } = await onEachReachableServer(async (server) =>
        (await db.select({ id: councils.id, name: councils.name }).from(councils)).filter((c) =>
          heldHere(server, c.id),
        ),
      )
      const found = results
      return found.flat().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    },
  )

  app.post(
    '/sign-in',
    {
      config: { access: 'public' },
      // by address, before anything is read; then by the email tried (a slow spread of guesses at
      // one account from many addresses is stopped too; its lock-out still applies)
      onRequest: app.rateLimit({ max: config.SIGN_IN_LIMIT_PER_IP, timeWindow: 60_000 }),
      preHandler: async (request) => {
        // (the plugin runs one limiter per request, so the email's is a counter of its own; the key
        // is a hash, never the address itself)
        const email = String((request.body as { email?: string }).email ?? '').toLowerCase()
        const key = `${config.BULLMQ_PREFIX}:rate:sign-in:${createHash('sha256').update(email).digest('hex')}`
        // as for the address: with Redis away, or slow, the lock-out alone guards the account
        if (app.deps.redis.status !== 'ready') return
        const counted = app.deps.redis.multi().incr(key).pexpire(key, 60_000, 'NX').exec()
        const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_000).unref())
        const result = (await Promise.race([counted.catch(() => null), timeout])) as [[unknown, number]] | null
        const n = result?.[0]?.[1] ?? 0
        if (n > config.SIGN_IN_LIMIT_PER_EMAIL)
          throw new AppError('rate_limited', 'Too many attempts to sign in. Wait a minute, then try again.')
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: SignInBody,
        response: { 200: Ok, 400: ErrorBody, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const person = await signIn(
        db,
        request.body.email,
        request.body.password,
        { ip: request.ip, requestId: request.id, route: request.routeOptions.url! },
        request.body.councilId,
      )
      await startSession(db, reply, person, sessionOpts)
      return { ok: true as const }
    },
  )

  app.post(
    '/sign-out',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } } },
    async (request, reply) => {
      const actor = actorOf(request)
      await endSession(db, reply, actor.sessionTokenHash)
      app.events.sessionEnded(actor.sessionTokenHash)
      await writeAudit(db, {
        councilId: actor.councilId,
        actorPersonId: actor.personId,
        action: 'auth.sign_out',
        recordType: 'person',
        recordId: actor.personId,
        route: request.routeOptions.url,
        method: 'POST',
        ip: request.ip,
        requestId: request.id,
      })
      return { ok: true as const }
    },
  )

  app.get(
    '/me',
    {
      config: { access: 'signed_in', reads: noCaseContent('the signed-in person’s own account') },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, their teams, and the CSRF token',
        response: { 200: Me, 401: ErrorBody },
      },
    },
    async (request) => meOf(actorOf(request)),
  )
}
/** Under /api (autoload's prefix). */
export const autoPrefix = '/auth'
export default routes
