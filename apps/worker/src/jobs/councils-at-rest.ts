import { asc, sql } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { councils } from '@hearth/db/schema/councils'

/**
 * The councils a round of the worker's scheduled jobs works on: every council here except one
 * being moved away, or its copy left until the move is confirmed (their rows are frozen).
 */
export async function councilsAtRest(db: Db, only?: string): Promise<string[]> {
  if (only) return [only]
  const rows = await db
    .select({ id: councils.id })
    .from(councils)
    .where(sql`not exists (select 1 from hearth_frozen_councils f where f.council_id = ${councils.id})`)
    .orderBy(asc(councils.id))
  return rows.map((c) => c.id)
}
