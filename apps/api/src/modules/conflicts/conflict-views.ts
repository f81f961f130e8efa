import { and, eq, inArray } from 'drizzle-orm'
import type { StaffConflict } from '@hearth/db/schema/conflicts'
import { families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import type { Deps } from '../../kernel/context'

export async function conflictViews(deps: Deps, councilId: string, rows: StaffConflict[]) {
  if (!rows.length) return []
  const fams = await deps.db
    .select({ id: families.id, reference: families.reference })
    .from(families)
    .where(and(eq(families.councilId, councilId), inArray(families.id, [...new Set(rows.map((r) => r.familyId))])))
  const staff = await deps.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.councilId, councilId), inArray(people.id, [...new Set(rows.map((r) => r.personId))])))
  const ref = new Map(fams.map((f) => [f.id, f.reference]))
  const name = new Map(staff.map((p) => [p.id, p.name]))
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: name.get(r.personId) ?? '',
    familyId: r.familyId,
    familyReference: ref.get(r.familyId) ?? '',
    reason: r.reason,
    declaredAt: r.declaredAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    endReason: r.endReason,
  }))
}
