import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { adults, children, relationships } from '@hearth/db/schema/families'
import type { RelationshipInput } from '@hearth/contracts/families'
import { invalid } from '../../kernel/errors'
import { familyInScope } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function addRelationship(deps: Deps, caller: Caller, familyId: string, input: RelationshipInput) {
  const { db } = deps
  return db.transaction(async (tx) => {
    await familyInScope(tx, caller.councilId, caller.familyScope, familyId)
    const [adult] = await tx
      .select({ id: adults.id })
      .from(adults)
      .where(and(eq(adults.councilId, caller.councilId), eq(adults.familyId, familyId), eq(adults.id, input.adultId)))
    if (!adult) throw invalid('body.adultId', 'this person is not on the family’s record')
    const [child] = await tx
      .select({ id: children.id })
      .from(children)
      .where(
        and(eq(children.councilId, caller.councilId), eq(children.familyId, familyId), eq(children.id, input.childId)),
      )
    if (!child) throw invalid('body.childId', 'this child is not in the family')
    const [row] = await tx
      .insert(relationships)
      .values({
        councilId: caller.councilId,
        familyId,
        adultId: input.adultId,
        childId: input.childId,
        kind: input.kind,
        strengths: input.strengths ?? null,
        worries: input.worries ?? null,
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'relationship.create',
      recordType: 'relationship',
      recordId: row!.id,
      familyId,
      childId: input.childId,
    })
    return row!
  })
}
