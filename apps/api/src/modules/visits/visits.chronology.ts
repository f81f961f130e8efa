import { and, eq } from 'drizzle-orm'
import { visits } from '@hearth/db/schema/visits'
import { VISIT_KINDS, type VisitKind } from '@hearth/domain/allocation'
import { chronologyPart } from '../families/chronology-parts'

/** Visits made, booked and cancelled (with why). */
export const chronology = chronologyPart({
  kinds: { visit: 'Visit' },
  async entries({ deps, caller, familyId }) {
    const rows = await deps.db
      .select()
      .from(visits)
      .where(and(eq(visits.councilId, caller.councilId), eq(visits.familyId, familyId)))
    const now = Date.now()
    return rows.map((v) => {
      const when = v.status === 'cancelled' ? ' (cancelled)' : v.startsAt.getTime() > now ? ' (booked)' : ''
      return {
        at: v.startsAt,
        kind: 'visit' as const,
        title: `${VISIT_KINDS[v.kind as VisitKind] ?? v.kind}${when}`,
        detail: v.status === 'cancelled' ? v.lastChangeReason : v.place,
        byName: null,
        link: null,
      }
    })
  },
})
