import type { Deps } from '../../kernel/context'
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm'
import { children, families } from '@hearth/db/schema/families'
import { patches } from '@hearth/db/schema/organisation'
import { addressVisibleTo } from '@hearth/domain/confidential-address'
import { postcodeDistrict } from '@hearth/domain/postcode'
import { scopeCondition } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function listFamilies(
  deps: Deps,
  caller: Caller,
  q: { q?: string; limit: number; offset: number },
  personId?: string,
) {
  const { db } = deps
  const { councilId } = caller.audit
  const conditions = [scopeCondition(councilId, caller.familyScope)]
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conditions.push(
      or(
        ilike(families.name, like),
        ilike(families.reference, like),
        // a confidential address is not found by its postcode (except by those named on it)
        and(
          ilike(families.postcode, like),
          or(eq(families.addressConfidential, false), sql`${personId ?? null}::uuid = any(${families.addressShownTo})`),
        ),
        sql`exists (select 1 from ${children} c where c.council_id = ${families.councilId} and c.family_id = ${families.id} and (c.first_name || ' ' || c.last_name) ilike ${like})`,
      ),
    )
  }
  const rows = await db
    .select({
      id: families.id,
      reference: families.reference,
      name: families.name,
      postcode: families.postcode,
      addressConfidential: families.addressConfidential,
      addressShownTo: families.addressShownTo,
      patchId: families.patchId,
      patchName: patches.name,
      childCount: sql<number>`(select count(*)::int from ${children} c where c.council_id = ${families.councilId} and c.family_id = ${families.id})`,
    })
    .from(families)
    .leftJoin(patches, and(eq(patches.id, families.patchId), eq(patches.councilId, families.councilId)))
    .where(and(...conditions))
    .orderBy(asc(families.name), asc(families.reference))
    .limit(q.limit)
    .offset(q.offset)
  return rows.map(({ addressConfidential, addressShownTo, ...r }) => ({
    ...r,
    postcode: addressVisibleTo({ addressConfidential, addressShownTo }, personId ?? null)
      ? r.postcode
      : (postcodeDistrict(r.postcode) ?? 'Withheld'),
  }))
}
