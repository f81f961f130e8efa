import type { Ctx, Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db'
import type { Actor } from '../../plugins/auth'
import { assertPresentInTeam, logDecision, myTeam } from './team-board-queries'

export async function recordTeamDecision(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  teamId: string,
  input: { summary: string; presentIds: string[] },
) {
  const { db } = deps
  await myTeam(db, actor, teamId)
  await db.transaction(async (tx) => {
    await assertPresentInTeam(tx, ctx.councilId, teamId, input.presentIds)
    await logDecision(tx, {
      councilId: ctx.councilId,
      teamId,
      kind: 'other',
      summary: input.summary,
      presentIds: input.presentIds,
      recordedBy: actor.personId,
    })
    await writeAudit(tx, { ...ctx, action: 'team_decision.create', recordType: 'team', recordId: teamId })
  })
}
