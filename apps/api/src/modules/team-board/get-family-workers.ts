import type { Deps } from '../../kernel/context'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { openContactHolds } from '@hearth/db/contact'
import { familyLetters } from '@hearth/db/schema/contact'
import { adminTasks } from '@hearth/db/schema/enablers'
import { teams } from '@hearth/db/schema/organisation'
import { FAMILY_CONTACT_TASKS } from '@hearth/domain/contact-holds'
import { activeWorkers, names } from './team-board-queries'
import type { Caller } from '../../kernel/caller'

export async function getFamilyWorkers(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  const current = await activeWorkers(db, caller.councilId, familyId)
  const n = await names(
    db,
    caller.councilId,
    current.map((a) => a.personId),
  )
  const lead = current.find((a) => a.role === 'lead')
  const [team] = lead
    ? await db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.councilId, lead.councilId), eq(teams.id, lead.teamId)))
    : []
  // what Hearth would send the family by itself: with the enablers, or held for the lead's decision
  // read in one snapshot: the worker may turn a queued letter into its task between two reads,
  // and the letter must be counted once, as one or the other, never as neither
  const { withEnablers, held, queued, onHold } = await db.transaction(
    async (tx) => {
      const [{ withEnablers, held }] = (await tx
        .select({
          withEnablers: sql<number>`count(*) filter (where ${adminTasks.status} in ('open', 'claimed'))::int`,
          held: sql<number>`count(*) filter (where ${adminTasks.status} = 'held')::int`,
        })
        .from(adminTasks)
        .where(
          and(
            eq(adminTasks.councilId, caller.councilId),
            eq(adminTasks.familyId, familyId),
            inArray(adminTasks.taskType, [...FAMILY_CONTACT_TASKS]),
          ),
        )) as [{ withEnablers: number; held: number }]
      // a letter written a moment ago, before the worker has made its task: held if contact is
      const [{ queued }] = (await tx
        .select({ queued: sql<number>`count(*)::int` })
        .from(familyLetters)
        .where(
          and(
            eq(familyLetters.councilId, caller.councilId),
            eq(familyLetters.familyId, familyId),
            eq(familyLetters.status, 'to_send'),
            sql`not exists (select 1 from admin_tasks t where t.council_id = ${familyLetters.councilId}
          and t.source_key = 'letter:' || ${familyLetters.id}::text)`,
          ),
        )) as [{ queued: number }]
      const onHold = queued > 0 && (await openContactHolds(tx, caller.councilId, familyId)).length > 0
      return { withEnablers, held, queued, onHold }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
  return {
    holdingTeam: team ?? null,
    lead: lead ? { personId: lead.personId, name: n.get(lead.personId) ?? '' } : null,
    coWorkers: current
      .filter((a) => a.role === 'co_worker')
      .map((a) => ({ personId: a.personId, name: n.get(a.personId) ?? '' })),
    lettersWaiting: withEnablers + (onHold ? 0 : queued),
    lettersHeld: held + (onHold ? queued : 0),
  }
}
