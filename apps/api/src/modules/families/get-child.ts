import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { children } from '@hearth/db'
import type { FamilyScope } from '@hearth/domain'
import { notFound } from '../../kernel/errors'
import { familyInScope } from './family-queries'

export async function getChild(deps: Deps, ctx: Ctx, scope: FamilyScope, childId: string) {
  const { db } = deps
  const { councilId } = ctx
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.id, childId)))
  if (!child) throw notFound('child')
  try {
    await familyInScope(db, councilId, scope, child.familyId)
  } catch {
    throw notFound('child')
  }
  return child
}
