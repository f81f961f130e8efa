import { and, eq } from 'drizzle-orm'
import { insightRequests } from '@hearth/db/schema/insight'
import { people } from '@hearth/db/schema/organisation'
import { topicLabel } from '@hearth/domain/insight'
import { chronologyPart } from '../families/chronology-parts'

const ASKED = { consultation: 'Consultation', coaching: 'Coaching' } as const
const GIVEN = { consultation: 'Consultation advice', coaching: 'Coaching notes' } as const

/**
 * Consultation and coaching about the family: asked for, withdrawn or given. The advice is for
 * the team holding the family (or the team that asked, while nobody holds it), so nobody else
 * sees these lines.
 */
export const chronology = chronologyPart({
  kinds: { consultation: 'Consultation', coaching: 'Coaching' },
  async entries({ deps, caller, familyId, holderTeamId }) {
    const rows = await deps.db
      .select({ r: insightRequests, name: people.name })
      .from(insightRequests)
      .leftJoin(people, and(eq(people.id, insightRequests.takenBy), eq(people.councilId, insightRequests.councilId)))
      .where(and(eq(insightRequests.councilId, caller.councilId), eq(insightRequests.familyId, familyId)))
    const mine = caller.teams.map((t) => t.id)
    return rows
      .filter(({ r }) => mine.includes(holderTeamId ?? r.teamId))
      .map(({ r, name }) => {
        const kind = r.kind as keyof typeof ASKED
        const label = topicLabel(r.kind, r.topic)
        const line = { kind, byName: null as string | null, link: `/insight/requests/${r.id}` }
        if (r.status === 'withdrawn')
          return {
            ...line,
            at: r.askedAt,
            title: `${ASKED[kind]} asked for, then withdrawn: ${label}`,
            detail: r.question,
          }
        if (r.status === 'advice_given' && r.adviceAt)
          return { ...line, at: r.adviceAt, title: `${GIVEN[kind]}: ${label}`, detail: r.advice, byName: name }
        return { ...line, at: r.askedAt, title: `${ASKED[kind]} asked for: ${label}`, detail: r.question }
      })
  },
})
