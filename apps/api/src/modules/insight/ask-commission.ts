import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { commissions } from '@hearth/db/schema/insight'
import { AppError } from '../../kernel/errors'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { views } from './commission-queries'
import type { Caller } from '../../kernel/caller'

export async function askCommission(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: { need: string; why: string; familyView: string; weeks: number; budgetPence: number },
) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const holder = await holdingTeamId(db, caller.councilId, familyId)
  if (!holder || !caller.teams.some((t) => t.id === holder))
    throw new AppError('forbidden', 'Only the team holding the family asks for a service to be commissioned.')
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(commissions)
      .values({ councilId: caller.councilId, teamId: holder, familyId, askedBy: caller.personId, ...input })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'commission.ask',
      recordType: 'commission',
      recordId: r!.id,
      familyId,
    })
    return r!
  })
  return (await views(db, caller.councilId, [row]))[0]!
}
