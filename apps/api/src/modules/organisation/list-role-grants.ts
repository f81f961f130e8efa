import type { Deps } from '../../kernel/context'
import { and, asc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { people, roleGrants } from '@hearth/db/schema/organisation'
import type { Role } from '@hearth/domain/roles'
import type { Caller } from '../../kernel/caller'

/** Roles waiting for a second administrator, oldest first. */
export async function listRoleGrants(deps: Deps, caller: Caller) {
  const asker = alias(people, 'asker')
  const rows = await deps.db
    .select({
      id: roleGrants.id,
      personId: roleGrants.personId,
      personName: people.name,
      role: roleGrants.role,
      requestedBy: roleGrants.requestedBy,
      requestedByName: asker.name,
      requestedAt: roleGrants.requestedAt,
    })
    .from(roleGrants)
    .innerJoin(people, and(eq(people.id, roleGrants.personId), eq(people.councilId, roleGrants.councilId)))
    .innerJoin(asker, and(eq(asker.id, roleGrants.requestedBy), eq(asker.councilId, roleGrants.councilId)))
    .where(and(eq(roleGrants.councilId, caller.councilId), eq(roleGrants.status, 'pending')))
    .orderBy(asc(roleGrants.requestedAt))
  return rows.map(({ requestedBy, ...r }) => ({
    ...r,
    role: r.role as Role | 'new_password',
    requestedAt: r.requestedAt.toISOString(),
    canDecide: requestedBy !== caller.audit.actorPersonId && r.personId !== caller.audit.actorPersonId,
  }))
}
