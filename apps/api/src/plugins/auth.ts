import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { and, eq, gt } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { councils, memberships, people, sessions, teams, type Db } from '@hearth/db'
import { familyScope, type FamilyScope, type Role, type TeamKind } from '@hearth/domain'
import { AppError } from '../errors'

/** Every route declares who may call it; a route without a rule is refused (deny by default). */
export type Access = 'public' | 'signed_in' | readonly Role[]

export interface Actor {
  personId: string
  councilId: string
  councilName: string
  name: string
  email: string
  roles: Role[]
  teams: { id: string; name: string; kind: TeamKind; patchId: string | null }[]
  familyScope: FamilyScope
  sessionTokenHash: string
  csrfToken: string
  sessionExpiresAt: Date
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    actor: Actor | null
  }
  interface FastifyInstance {
    /** Every route with its access rule, for the route × role test and the docs. */
    routeTable: { method: string; url: string; access: Access | undefined }[]
  }
}

export const SESSION_COOKIE = 'hearth_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Do not rewrite the session row on every request: push expiry forward at most once a minute. */
const TOUCH_EVERY_MS = 60_000

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

function sameString(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && timingSafeEqual(ab, bb)
}

export interface AuthOptions {
  db: Db
  idleMinutes: number
  absoluteHours: number
  cookieSecure: boolean
}

async function loadActor(db: Db, token: string, idleMinutes: number): Promise<Actor | null> {
  const tokenHash = hashToken(token)
  const now = new Date()
  const [row] = await db
    .select({ session: sessions, person: people, councilName: councils.name })
    .from(sessions)
    .innerJoin(people, and(eq(people.id, sessions.personId), eq(people.councilId, sessions.councilId)))
    .innerJoin(councils, eq(councils.id, sessions.councilId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), gt(sessions.absoluteExpiresAt, now)))
  if (!row || !row.person.active) return null
  const teamRows = await db
    .select({ id: teams.id, name: teams.name, kind: teams.kind, patchId: teams.patchId })
    .from(memberships)
    .innerJoin(teams, and(eq(teams.id, memberships.teamId), eq(teams.councilId, memberships.councilId)))
    .where(and(eq(memberships.councilId, row.session.councilId), eq(memberships.personId, row.person.id)))
  let expiresAt = row.session.expiresAt
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    expiresAt = new Date(Math.min(now.getTime() + idleMinutes * 60_000, row.session.absoluteExpiresAt.getTime()))
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash))
  }
  const roles = row.person.roles as Role[]
  return {
    personId: row.person.id,
    councilId: row.session.councilId,
    councilName: row.councilName,
    name: row.person.name,
    email: row.person.email,
    roles,
    teams: teamRows,
    familyScope: familyScope({ roles, teams: teamRows }),
    sessionTokenHash: tokenHash,
    csrfToken: row.session.csrfToken,
    sessionExpiresAt: expiresAt,
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue.')
  return request.actor
}

export default fp<AuthOptions>(
  async (app, opts) => {
    app.decorateRequest('actor', null)
    app.decorate('routeTable', [])

    app.addHook('onRoute', (route) => {
      const url = route.url ?? route.path
      // Routes added by third-party plugins: the OpenAPI document and the built web app are public.
      if (!route.config?.access && (url.startsWith('/docs') || url === '/*' || url === '/')) {
        route.config = { ...(route.config ?? {}), access: 'public' }
      }
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      for (const method of methods) {
        if (method === 'HEAD' && !route.config?.access) continue
        app.routeTable.push({ method, url, access: route.config?.access })
      }
    })

    // Runs before the body is parsed or validated: a caller without access learns nothing about the route's schema.
    app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE]
      if (token) request.actor = await loadActor(opts.db, token, opts.idleMinutes)
      const access = request.routeOptions.config?.access
      if (!request.routeOptions.url) return // not-found handler
      if (access === 'public') return
      if (access === undefined) {
        throw new AppError('forbidden', 'You do not have access to this.', undefined, `route ${request.routeOptions.url} has no access rule`)
      }
      const actor = request.actor
      if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.')
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token']
        if (typeof sent !== 'string' || !sameString(sent, actor.csrfToken)) {
          throw new AppError('csrf_failed', 'This page has expired. Reload it and try again.')
        }
      }
      if (access !== 'signed_in' && !access.some((role) => actor.roles.includes(role))) {
        throw new AppError('forbidden', 'You do not have access to this.')
      }
    })
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
)

/** Creates a server-side session and sets its cookie. */
export async function startSession(
  db: Db,
  reply: FastifyReply,
  person: { id: string; councilId: string },
  opts: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean },
): Promise<{ csrfToken: string; expiresAt: Date }> {
  const token = newToken()
  const csrfToken = newToken()
  const now = Date.now()
  const absoluteExpiresAt = new Date(now + opts.absoluteHours * 3600_000)
  const expiresAt = new Date(Math.min(now + opts.idleMinutes * 60_000, absoluteExpiresAt.getTime()))
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    councilId: person.councilId,
    personId: person.id,
    csrfToken,
    expiresAt,
    absoluteExpiresAt,
  })
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: opts.cookieSecure,
    maxAge: opts.absoluteHours * 3600,
  })
  return { csrfToken, expiresAt }
}

export async function endSession(db: Db, reply: FastifyReply, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}

/** Signs a person out everywhere (deactivated, password changed). */
export async function endAllSessions(db: Db, councilId: string, personId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.councilId, councilId), eq(sessions.personId, personId)))
}
