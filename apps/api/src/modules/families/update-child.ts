import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { refreshClocks } from '@hearth/db/case-process'
import { children } from '@hearth/db/schema/families'
import type { ChildUpdate } from '@hearth/contracts/families'
import { invalid, notFound } from '../../kernel/errors'
import { familyInScope } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function updateChild(deps: Deps, caller: Caller, childId: string, input: ChildUpdate) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const [child] = await tx
      .select()
      .from(children)
      .where(and(eq(children.councilId, caller.councilId), eq(children.id, childId)))
    if (!child) throw notFound('child')
    await familyInScope(tx, caller.councilId, caller.familyScope, child.familyId).catch(() => {
      throw notFound('child')
    })
    const merged = { ...child, ...input }
    if (merged.dateOfBirth && merged.expectedDateOfBirth) {
      throw invalid(
        'body.expectedDateOfBirth',
        'give a date of birth or an expected date of birth, not both (clear one with null)',
      )
    }
    if (!merged.dateOfBirth && !merged.expectedDateOfBirth)
      throw invalid('body.dateOfBirth', 'a child needs a date of birth or an expected date')
    if (merged.expectedDateOfBirth && merged.sex !== 'U') throw invalid('body.sex', 'an unborn child is recorded as U')
    const [row] = await tx
      .update(children)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(children.councilId, caller.councilId), eq(children.id, childId)))
      .returning()
    // the health and education clocks depend on the child's age
    if (input.dateOfBirth !== undefined && input.dateOfBirth !== child.dateOfBirth)
      await refreshClocks(tx, caller.councilId, [childId])
    await writeAudit(tx, {
      ...caller.audit,
      action: 'child.update',
      recordType: 'child',
      recordId: childId,
      familyId: child.familyId,
      childId,
      details: { fields: Object.keys(input) },
    })
    return row!
  })
}
