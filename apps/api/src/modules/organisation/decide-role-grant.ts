import type { Deps } from '../../kernel/context'
import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { people, roleGrants } from '@hearth/db/schema/organisation'
import { AppError, notFound } from '../../kernel/errors'
import { NEW_PASSWORD } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

/**
 * A second administrator approves or refuses a role: not the one who asked for it, and not the
 * person it is for. Approved, the role is added at once (the person's live streams are re-checked
 * by the route). Decided once: a grant already decided is a 409.
 */
export async function decideRoleGrant(deps: Deps, caller: Caller, grantId: string, approve: boolean) {
  return deps.db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.councilId, caller.councilId), eq(roleGrants.id, grantId)))
      .for('update')
    if (!grant) throw notFound('role to approve')
    if (grant.status !== 'pending') throw new AppError('conflict', 'This role has already been decided.')
    if (grant.requestedBy === caller.audit.actorPersonId || grant.personId === caller.audit.actorPersonId) {
      throw new AppError(
        'forbidden',
        'A second administrator must decide this: not the one who asked for it, and not the person it is for.',
      )
    }
    const [person] = await tx
      .select({ active: people.active })
      .from(people)
      .where(and(eq(people.councilId, caller.councilId), eq(people.id, grant.personId)))
    if (approve && !person?.active) throw new AppError('conflict', 'This person’s account is closed.')
    const decided = await tx
      .update(roleGrants)
      .set({
        status: approve ? 'approved' : 'refused',
        decidedBy: caller.audit.actorPersonId,
        decidedAt: new Date(),
        passwordHash: null,
      })
      .where(
        and(eq(roleGrants.councilId, caller.councilId), eq(roleGrants.id, grantId), eq(roleGrants.status, 'pending')),
      )
      .returning({ id: roleGrants.id })
    if (decided.length === 0) throw new AppError('conflict', 'This role has already been decided.')
    const password = grant.role === NEW_PASSWORD
    if (approve && password) {
      // the password another administrator set: from now on, and every session of theirs ends
      await tx
        .update(people)
        .set({ passwordHash: grant.passwordHash!, failedSignIns: 0, lockedUntil: null, updatedAt: new Date() })
        .where(and(eq(people.councilId, caller.councilId), eq(people.id, grant.personId)))
    } else if (approve) {
      await tx
        .update(people)
        .set({
          roles: sql`case when ${grant.role} = any(${people.roles}) then ${people.roles}
            else array_append(${people.roles}, ${grant.role}::text) end`,
          updatedAt: new Date(),
        })
        .where(and(eq(people.councilId, caller.councilId), eq(people.id, grant.personId)))
    }
    await writeAudit(tx, {
      ...caller.audit,
      action: password
        ? approve
          ? 'password.approved'
          : 'password.refused'
        : approve
          ? 'role.approved'
          : 'role.refused',
      recordType: 'person',
      recordId: grant.personId,
      details: { role: grant.role, grantId, askedBy: grant.requestedBy },
    })
    return { personId: grant.personId, endSessions: approve && password }
  })
}
