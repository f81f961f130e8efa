import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { memberships } from '@hearth/db/schema/organisation'
import { notFound } from '../../kernel/errors'
import { assertHoldsNoFamilies } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function removeTeamMember(deps: Deps, caller: Caller, teamId: string, personId: string) {
  const { db } = deps
  await db.transaction(async (tx) => {
    await assertHoldsNoFamilies(
      tx,
      caller.councilId,
      personId,
      teamId,
      'params.personId',
      'They cannot leave the team yet',
    )
    const removed = await tx
      .delete(memberships)
      .where(
        and(
          eq(memberships.councilId, caller.councilId),
          eq(memberships.teamId, teamId),
          eq(memberships.personId, personId),
        ),
      )
      .returning({ id: memberships.id })
    if (removed.length === 0) throw notFound('team member')
    await writeAudit(tx, {
      ...caller.audit,
      action: 'membership.delete',
      recordType: 'team',
      recordId: teamId,
      details: { personId },
    })
  })
}
