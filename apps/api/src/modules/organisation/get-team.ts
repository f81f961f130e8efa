import type { Deps } from '../../kernel/context'
import { and, asc, eq } from 'drizzle-orm'
import { memberships, people } from '@hearth/db/schema/organisation'
import type { Role } from '@hearth/domain/roles'
import { notFound } from '../../kernel/errors'
import { teamWithCounts } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function getTeam(deps: Deps, caller: Caller, teamId: string) {
  const { db } = deps
  const { councilId } = caller.audit
  const [team] = await teamWithCounts(db, councilId, teamId)
  if (!team) throw notFound('team')
  const members = await db
    .select({
      personId: people.id,
      name: people.name,
      email: people.email,
      roles: people.roles,
      active: people.active,
    })
    .from(memberships)
    .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.councilId, memberships.councilId)))
    .where(and(eq(memberships.councilId, councilId), eq(memberships.teamId, teamId)))
    .orderBy(asc(people.name))
  return { ...team, members: members.map((m) => ({ ...m, roles: m.roles as Role[] })) }
}
