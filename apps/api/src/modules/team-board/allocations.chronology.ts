import { and, eq } from 'drizzle-orm'
import { people, teams } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { chronologyPart } from '../families/chronology-parts'

/** Who held the family: each lead worker and co-worker, when they started and stopped. */
export const chronology = chronologyPart({
  kinds: { allocation: 'Workers' },
  async entries({ deps, caller, familyId }) {
    const rows = await deps.db
      .select({ a: allocations, name: people.name, team: teams.name })
      .from(allocations)
      .innerJoin(people, and(eq(people.id, allocations.personId), eq(people.councilId, allocations.councilId)))
      .innerJoin(teams, and(eq(teams.id, allocations.teamId), eq(teams.councilId, allocations.councilId)))
      .where(and(eq(allocations.councilId, caller.councilId), eq(allocations.familyId, familyId)))
    return rows.flatMap(({ a, name, team }) => {
      const role = a.role === 'lead' ? 'lead worker' : 'co-worker'
      const started = {
        at: a.startedAt,
        kind: 'allocation' as const,
        title: `${name} became ${role} (${team})`,
        detail: null,
        byName: null,
        link: null,
      }
      if (!a.endedAt) return [started]
      return [
        started,
        {
          at: a.endedAt,
          kind: 'allocation' as const,
          title: `${name} stopped as ${role}`,
          detail: a.endedReason,
          byName: null,
          link: null,
        },
      ]
    })
  },
})
