import { and, eq, gte, lt } from 'drizzle-orm'
import { people } from '@hearth/db/schema/organisation'
import { dutyRota } from '@hearth/db/schema/team-board'
import { addCalendarDays } from '@hearth/domain/working-days'
import { myTeam } from './team-board-queries'
import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

export async function getRota(deps: Deps, caller: Caller, teamId: string, from: string, days = 14) {
  const { db } = deps
  await myTeam(db, caller, teamId)
  const to = addCalendarDays(from, days)
  const rows = await db
    .select({ day: dutyRota.day, personId: dutyRota.personId, name: people.name })
    .from(dutyRota)
    .innerJoin(people, and(eq(people.id, dutyRota.personId), eq(people.councilId, dutyRota.councilId)))
    .where(
      and(
        eq(dutyRota.councilId, caller.councilId),
        eq(dutyRota.teamId, teamId),
        gte(dutyRota.day, from),
        lt(dutyRota.day, to),
      ),
    )
  return Array.from({ length: days }, (_, i) => {
    const day = addCalendarDays(from, i)
    const r = rows.find((x) => x.day === day)
    return { day, personId: r?.personId ?? null, name: r?.name ?? null }
  })
}
