import { eq, sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '@hearth/db/client'
import { councilOfToken, fleetInScope, inCouncil } from '@hearth/db/fleet'
import { sessions } from '@hearth/db/schema/auth'
import { staffConflicts } from '@hearth/db/schema/conflicts'
import { councils } from '@hearth/db/schema/councils'
import { breakGlass } from '@hearth/db/schema/families'
import { memberships, people, teams } from '@hearth/db/schema/organisation'
import { familyScope, type FamilyScope } from '@hearth/domain/access'
import type { Role, TeamKind } from '@hearth/domain/roles'
import { AppError } from '../kernel/errors'
import { hashToken, newToken, sameString } from '../kernel/tokens'
import type { ActorCache, CachedActorRow } from '../kernel/actor-cache'
import type { Reads } from '../kernel/reads'
import type { FamilyDeclaration } from '../kernel/family-access'

/** Every route declares who may call it; a route without a rule is refused (deny by default). */
/** `family_link`: opened by a family's private link (plugins/family-link.ts), never a staff session. */
export type Access = 'public' | 'signed_in' | 'family_link' | readonly Role[]

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
    routeTable: {
      method: string
      url: string
      access: Access | undefined
      reads: Reads | undefined
      family: FamilyDeclaration | undefined
    }[]
  }
}

export const SESSION_COOKIE = 'hearth_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Do not rewrite the session row on every request: push expiry forward at most once a minute. */
const TOUCH_EVERY_MS = 60_000

export interface AuthOptions {
  db: Db
  /** The process's actor cache (none: every request looks the session up). */
  cache?: ActorCache | null
  idleMinutes: number
  absoluteHours: number
  cookieSecure: boolean
}

/**
 * One round trip: the session, its person and council, and the person's teams. Runs on every
 * request (which pushes the idle expiry forward) unless the process's actor cache has the session
 * (kernel/actor-cache.ts); `touch: false` only looks, always in the database (a live stream
 * re-checking its session is not activity).
 */
export async function loadActor(
  db: Db,
  tokenHash: string,
  idleMinutes: number,
  { touch = true, cache }: { touch?: boolean; cache?: ActorCache | null } = {},
): Promise<Actor | null> {
  const now = new Date()
  let row = touch ? (cache?.get(tokenHash, now) ?? null) : null
  if (!row) {
    const gen = cache?.generation() ?? 0
    row = await actorRow(db, tokenHash, now)
    if (!row?.active) return null
    if (touch) cache?.set(tokenHash, row, gen)
  }
  if (touch && now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(Math.min(now.getTime() + idleMinutes * 60_000, row.absoluteExpiresAt.getTime()))
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash))
    row.lastSeenAt = now
    row.expiresAt = expiresAt
  }
  const roles = row.roles as Role[]
  const teamRows = row.teams as Actor['teams']
  const glass = row.glass.filter((g) => g.until.getTime() > now.getTime()).map((g) => g.familyId)
  return {
    personId: row.personId,
    councilId: row.councilId,
    councilName: row.councilName,
    name: row.name,
    email: row.email,
    roles,
    teams: teamRows,
    familyScope: familyScope({ roles, teams: teamRows, conflicts: row.conflicts, personId: row.personId, glass }),
    sessionTokenHash: tokenHash,
    csrfToken: row.csrfToken,
    sessionExpiresAt: row.expiresAt,
  }
}

/** The session's row with everything an actor is made of, or null (no such session, expired). */
async function actorRow(db: Db, tokenHash: string, now: Date): Promise<CachedActorRow | null> {
  const result = await db.execute(sql`
    select s.council_id, s.csrf_token, s.expires_at, s.absolute_expires_at, s.last_seen_at,
           p.id as person_id, p.name, p.email, p.roles, p.active, c.name as council_name,
           coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name, 'kind', t.kind, 'patchId', t.patch_id) order by t.name)
                     from ${memberships} m join ${teams} t on t.id = m.team_id and t.council_id = m.council_id
                     where m.council_id = s.council_id and m.person_id = p.id), '[]'::json) as teams,
           coalesce((select json_agg(sc.family_id) from ${staffConflicts} sc
                     where sc.council_id = s.council_id and sc.person_id = p.id and sc.ended_at is null), '[]'::json) as conflicts,
           coalesce((select json_agg(json_build_object('familyId', bg.family_id, 'until', bg.expires_at))
                     from ${breakGlass} bg
                     where bg.council_id = s.council_id and bg.person_id = p.id and bg.expires_at > ${now}), '[]'::json) as glass
    from ${sessions} s
    join ${people} p on p.id = s.person_id and p.council_id = s.council_id
    join ${councils} c on c.id = s.council_id
    where s.token_hash = ${tokenHash} and s.expires_at > ${now} and s.absolute_expires_at > ${now}`)
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] as
    | {
        council_id: string
        csrf_token: string
        expires_at: Date | string
        absolute_expires_at: Date | string
        last_seen_at: Date | string
        person_id: string
        name: string
        email: string
        roles: Role[]
        active: boolean
        council_name: string
        teams: Actor['teams'] | string
        conflicts: string[] | string
        glass: { familyId: string; until: string }[] | string
      }
    | undefined
  if (!row) return null
  const json = <T>(v: T | string) => (typeof v === 'string' ? JSON.parse(v) : v) as T
  return {
    personId: row.person_id,
    councilId: row.council_id,
    councilName: row.council_name,
    name: row.name,
    email: row.email,
    roles: row.roles,
    active: row.active,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    absoluteExpiresAt: new Date(row.absolute_expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    teams: json(row.teams),
    conflicts: json(row.conflicts),
    glass: json(row.glass).map((g) => ({ familyId: g.familyId, until: new Date(g.until) })),
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
        app.routeTable.push({
          method,
          url,
          access: route.config?.access,
          reads: route.config?.reads,
          family: route.config?.family,
        })
      }
    })

    // Runs before the body is parsed or validated: a caller without access learns nothing about the route's schema.
    app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE]
      // the token names its council (`<council id>.<secret>`): its server has the session
      const council = token ? councilOfToken(token) : null
      if (council) inCouncil(council)
      if (token && (council || (fleetInScope()?.size ?? 1) === 1)) {
        request.actor = await loadActor(opts.db, hashToken(token), opts.idleMinutes, { cache: opts.cache })
        // every statement of the rest of the request goes to the person's council's server
        if (request.actor) inCouncil(request.actor.councilId)
      }
      const access = request.routeOptions.config?.access
      if (!request.routeOptions.url) return // not-found handler
      if (access === 'public' || access === 'family_link') return
      if (access === undefined) {
        throw new AppError(
          'forbidden',
          'You do not have access to this.',
          undefined,
          `route ${request.routeOptions.url} has no access rule`,
        )
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
  // the council first, so that any API process finds the session's server from the token alone
  const token = `${person.councilId}.${newToken()}`
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
