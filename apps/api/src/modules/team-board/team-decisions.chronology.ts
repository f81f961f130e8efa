import { and, eq } from 'drizzle-orm'
import { people } from '@hearth/db/schema/organisation'
import { teamDecisions } from '@hearth/db/schema/team-board'
import { chronologyPart } from '../families/chronology-parts'

/** What the team decided together about the family. */
export const chronology = chronologyPart({
  kinds: { team_decision: 'Team decision' },
  async entries({ deps, caller, familyId }) {
    const rows = await deps.db
      .select({ t: teamDecisions, name: people.name })
      .from(teamDecisions)
      .innerJoin(people, and(eq(people.id, teamDecisions.recordedBy), eq(people.councilId, teamDecisions.councilId)))
      .where(and(eq(teamDecisions.councilId, caller.councilId), eq(teamDecisions.familyId, familyId)))
    return rows.map(({ t, name }) => ({
      at: t.decidedAt,
      kind: 'team_decision' as const,
      title: 'Team decision',
      detail: t.summary,
      byName: name,
      link: null,
    }))
  },
})
