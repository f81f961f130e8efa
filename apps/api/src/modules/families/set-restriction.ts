import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { families } from '@hearth/db/schema/families'
import type { Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import { familyInScope, namedStaff } from './family-queries'
import type { Caller } from '../../kernel/caller'

/**
 * Restricts the family's record (a child placed for adoption; a family of a member of staff; a
 * case in the news) to the staff named: everyone else gets "not found" from every route, list and
 * search. Only someone who can read it now may restrict it or change who is named; they are always named.
 */
export async function setRestriction(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: { restricted: boolean; namedPeople: string[]; reason?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    await familyInScope(tx, caller.councilId, caller.familyScope, familyId)
    const named = await namedStaff(tx, caller.councilId, caller.personId, input.namedPeople, 'body.namedPeople')
    if (input.restricted && !input.reason) throw invalid('body.reason', 'say why the record is restricted')
    const [row] = await tx
      .update(families)
      .set({
        restricted: input.restricted,
        restrictedTo: input.restricted ? named : [],
        restrictedReason: input.restricted ? (input.reason ?? null) : null,
        updatedAt: new Date(),
      })
      .where(and(eq(families.councilId, caller.councilId), eq(families.id, familyId)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: input.restricted ? 'family.restrict' : 'family.unrestrict',
      recordType: 'family',
      recordId: familyId,
      familyId,
      details: { namedPeople: input.restricted ? named : [] },
    })
    return row!
  })
}
