import type { FastifyRequest } from 'fastify'
import type { Actor } from '../plugins/auth'
import type { LinkHolder } from '../plugins/family-link'
import { auditFrom, type Ctx } from './context'
import { AppError } from './errors'

/**
 * Who is calling: built once per request, the one thing a use-case is told about its caller.
 * A member of staff carries their council, person, roles, teams and family scope (restrictions,
 * conflicts and broken glass), and `audit`, the "who, from where" half of every audit row.
 * Use-cases take `(deps, caller, ...ids, input)`; nothing else about the request reaches them.
 */
export interface Caller extends Omit<Actor, 'sessionTokenHash' | 'csrfToken' | 'sessionExpiresAt'> {
  kind: 'staff'
  audit: Ctx
}

/** A family's link holder: no account and no person; the link is who they are. */
export interface LinkCaller {
  kind: 'family_link'
  councilId: string
  holder: LinkHolder
  audit: Ctx
}

const built = new WeakMap<FastifyRequest, Caller | LinkCaller>()

/** The signed-in member of staff calling this route (401 when nobody is signed in). */
export function callerOf(request: FastifyRequest): Caller {
  const cached = built.get(request)
  if (cached?.kind === 'staff') return cached
  const actor = request.actor
  if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.')
  const { sessionTokenHash: _h, csrfToken: _c, sessionExpiresAt: _e, ...who } = actor
  const caller: Caller = { ...who, kind: 'staff', audit: auditFrom(request) }
  built.set(request, caller)
  return caller
}

/** The family link holder calling one of the family's own routes (404 as for any bad link). */
export function linkCallerOf(request: FastifyRequest): LinkCaller {
  const cached = built.get(request)
  if (cached?.kind === 'family_link') return cached
  const holder = request.familyLink
  // the family-link hook answered 404 already when there is no link; this is belt and braces
  if (!holder || request.actor) throw new AppError('not_found', 'There is nothing at this address.')
  const caller: LinkCaller = { kind: 'family_link', councilId: holder.councilId, holder, audit: auditFrom(request) }
  built.set(request, caller)
  return caller
}
