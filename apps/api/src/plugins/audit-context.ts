import type { FastifyRequest } from 'fastify'
import type { AuditEntry } from '@hearth/db'

/** The "who, from where" half of an audit row, taken from the request. */
export function auditFrom(
  request: FastifyRequest,
): Pick<AuditEntry, 'councilId' | 'actorPersonId' | 'route' | 'method' | 'ip' | 'requestId'> {
  return {
    councilId: request.actor!.councilId,
    actorPersonId: request.actor!.personId,
    route: request.routeOptions.url ?? null,
    method: request.method,
    ip: request.ip,
    requestId: request.id,
  }
}
