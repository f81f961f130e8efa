import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { people } from '@hearth/db/schema/organisation'
import type { SharingDecisionRow } from '@hearth/db/schema/sharing'
import type { SharingDecisionView } from '@hearth/contracts/sharing'

export async function decisionViews(
  db: Db,
  councilId: string,
  rows: SharingDecisionRow[],
): Promise<SharingDecisionView[]> {
  const ids = [...new Set(rows.map((r) => r.decidedBy))]
  const names = new Map(
    (ids.length
      ? await db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.councilId, councilId), inArray(people.id, ids)))
      : []
    ).map((p) => [p.id, p.name]),
  )
  return rows.map((r) => ({
    id: r.id,
    familyId: r.familyId,
    childId: r.childId,
    decision: r.decision,
    information: r.information,
    recipientKind: r.recipientKind,
    recipient: r.recipient,
    reason: r.reason,
    decidedOn: r.decidedOn,
    decidedByName: names.get(r.decidedBy) ?? '',
    recordedAt: r.recordedAt.toISOString(),
  }))
}
