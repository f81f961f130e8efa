import type { Deps } from '../../kernel/context'
import { and, asc, eq } from 'drizzle-orm'
import { adults, children, relationships } from '@hearth/db/schema/families'
import { patches } from '@hearth/db/schema/organisation'
import { familyInScope } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function getFamily(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  const { councilId } = caller.audit
  const family = await familyInScope(db, councilId, caller.familyScope, familyId)
  const [childRows, adultRows, relRows, patchRows] = await Promise.all([
    db
      .select()
      .from(children)
      .where(and(eq(children.councilId, councilId), eq(children.familyId, familyId)))
      .orderBy(asc(children.dateOfBirth)),
    db
      .select()
      .from(adults)
      .where(and(eq(adults.councilId, councilId), eq(adults.familyId, familyId)))
      .orderBy(asc(adults.name)),
    db
      .select()
      .from(relationships)
      .where(and(eq(relationships.councilId, councilId), eq(relationships.familyId, familyId))),
    family.patchId
      ? db
          .select({ name: patches.name })
          .from(patches)
          .where(and(eq(patches.councilId, councilId), eq(patches.id, family.patchId)))
      : Promise.resolve([]),
  ])
  return {
    ...family,
    patchName: patchRows[0]?.name ?? null,
    children: childRows,
    adults: adultRows,
    relationships: relRows,
  }
}
