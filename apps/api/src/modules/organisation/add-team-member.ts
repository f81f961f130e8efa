import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { memberships, teams } from '@hearth/db/schema/organisation'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { personOf } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function addTeamMember(deps: Deps, caller: Caller, teamId: string, personId: string) {
  const { db } = deps
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.councilId, caller.councilId), eq(teams.id, teamId)))
  if (!team) throw notFound('team')
  // team membership can open a patch's families: another administrator adds you
  if (personId === caller.audit.actorPersonId)
    throw invalid('body.personId', 'ask another administrator to add you to a team')
  const person = await personOf(db, caller.councilId, personId)
  if (!person) throw invalid('body.personId', 'there is no such person in this council')
  if (!person.active) throw invalid('body.personId', 'this person’s account is closed')
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(memberships)
      .values({ councilId: caller.councilId, teamId, personId })
      .onConflictDoNothing()
      .returning({ id: memberships.id })
    if (inserted.length === 0) throw new AppError('conflict', `${person.name} is already in this team.`)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'membership.create',
      recordType: 'team',
      recordId: teamId,
      details: { personId },
    })
  })
}
