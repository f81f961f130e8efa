import { and, asc, eq } from 'drizzle-orm'
import { adults, children, families } from '@hearth/db/schema/families'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

/**
 * Subject access requests (UK GDPR art. 15), handled by the information governance officer: the
 * family found by its reference whatever its team or restriction (the officer answers for the
 * council), the record gathered by the worker, each passage Hearth marks reviewed, the redacted
 * copy produced and sent, on a one-month clock. Here: the family found by its reference, with
 * its people (who may be asking).
 */
export async function sarFamily(deps: Deps, caller: Caller, reference: string) {
  const [family] = await deps.db
    .select({ id: families.id, reference: families.reference, name: families.name })
    .from(families)
    .where(and(eq(families.councilId, caller.councilId), eq(families.reference, reference)))
  if (!family) throw notFound('family with that reference')
  const [grown, kids] = await Promise.all([
    deps.db
      .select({ id: adults.id, name: adults.name })
      .from(adults)
      .where(and(eq(adults.councilId, caller.councilId), eq(adults.familyId, family.id)))
      .orderBy(asc(adults.name)),
    deps.db
      .select({ id: children.id, first: children.firstName, last: children.lastName })
      .from(children)
      .where(and(eq(children.councilId, caller.councilId), eq(children.familyId, family.id)))
      .orderBy(asc(children.firstName)),
  ])
  return {
    familyId: family.id,
    reference: family.reference,
    name: family.name,
    people: [
      ...grown.map((a) => ({ kind: 'adult' as const, id: a.id, name: a.name })),
      ...kids.map((c) => ({ kind: 'child' as const, id: c.id, name: `${c.first} ${c.last}` })),
    ],
  }
}
