import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { families } from '@hearth/db/schema/families'
import { CONVERSATION_STAGES } from '@hearth/domain/allocation'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { assertPresentInTeam, logDecision } from './team-board-queries'
import type { Caller } from '../../kernel/caller'

/**
 * Moves a family between the Three Conversations. Never a silent edit: it is the holding team's
 * decision, with a reason and who was there, in the decisions log and on the chronology.
 */
export async function moveStage(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: { stage: 1 | 2 | 3; reason: string; presentIds: string[] },
) {
  const { db } = deps
  const f = await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const teamId = await holdingTeamId(db, caller.councilId, familyId)
  if (!teamId || !caller.teams.some((t) => t.id === teamId))
    throw new AppError('forbidden', 'Only the team that holds the family moves it between conversations.')
  if (f.conversationStage === input.stage)
    throw invalid('body.stage', `the family is already in conversation ${input.stage}`)
  await db.transaction(async (tx) => {
    await assertPresentInTeam(tx, caller.councilId, teamId, input.presentIds)
    const moved = await tx
      .update(families)
      .set({ conversationStage: input.stage, updatedAt: new Date() })
      .where(
        and(
          eq(families.councilId, caller.councilId),
          eq(families.id, familyId),
          eq(families.conversationStage, f.conversationStage),
        ),
      )
      .returning({ id: families.id })
    if (moved.length === 0)
      throw new AppError('conflict', 'Someone moved this family at the same time. Reload the page.')
    await logDecision(tx, {
      councilId: caller.councilId,
      teamId,
      familyId,
      kind: 'stage',
      summary: `Moved from conversation ${f.conversationStage} to ${CONVERSATION_STAGES[input.stage]}. Why: ${input.reason}`,
      presentIds: input.presentIds,
      recordedBy: caller.personId,
      details: { from: f.conversationStage, to: input.stage },
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family.stage',
      recordType: 'family',
      recordId: familyId,
      familyId,
      details: { from: f.conversationStage, to: input.stage },
    })
  })
}
