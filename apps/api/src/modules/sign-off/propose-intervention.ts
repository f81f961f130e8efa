import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { directoryServices } from '@hearth/db/schema/directory'
import { conversationOf, proposalRoute, totalPence } from '@hearth/domain/sign-off'
import { AppError } from '../../kernel/errors'
import { councilHolidays } from '../calendar/calendar-queries'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { type ProposalInput, insertProposal, thresholds, views } from './proposal-queries'
import type { Caller } from '../../kernel/caller'

/**
 * A team proposes. In conversations 1 and 2, or below the threshold, the team decides and the
 * decisions log records it; in conversation 3 at or above it, the strategy team decides by a
 * working-day deadline. The conversation is the family's current one.
 */
export async function proposeIntervention(deps: Deps, caller: Caller, familyId: string, input: ProposalInput) {
  const { db } = deps
  // the conversation is the family's, as the team last decided, never the form's
  const stage = conversationOf(
    (await familyInScope(db, caller.councilId, caller.familyScope, familyId)).conversationStage,
  )
  const holder = await holdingTeamId(db, caller.councilId, familyId)
  if (!holder || !caller.teams.some((t) => t.id === holder))
    throw new AppError('forbidden', 'Only the team that holds the family proposes for it.')
  if (input.serviceId) {
    const [svc] = await db
      .select({ id: directoryServices.id })
      .from(directoryServices)
      .where(and(eq(directoryServices.councilId, caller.councilId), eq(directoryServices.id, input.serviceId)))
    if (!svc)
      throw new AppError('validation_failed', 'Check the highlighted answers.', [
        { field: 'body.serviceId', message: 'not a service in this council’s directory' },
      ])
  }
  const t = await thresholds(db, caller.councilId)
  const total = totalPence(input.weeklyPence, input.weeks)
  const holidays = await councilHolidays(db, caller.councilId)
  const row = await db.transaction((tx) =>
    insertProposal(tx, caller, {
      teamId: holder,
      familyId,
      proposedBy: caller.personId,
      input,
      stage,
      route: proposalRoute(stage, total, t),
      thresholds: t,
      holidays,
    }),
  )
  return (await views(db, caller.councilId, [row]))[0]!
}
