import { and, desc, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { sharingDecisions } from '@hearth/db/schema/sharing'
import { londonDateOf } from '@hearth/domain/working-days'
import type { SharingDecisionInput } from '@hearth/contracts/sharing'
import type { Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import { getChild } from '../families/get-child'
import { decisionViews } from './sharing-queries'
import type { Caller } from '../../kernel/caller'

/** A child's information-sharing decisions, newest first. */
export async function listSharingDecisions(deps: Deps, caller: Caller, childId: string) {
  const child = await getChild(deps, caller, childId)
  const rows = await deps.db
    .select()
    .from(sharingDecisions)
    .where(and(eq(sharingDecisions.councilId, caller.councilId), eq(sharingDecisions.childId, childId)))
    .orderBy(desc(sharingDecisions.decidedOn), desc(sharingDecisions.recordedAt))
  return { childId, familyId: child.familyId, decisions: await decisionViews(deps.db, caller.councilId, rows) }
}

/** Records a decision to share or not to share; kept as recorded, on the family's chronology. */
export async function recordSharingDecision(deps: Deps, caller: Caller, childId: string, input: SharingDecisionInput) {
  const child = await getChild(deps, caller, childId)
  if (input.decidedOn > londonDateOf(new Date())) throw invalid('body.decidedOn', 'must be today or before')
  const row = await deps.db.transaction(async (tx) => {
    const [made] = await tx
      .insert(sharingDecisions)
      .values({
        councilId: caller.councilId,
        familyId: child.familyId,
        childId,
        ...input,
        decidedBy: caller.personId,
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'sharing.record',
      recordType: 'sharing_decision',
      recordId: made!.id,
      familyId: child.familyId,
      childId,
      details: { decision: input.decision, recipientKind: input.recipientKind },
    })
    return made!
  })
  return (await decisionViews(deps.db, caller.councilId, [row]))[0]!
}
