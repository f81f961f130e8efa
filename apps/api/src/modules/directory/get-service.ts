import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { directoryServices } from '@hearth/db'
import { notFound } from '../../kernel/errors'
import { views } from './directory-queries'

export async function getService(deps: Deps, ctx: Ctx, id: string) {
  const { db } = deps
  const { councilId } = ctx
  const [row] = await db
    .select()
    .from(directoryServices)
    .where(and(eq(directoryServices.councilId, councilId), eq(directoryServices.id, id)))
  if (!row) throw notFound('service')
  return (await views(db, councilId, [row]))[0]!
}
