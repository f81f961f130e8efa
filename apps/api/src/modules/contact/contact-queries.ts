import { and, eq, isNull } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { allocations } from '@hearth/db/schema/team-board'
import { AppError } from '../../kernel/errors'

/** The family's lead now, if any. */
export async function leadOf(ex: Db | Tx, councilId: string, familyId: string): Promise<string | null> {
  const [lead] = await ex
    .select({ personId: allocations.personId })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, councilId),
        eq(allocations.familyId, familyId),
        eq(allocations.role, 'lead'),
        isNull(allocations.endedAt),
      ),
    )
  return lead?.personId ?? null
}

/** Only the family's lead decides about contact with the family. */
export async function assertLead(ex: Db | Tx, councilId: string, familyId: string, personId: string | null) {
  if (!personId || (await leadOf(ex, councilId, familyId)) !== personId)
    throw new AppError('forbidden', 'Only the family’s lead can decide about contact with the family.')
}
