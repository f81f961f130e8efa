import type { Deps } from '../../kernel/context'
import { and, desc, eq } from 'drizzle-orm'
import { adminTasks } from '@hearth/db/schema/enablers'
import { views } from './task-queries'
import type { Caller } from '../../kernel/caller'

export async function listFamilyTasks(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  const rows = await db
    .select()
    .from(adminTasks)
    .where(and(eq(adminTasks.councilId, caller.councilId), eq(adminTasks.familyId, familyId)))
    .orderBy(desc(adminTasks.createdAt))
    .limit(100)
  return views(db, caller.councilId, rows)
}
