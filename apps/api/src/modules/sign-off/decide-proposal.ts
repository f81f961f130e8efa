import type { Deps } from '../../kernel/context'
import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { proposalDecisions, proposals, type Proposal } from '@hearth/db/schema/sign-off'
import { reviewAfterWeeks } from '@hearth/domain/sign-off'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import { AppError, notFound } from '../../kernel/errors'
import { views } from './proposal-queries'
import type { Caller } from '../../kernel/caller'

/** Strategy decides, with reasons; never on their own proposal; two approvers above the higher threshold. */
export async function decideProposal(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { outcome: 'approve' | 'decline' | 'more_info'; reasonsForTeam: string; reasonsForFamily?: string | null },
) {
  const { db } = deps
  const row = await db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.councilId, caller.councilId), eq(proposals.id, id)))
      .for('update')
    if (!p) throw notFound('proposal')
    if (p.status !== 'awaiting_strategy')
      throw new AppError(
        'conflict',
        p.status === 'more_info'
          ? 'The team has been asked for more information; wait for them to send it.'
          : 'This proposal has already been decided.',
      )
    if (p.proposedBy === caller.personId)
      throw new AppError('forbidden', 'You cannot decide a proposal you made yourself.')
    const round =
      1 +
      (
        (await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(proposalDecisions)
          .where(
            and(
              eq(proposalDecisions.councilId, caller.councilId),
              eq(proposalDecisions.proposalId, id),
              eq(proposalDecisions.outcome, 'more_info'),
            ),
          )) as [{ n: number }]
      )[0].n
    const inserted = await tx
      .insert(proposalDecisions)
      .values({
        councilId: caller.councilId,
        proposalId: id,
        decidedBy: caller.personId,
        outcome: input.outcome,
        reasonsForTeam: input.reasonsForTeam,
        reasonsForFamily: input.reasonsForFamily ?? null,
        round,
      })
      .onConflictDoNothing()
      .returning()
    if (!inserted.length)
      throw new AppError(
        'conflict',
        'You have already decided on this proposal; a second strategy member must approve it.',
      )
    let status: Proposal['status'] = p.status
    let reviewDate: string | null = null
    if (input.outcome === 'decline') status = 'declined'
    else if (input.outcome === 'more_info') status = 'more_info'
    else {
      const [{ n }] = (await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(proposalDecisions)
        .where(
          and(
            eq(proposalDecisions.councilId, caller.councilId),
            eq(proposalDecisions.proposalId, id),
            eq(proposalDecisions.round, round),
            eq(proposalDecisions.outcome, 'approve'),
          ),
        )) as [{ n: number }]
      if (n >= p.approvalsNeeded) {
        status = 'approved'
        reviewDate = addCalendarDays(londonDateOf(new Date()), reviewAfterWeeks(p.weeks) * 7)
      }
    }
    const [updated] = await tx
      .update(proposals)
      .set({ status, reviewDate, decidedAt: status === 'awaiting_strategy' ? null : new Date() })
      .where(and(eq(proposals.councilId, caller.councilId), eq(proposals.id, id)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: `proposal.${input.outcome}`,
      recordType: 'proposal',
      recordId: id,
      familyId: p.familyId,
      details: { status },
    })
    return updated!
  })
  return (await views(db, caller.councilId, [row]))[0]!
}
