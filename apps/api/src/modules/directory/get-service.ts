import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { directoryServices } from '@hearth/db/schema/directory'
import { notFound } from '../../kernel/errors'
import { views } from './directory-queries'
import type { Caller } from '../../kernel/caller'

export async function getService(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const { councilId } = caller.audit
  const [row] = await db
    .select()
    .from(directoryServices)
    .where(and(eq(directoryServices.councilId, councilId), eq(directoryServices.id, id)))
  if (!row) throw notFound('service')
  return (await views(db, councilId, [row]))[0]!
}
