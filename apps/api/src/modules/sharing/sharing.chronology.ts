import { and, eq } from 'drizzle-orm'
import { children } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { sharingDecisions } from '@hearth/db/schema/sharing'
import { chronologyPart } from '../families/chronology-parts'

/** Each decision to share information about a child, or not to, in words. */
export const chronology = chronologyPart({
  kinds: { sharing: 'Information sharing' },
  async entries({ deps, caller, familyId }) {
    const rows = await deps.db
      .select({ d: sharingDecisions, first: children.firstName, by: people.name })
      .from(sharingDecisions)
      .innerJoin(
        children,
        and(eq(children.councilId, sharingDecisions.councilId), eq(children.id, sharingDecisions.childId)),
      )
      .innerJoin(
        people,
        and(eq(people.councilId, sharingDecisions.councilId), eq(people.id, sharingDecisions.decidedBy)),
      )
      .where(and(eq(sharingDecisions.councilId, caller.councilId), eq(sharingDecisions.familyId, familyId)))
    return rows.map((r) => ({
      at: new Date(`${r.d.decidedOn}T12:00:00Z`),
      kind: 'sharing' as const,
      title: `${r.d.decision === 'share' ? 'Information shared' : 'Information not shared'} about ${r.first} with ${r.d.recipient}`,
      detail: `${r.d.information}. Why: ${r.d.reason}`,
      byName: r.by,
      link: null,
      childIds: [r.d.childId],
    }))
  },
})
