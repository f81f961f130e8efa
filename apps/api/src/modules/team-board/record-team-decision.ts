import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { assertPresentInTeam, logDecision, myTeam } from './team-board-queries'
import type { Caller } from '../../kernel/caller'

export async function recordTeamDecision(
  deps: Deps,
  caller: Caller,
  teamId: string,
  input: { summary: string; presentIds: string[] },
) {
  const { db } = deps
  await myTeam(db, caller, teamId)
  await db.transaction(async (tx) => {
    await assertPresentInTeam(tx, caller.councilId, teamId, input.presentIds)
    await logDecision(tx, {
      councilId: caller.councilId,
      teamId,
      kind: 'other',
      summary: input.summary,
      presentIds: input.presentIds,
      recordedBy: caller.personId,
    })
    await writeAudit(tx, { ...caller.audit, action: 'team_decision.create', recordType: 'team', recordId: teamId })
  })
}
