import type { Ctx, Deps } from '../../kernel/context'
import { and, asc, eq } from 'drizzle-orm'
import { adults, children, patches, relationships } from '@hearth/db'
import type { FamilyScope } from '@hearth/domain'
import { familyInScope } from './family-queries'

export async function getFamily(deps: Deps, ctx: Ctx, scope: FamilyScope, familyId: string) {
  const { db } = deps
  const { councilId } = ctx
  const family = await familyInScope(db, councilId, scope, familyId)
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
