import type { Ctx, Deps } from '../../kernel/context'
import { listFamilyServices } from './list-family-services'
import { and, eq } from 'drizzle-orm'
import { directoryServices, familyServices, writeAudit } from '@hearth/db'
import { AppError, invalid } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { familyInScope, holdingTeamId } from '../families/family-queries'

/** "Referred to the young carers' group on 3 March": only the team holding the family records it. */
export async function addFamilyService(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  familyId: string,
  input: { serviceId: string; status: 'referred' | 'attending' | 'finished'; onDate: string; note?: string | null },
) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  const holder = await holdingTeamId(db, ctx.councilId, familyId)
  if (!holder || !actor.teams.some((t) => t.id === holder))
    throw new AppError('forbidden', 'Only the team holding the family records services on its plan.')
  const [svc] = await db
    .select({ id: directoryServices.id })
    .from(directoryServices)
    .where(and(eq(directoryServices.councilId, ctx.councilId), eq(directoryServices.id, input.serviceId)))
  if (!svc) throw invalid('body.serviceId', 'not a service in this council’s directory')
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(familyServices)
      .values({
        councilId: ctx.councilId,
        familyId,
        serviceId: input.serviceId,
        teamId: holder,
        status: input.status,
        onDate: input.onDate,
        note: input.note ?? null,
        recordedBy: actor.personId,
      })
      .returning({ id: familyServices.id })
    await writeAudit(tx, {
      ...ctx,
      action: 'family.services.add',
      recordType: 'family_service',
      recordId: row!.id,
      familyId,
    })
    return row!.id
  })
  return (await listFamilyServices(deps, ctx, actor, familyId)).find((r) => r.id === id)!
}
