import { and, asc, eq, ilike, sql } from 'drizzle-orm'
import { adults, children, families } from '@hearth/db/schema/families'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'

const MATCHES = 20
/** `%` and `_` typed by the officer are letters, not wildcards. */
const contains = (name: string) => `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * The adults and children whose names contain what the officer typed, with their family's
 * reference: someone asking for their information rarely knows the family's reference. The
 * officer answers for the whole council, restricted families included (as by reference).
 */
export async function findSarPeople(deps: Deps, caller: Caller, name: string) {
  const like = contains(name.replace(/\s+/g, ' ').trim())
  const fullName = sql<string>`${children.firstName} || ' ' || ${children.lastName}`
  const [grown, kids] = await Promise.all([
    deps.db
      .select({
        familyId: families.id,
        reference: families.reference,
        familyName: families.name,
        id: adults.id,
        name: adults.name,
      })
      .from(adults)
      .innerJoin(families, and(eq(families.councilId, adults.councilId), eq(families.id, adults.familyId)))
      .where(and(eq(adults.councilId, caller.councilId), ilike(adults.name, like)))
      .orderBy(asc(adults.name))
      .limit(MATCHES),
    deps.db
      .select({
        familyId: families.id,
        reference: families.reference,
        familyName: families.name,
        id: children.id,
        name: fullName,
        dateOfBirth: children.dateOfBirth,
      })
      .from(children)
      .innerJoin(families, and(eq(families.councilId, children.councilId), eq(families.id, children.familyId)))
      .where(and(eq(children.councilId, caller.councilId), ilike(fullName, like)))
      .orderBy(asc(children.firstName), asc(children.lastName))
      .limit(MATCHES),
  ])
  return {
    matches: [
      ...grown.map((a) => ({ ...a, kind: 'adult' as const, dateOfBirth: null })),
      ...kids.map((c) => ({ ...c, kind: 'child' as const, dateOfBirth: c.dateOfBirth ?? null })),
    ].slice(0, MATCHES),
  }
}
