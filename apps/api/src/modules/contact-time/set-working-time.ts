import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { leaveDays, memberships, people } from '@hearth/db/schema/organisation'
import { addCalendarDays } from '@hearth/domain/working-days'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { myTeam } from '../team-board/team-board-queries'
import type { Caller } from '../../kernel/caller'

/** Only a member of the actor's own family-facing team. */
async function teamMember(deps: Deps, caller: Caller, teamId: string, personId: string) {
  await myTeam(deps.db, caller, teamId)
  const [m] = await deps.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.councilId, caller.councilId),
        eq(memberships.teamId, teamId),
        eq(memberships.personId, personId),
      ),
    )
  if (!m) throw notFound('team member')
}

/** The team sets a member's working minutes for each day (part-time patterns included). */
export async function setWorkingPattern(
  deps: Deps,
  caller: Caller,
  teamId: string,
  personId: string,
  minutes: number[],
) {
  await teamMember(deps, caller, teamId, personId)
  await deps.db.transaction(async (tx) => {
    await tx
      .update(people)
      .set({ workingPattern: minutes, updatedAt: new Date() })
      .where(and(eq(people.councilId, caller.councilId), eq(people.id, personId)))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'person.working_pattern',
      recordType: 'person',
      recordId: personId,
      details: { minutes },
    })
  })
}

/** The team records a member's leave, day by day (a day already recorded stays as it is). */
export async function setLeave(
  deps: Deps,
  caller: Caller,
  teamId: string,
  personId: string,
  input: { from: string; to: string },
) {
  await teamMember(deps, caller, teamId, personId)
  const days: string[] = []
  for (let d = input.from; d <= input.to; d = addCalendarDays(d, 1)) days.push(d)
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(leaveDays)
      .values(days.map((day) => ({ councilId: caller.councilId, personId, day })))
      .onConflictDoNothing()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'person.leave',
      recordType: 'person',
      recordId: personId,
      details: { from: input.from, to: input.to },
    })
  })
}
