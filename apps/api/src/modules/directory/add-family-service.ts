import type { Deps } from '../../kernel/context'
import { listFamilyServices } from './list-family-services'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { directoryServices, familyServices } from '@hearth/db/schema/directory'
import { AppError, invalid } from '../../kernel/errors'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

/** "Referred to the young carers' group on 3 March": only the team holding the family records it. */
export async function addFamilyService(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: { serviceId: string; status: 'referred' | 'attending' | 'finished'; onDate: string; note?: string | null },
) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const holder = await holdingTeamId(db, caller.councilId, familyId)
  if (!holder || !caller.teams.some((t) => t.id === holder))
    throw new AppError('forbidden', 'Only the team holding the family records services on its plan.')
  const [svc] = await db
    .select({ id: directoryServices.id })
    .from(directoryServices)
    .where(and(eq(directoryServices.councilId, caller.councilId), eq(directoryServices.id, input.serviceId)))
  if (!svc) throw invalid('body.serviceId', 'not a service in this council’s directory')
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(familyServices)
      .values({
        councilId: caller.councilId,
        familyId,
        serviceId: input.serviceId,
        teamId: holder,
        status: input.status,
        onDate: input.onDate,
        note: input.note ?? null,
        recordedBy: caller.personId,
      })
      .returning({ id: familyServices.id })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family.services.add',
      recordType: 'family_service',
      recordId: row!.id,
      familyId,
    })
    return row!.id
  })
  return (await listFamilyServices(deps, caller, familyId)).find((r) => r.id === id)!
}
