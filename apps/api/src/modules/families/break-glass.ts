import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { breakGlass, families } from '@hearth/db/schema/families'
import { BREAK_GLASS_HOURS } from '@hearth/domain/access'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

/**
 * Break-glass: someone whose role allows it (the front door) opens a restricted record they are not
 * named on, saying why. Time-limited; audited; the record's lead and the administrators see it.
 * The family is named by its reference: a restricted record is otherwise absent for them.
 */
export async function breakTheGlass(deps: Deps, caller: Caller, reference: string, reason: string) {
  const [family] = await deps.db
    .select({ id: families.id, restricted: families.restricted })
    .from(families)
    .where(and(eq(families.councilId, caller.councilId), eq(families.reference, reference)))
  if (!family) throw notFound('family with that reference')
  if (!family.restricted) throw new AppError('conflict', 'This record is not restricted: open it as usual.')
  const expiresAt = new Date(Date.now() + BREAK_GLASS_HOURS * 3600_000)
  const row = await deps.db.transaction(async (tx) => {
    const [made] = await tx
      .insert(breakGlass)
      .values({
        councilId: caller.councilId,
        personId: caller.audit.actorPersonId!,
        familyId: family.id,
        reason,
        expiresAt,
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family.break_glass',
      recordType: 'family',
      recordId: family.id,
      familyId: family.id,
      details: { breakGlassId: made!.id, expiresAt: expiresAt.toISOString() },
    })
    return made!
  })
  return { id: row.id, familyId: family.id, expiresAt: row.expiresAt.toISOString() }
}
