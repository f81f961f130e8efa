import { and, eq } from 'drizzle-orm'
import { children, people, sharingDecisions } from '@hearth/db'
import type { Deps } from '../../kernel/context'

/** On the family's chronology: each decision, in words. */
export async function sharingChronology(deps: Deps, councilId: string, familyId: string) {
  const rows = await deps.db
    .select({ d: sharingDecisions, first: children.firstName, by: people.name })
    .from(sharingDecisions)
    .innerJoin(
      children,
      and(eq(children.councilId, sharingDecisions.councilId), eq(children.id, sharingDecisions.childId)),
    )
    .innerJoin(people, and(eq(people.councilId, sharingDecisions.councilId), eq(people.id, sharingDecisions.decidedBy)))
    .where(and(eq(sharingDecisions.councilId, councilId), eq(sharingDecisions.familyId, familyId)))
  return rows.map((r) => ({
    at: new Date(`${r.d.decidedOn}T12:00:00Z`),
    title: `${r.d.decision === 'share' ? 'Information shared' : 'Information not shared'} about ${r.first} with ${r.d.recipient}`,
    detail: `${r.d.information}. Why: ${r.d.reason}`,
    byName: r.by,
    childIds: [r.d.childId],
  }))
}
