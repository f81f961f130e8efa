import { and, desc, eq } from 'drizzle-orm'
import { staffConflicts } from '@hearth/db/schema/conflicts'
import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'
import { conflictViews } from './conflict-views'

export async function listConflicts(deps: Deps, caller: Caller, personId?: string) {
  const rows = await deps.db
    .select()
    .from(staffConflicts)
    .where(
      and(eq(staffConflicts.councilId, caller.councilId), personId ? eq(staffConflicts.personId, personId) : undefined),
    )
    .orderBy(desc(staffConflicts.declaredAt))
  return { conflicts: await conflictViews(deps, caller.councilId, rows) }
}
