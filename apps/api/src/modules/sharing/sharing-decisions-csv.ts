import { and, asc, eq, gte, lte } from 'drizzle-orm'
import { children, families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { sharingDecisions } from '@hearth/db/schema/sharing'
import { toCsv } from '@hearth/domain/csv'
import { SHARING_DECISIONS, SHARING_RECIPIENT_KINDS } from '@hearth/domain/sharing'
import type { Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

/** Every decision in a period, for the council's audit of its information sharing (CSV). */
export async function sharingDecisionsCsv(deps: Deps, caller: Caller, from: string, to: string) {
  if (to < from) throw invalid('query.to', 'must be on or after the first day')
  const rows = await deps.db
    .select({
      d: sharingDecisions,
      laChildId: children.laChildId,
      reference: families.reference,
      by: people.name,
    })
    .from(sharingDecisions)
    .innerJoin(
      children,
      and(eq(children.councilId, sharingDecisions.councilId), eq(children.id, sharingDecisions.childId)),
    )
    .innerJoin(
      families,
      and(eq(families.councilId, sharingDecisions.councilId), eq(families.id, sharingDecisions.familyId)),
    )
    .innerJoin(people, and(eq(people.councilId, sharingDecisions.councilId), eq(people.id, sharingDecisions.decidedBy)))
    .where(
      and(
        eq(sharingDecisions.councilId, caller.councilId),
        gte(sharingDecisions.decidedOn, from),
        lte(sharingDecisions.decidedOn, to),
      ),
    )
    .orderBy(asc(sharingDecisions.decidedOn), asc(sharingDecisions.recordedAt))
  return toCsv(
    [
      'Decided on',
      'Decision',
      'Child (LAchildID)',
      'Family',
      'Kind of agency',
      'With whom',
      'What information',
      'Why, for the child',
      'Decided by',
      'Recorded at',
    ],
    rows.map((r) => [
      r.d.decidedOn,
      SHARING_DECISIONS[r.d.decision],
      r.laChildId,
      r.reference,
      SHARING_RECIPIENT_KINDS[r.d.recipientKind],
      r.d.recipient,
      r.d.information,
      r.d.reason,
      r.by,
      r.d.recordedAt.toISOString(),
    ]),
  )
}
