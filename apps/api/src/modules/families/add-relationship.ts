import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { adults, children, relationships, writeAudit } from '@hearth/db'
import type { RelationshipInput } from '@hearth/contracts'
import type { FamilyScope } from '@hearth/domain'
import { invalid } from '../../kernel/errors'
import { familyInScope } from './family-queries'

export async function addRelationship(
  deps: Deps,
  ctx: Ctx,
  scope: FamilyScope,
  familyId: string,
  input: RelationshipInput,
) {
  const { db } = deps
  return db.transaction(async (tx) => {
    await familyInScope(tx, ctx.councilId, scope, familyId)
    const [adult] = await tx
      .select({ id: adults.id })
      .from(adults)
      .where(and(eq(adults.councilId, ctx.councilId), eq(adults.familyId, familyId), eq(adults.id, input.adultId)))
    if (!adult) throw invalid('body.adultId', 'this person is not on the family’s record')
    const [child] = await tx
      .select({ id: children.id })
      .from(children)
      .where(
        and(eq(children.councilId, ctx.councilId), eq(children.familyId, familyId), eq(children.id, input.childId)),
      )
    if (!child) throw invalid('body.childId', 'this child is not in the family')
    const [row] = await tx
      .insert(relationships)
      .values({
        councilId: ctx.councilId,
        familyId,
        adultId: input.adultId,
        childId: input.childId,
        kind: input.kind,
        strengths: input.strengths ?? null,
        worries: input.worries ?? null,
      })
      .returning()
    await writeAudit(tx, {
      ...ctx,
      action: 'relationship.create',
      recordType: 'relationship',
      recordId: row!.id,
      familyId,
      childId: input.childId,
    })
    return row!
  })
}
