import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { children } from '@hearth/db/schema/families'
import { notFound } from '../../kernel/errors'
import { familyInScope } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function getChild(deps: Deps, caller: Caller, childId: string) {
  const { db } = deps
  const { councilId } = caller.audit
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.id, childId)))
  if (!child) throw notFound('child')
  try {
    await familyInScope(db, councilId, caller.familyScope, child.familyId)
  } catch {
    throw notFound('child')
  }
  return child
}
