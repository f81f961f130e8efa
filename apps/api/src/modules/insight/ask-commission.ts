import type { Ctx, Deps } from '../../kernel/context'
import { commissions, writeAudit } from '@hearth/db'
import { AppError } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { views } from './commission-queries'

export async function askCommission(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  familyId: string,
  input: { need: string; why: string; familyView: string; weeks: number; budgetPence: number },
) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  const holder = await holdingTeamId(db, ctx.councilId, familyId)
  if (!holder || !actor.teams.some((t) => t.id === holder))
    throw new AppError('forbidden', 'Only the team holding the family asks for a service to be commissioned.')
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(commissions)
      .values({ councilId: ctx.councilId, teamId: holder, familyId, askedBy: actor.personId, ...input })
      .returning()
    await writeAudit(tx, { ...ctx, action: 'commission.ask', recordType: 'commission', recordId: r!.id, familyId })
    return r!
  })
  return (await views(db, ctx.councilId, [row]))[0]!
}
