import type { Ctx, Deps } from '../../kernel/context'
import { and, desc, eq } from 'drizzle-orm'
import { adminTasks } from '@hearth/db'
import { views } from './task-queries'

export async function listFamilyTasks(deps: Deps, ctx: Ctx, familyId: string) {
  const { db } = deps
  const rows = await db
    .select()
    .from(adminTasks)
    .where(and(eq(adminTasks.councilId, ctx.councilId), eq(adminTasks.familyId, familyId)))
    .orderBy(desc(adminTasks.createdAt))
    .limit(100)
  return views(db, ctx.councilId, rows)
}
