import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { insightRequests } from '@hearth/db/schema/insight'
import { isTopicFor } from '@hearth/domain/insight'
import { AppError, invalid } from '../../kernel/errors'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { type AskInput, views } from './insight-queries'
import type { Caller } from '../../kernel/caller'

export async function askInsight(deps: Deps, caller: Caller, input: AskInput) {
  const { db } = deps
  if (!isTopicFor(input.kind, input.topic))
    throw invalid(
      'body.topic',
      `choose one of the ${input.kind === 'consultation' ? 'consultation' : 'coaching'} topics`,
    )
  const ff = caller.teams.filter((t) => t.kind === 'family_facing').map((t) => t.id)
  let teamId: string
  if (input.familyId) {
    await familyInScope(db, caller.councilId, caller.familyScope, input.familyId)
    const holder = await holdingTeamId(db, caller.councilId, input.familyId)
    if (holder && !ff.includes(holder))
      throw new AppError('forbidden', 'Another team holds this family: ask them to request the consultation.')
    teamId = holder ?? (input.teamId && ff.includes(input.teamId) ? input.teamId : ff[0]!)
  } else {
    if (!input.teamId) throw invalid('body.teamId', 'say which team is asking')
    if (!ff.includes(input.teamId)) throw invalid('body.teamId', 'you can only ask for a team you belong to')
    teamId = input.teamId
  }
  if (!teamId) throw new AppError('forbidden', 'Only members of a family-facing team ask the insight team.')
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(insightRequests)
      .values({
        councilId: caller.councilId,
        kind: input.kind,
        topic: input.topic,
        teamId,
        familyId: input.familyId ?? null,
        question: input.question,
        askedBy: caller.personId,
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: `insight.${input.kind}.ask`,
      recordType: 'insight_request',
      recordId: r!.id,
      familyId: input.familyId ?? null,
    })
    return r!
  })
  return (await views(db, caller.councilId, [row]))[0]!
}
