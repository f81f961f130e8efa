import { and, desc, eq, gte, lt, sql } from 'drizzle-orm'
import { families } from '@hearth/db/schema/families'
import { notes } from '@hearth/db/schema/recording'
import { allocations } from '@hearth/db/schema/team-board'
import { visits } from '@hearth/db/schema/visits'
import { londonDateOf, startOfLondonDay } from '@hearth/domain/working-days'
import type { Deps } from '../../kernel/context'
import { restrictionCondition } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

/** How far back an unrecorded visit is still asked about. */
const LOOK_BACK_DAYS = 60

/**
 * Past visits and meetings the practitioner went to (or was booked for), or of a family they lead,
 * with nothing recorded:
 * no finalised note says what happened, whether it was kept, late, rearranged or missed. They
 * stay on My day until recorded, newest first (today's are listed with today's visits).
 */
export async function visitsToRecord(deps: Deps, caller: Caller, now = new Date()) {
  const rows = await deps.db
    .select({
      id: visits.id,
      familyId: visits.familyId,
      familyName: families.name,
      kind: visits.kind,
      startsAt: visits.startsAt,
      place: visits.place,
    })
    .from(visits)
    .innerJoin(families, and(eq(families.id, visits.familyId), eq(families.councilId, visits.councilId)))
    .where(
      and(
        eq(visits.councilId, caller.councilId),
        eq(visits.status, 'booked'),
        // today's are on My day already, under today's visits
        lt(visits.startsAt, startOfLondonDay(londonDateOf(now))),
        gte(visits.startsAt, new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000)),
        // the people who went, and the family's lead until somebody records it
        sql`(${caller.personId} = any(${visits.attendeeIds}) or exists (select 1 from ${allocations} a
          where a.council_id = ${visits.councilId} and a.family_id = ${visits.familyId}
          and a.person_id = ${caller.personId} and a.role = 'lead' and a.ended_at is null))`,
        sql`not exists (select 1 from ${notes} n where n.council_id = ${visits.councilId}
          and n.visit_id = ${visits.id} and n.status = 'final')`,
        // a restricted family's visits only for the staff named on it (as every list)
        restrictionCondition(caller.familyScope),
      ),
    )
    .orderBy(desc(visits.startsAt))
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() }))
}
