import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { memberships } from '@hearth/db/schema/organisation'
import { invalid, notFound } from '../../kernel/errors'
import { assertPresentInTeam, logDecision, myTeam, names } from './team-board-queries'
import type { Caller } from '../../kernel/caller'

/**
 * The team raises or lowers one person's cap, with a recorded decision. Raising it needs someone
 * besides that person present: a practitioner does not raise their own cap alone.
 */
export async function setCap(
  deps: Deps,
  caller: Caller,
  teamId: string,
  personId: string,
  input: { cap: number; reason: string; presentIds: string[] },
) {
  const { db } = deps
  const team = await myTeam(db, caller, teamId)
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ cap: memberships.caseloadCap })
      .from(memberships)
      .where(
        and(
          eq(memberships.councilId, caller.councilId),
          eq(memberships.teamId, teamId),
          eq(memberships.personId, personId),
        ),
      )
      .for('update')
    if (!before) throw notFound('team member')
    // More children for someone is the team's decision, never theirs alone.
    if (input.cap > (before.cap ?? team.caseloadCap) && !input.presentIds.some((id) => id !== personId)) {
      throw invalid(
        'body.presentIds',
        'raising a cap is a team decision: name at least one other team member who was there',
      )
    }
    const [m] = await tx
      .update(memberships)
      .set({ caseloadCap: input.cap })
      .where(
        and(
          eq(memberships.councilId, caller.councilId),
          eq(memberships.teamId, teamId),
          eq(memberships.personId, personId),
        ),
      )
      .returning()
    if (!m) throw notFound('team member')
    await assertPresentInTeam(tx, caller.councilId, teamId, input.presentIds)
    const n = await names(tx, caller.councilId, [personId])
    await logDecision(tx, {
      councilId: caller.councilId,
      teamId,
      kind: 'cap',
      summary: `${n.get(personId)}’s cap is now ${input.cap} children as lead. Why: ${input.reason}`,
      presentIds: input.presentIds,
      recordedBy: caller.personId,
      details: { personId, cap: input.cap },
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'cap.set',
      recordType: 'membership',
      recordId: m.id,
      details: { personId, cap: input.cap },
    })
  })
}
