import type { FastifyRequest } from 'fastify'
import type { AuditEntry } from '@hearth/db/audit'
import type { Db } from '@hearth/db/client'

/**
 * The "who, from where" of a request: the half of every audit row that use-cases do not decide.
 * Every use-case takes it first; it carries the council, so it is also the tenant scope.
 */
export type Ctx = Pick<AuditEntry, 'councilId' | 'actorPersonId' | 'route' | 'method' | 'ip' | 'requestId'>

/**
 * The request's context: for signed-in routes (the auth hook has set the actor), and for the
 * family's link routes (no person: the audit rows name the link and who it was issued to).
 */
export function auditFrom(request: FastifyRequest): Ctx {
  if (!request.actor && request.familyLink) {
    return {
      councilId: request.familyLink.councilId,
      actorPersonId: null,
      route: request.routeOptions.url ?? null,
      method: request.method,
      ip: request.ip,
      requestId: request.id,
    }
  }
  if (!request.actor) throw new Error('auditFrom on a route without a signed-in actor')
  return {
    councilId: request.actor.councilId,
    actorPersonId: request.actor.personId,
    route: request.routeOptions.url ?? null,
    method: request.method,
    ip: request.ip,
    requestId: request.id,
  }
}

/** What a use-case may reach: the database. Always the first argument, then `Ctx`. */
export interface Deps {
  db: Db
}
