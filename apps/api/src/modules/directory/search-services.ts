import type { Deps } from '../../kernel/context'
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import {
  directoryCostOptions,
  directoryEligibility,
  directoryOrganisations,
  directoryServices,
} from '@hearth/db/schema/directory'
import { patches } from '@hearth/db/schema/organisation'
import { invalid } from '../../kernel/errors'
import { type ServiceQuery, views } from './directory-queries'
import type { Caller } from '../../kernel/caller'

export async function searchServices(deps: Deps, caller: Caller, q: ServiceQuery) {
  const { db } = deps
  const { councilId } = caller.audit
  const conds: (SQL | undefined)[] = [
    eq(directoryServices.councilId, councilId),
    inArray(directoryServices.status, ['active', 'temporarily closed']),
  ]
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conds.push(
      or(
        ilike(directoryServices.name, like),
        ilike(directoryServices.description, like),
        sql`exists (select 1 from ${directoryOrganisations} o where o.council_id = ${directoryServices.councilId} and o.id = ${directoryServices.organisationId} and o.name ilike ${like})`,
      ),
    )
  }
  if (q.need) conds.push(sql`${q.need} = any(${directoryServices.needs})`)
  if (q.age !== undefined) {
    conds.push(sql`(not exists (select 1 from ${directoryEligibility} e where e.council_id = ${councilId} and e.service_id = ${directoryServices.id} and (e.minimum_age is not null or e.maximum_age is not null))
      or exists (select 1 from ${directoryEligibility} e where e.council_id = ${councilId} and e.service_id = ${directoryServices.id} and coalesce(e.minimum_age, 0) <= ${q.age} and coalesce(e.maximum_age, 200) >= ${q.age}))`)
  }
  if (q.patchId) {
    const [p] = await db
      .select({ name: patches.name })
      .from(patches)
      .where(and(eq(patches.councilId, councilId), eq(patches.id, q.patchId)))
    if (!p) throw invalid('query.patchId', 'not one of this council’s patches')
    conds.push(
      sql`(cardinality(${directoryServices.areas}) = 0 or ${p.name.toLowerCase()} = any(${directoryServices.areas}) or 'whole council' = any(${directoryServices.areas}))`,
    )
  }
  if (q.cost)
    conds.push(
      sql`exists (select 1 from ${directoryCostOptions} c where c.council_id = ${councilId} and c.service_id = ${directoryServices.id} and c.option = ${q.cost})`,
    )
  const where = and(...conds)
  const limit = q.limit ?? 20
  const offset = q.offset ?? 0
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(directoryServices)
      .where(where)
      .orderBy(asc(directoryServices.name), asc(directoryServices.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(directoryServices).where(where),
  ])
  return { total: count?.n ?? 0, offset, services: await views(db, councilId, rows) }
}
