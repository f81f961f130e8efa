import { sql } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { familyLinks } from '@hearth/db/schema/family-voice'
import { LINK_CODE_ATTEMPTS } from '@hearth/domain/family-voice'

/** A wrong short code: counted in one statement; the last allowed failure stops the link. */
export async function wrongCode(db: Db | Tx, councilId: string, linkId: string) {
  await db.execute(sql`
    update ${familyLinks}
    set code_failures = code_failures + 1,
        revoked_at = case when code_failures + 1 >= ${LINK_CODE_ATTEMPTS} then now() else revoked_at end,
        revoke_reason = case when code_failures + 1 >= ${LINK_CODE_ATTEMPTS}
                             then 'The code was entered wrongly too many times' else revoke_reason end
    where council_id = ${councilId} and id = ${linkId} and revoked_at is null`)
}

/**
 * One code attempt, in turn: the link's row is locked, so codes sent at once are checked one
 * after another, and none is checked once the allowed failures are spent (the link is stopped):
 * 'spent'. A wrong code is counted in the same transaction.
 */
export async function tryCode(
  db: Db,
  councilId: string,
  linkId: string,
  right: () => boolean,
): Promise<'right' | 'wrong' | 'spent'> {
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      select l.code_failures, l.revoked_at from ${familyLinks} l
      where l.council_id = ${councilId} and l.id = ${linkId} for update`)
    const row = (res as unknown as { rows: { code_failures: number; revoked_at: unknown }[] }).rows[0]
    if (!row || row.revoked_at || row.code_failures >= LINK_CODE_ATTEMPTS) return 'spent'
    if (right()) return 'right'
    await wrongCode(tx, councilId, linkId)
    return 'wrong'
  })
}
