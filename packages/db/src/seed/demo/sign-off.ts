import { and, eq } from 'drizzle-orm'
import { DEFAULT_THRESHOLDS } from '@hearth/domain/sign-off'
import { holidaySet, workingDayDeadline } from '@hearth/domain/working-days'
import type { Tx } from '../../client'
import { families, proposals, allocations } from '../../schema'
import type { DemoCouncil } from './organisation'

/** The strategy team has one conversation-3 package waiting for its decision. Returns the demo practitioner's lead. */
export async function seedSignOff(tx: Tx, org: DemoCouncil) {
  const { councilId, personRows, email } = org
  const holidays = holidaySet()
  const priya = personRows.find((p) => p.email === email('practitioner'))!
  const [priyaLead] = await tx
    .select()
    .from(allocations)
    .where(and(eq(allocations.councilId, councilId), eq(allocations.personId, priya.id), eq(allocations.role, 'lead')))
  if (priyaLead) {
    // the family is in conversation 3, as its team decided: the package is strategy's to agree
    await tx
      .update(families)
      .set({ conversationStage: 3 })
      .where(and(eq(families.councilId, councilId), eq(families.id, priyaLead.familyId)))
    const due = workingDayDeadline(new Date(), DEFAULT_THRESHOLDS.decisionWorkingDays, holidays)
    await tx.insert(proposals).values({
      councilId,
      teamId: priyaLead.teamId,
      familyId: priyaLead.familyId,
      proposedBy: priya.id,
      what: 'Short breaks at a residential centre, one weekend a month',
      forWhom: 'The eldest child, who has complex needs',
      why: 'Mum is exhausted and has said she cannot keep going without regular breaks. The family network helps on weekdays but nobody can manage overnight care.',
      weeklyPence: 120_000,
      weeks: 12,
      totalPence: 1_440_000,
      alternatives: 'More hours from Nan (she already does three days); a day centre (no overnight help).',
      familyView: '“If I get one weekend a month to sleep, I can carry on.”',
      conversationStage: 3,
      route: 'strategy',
      signOffPenceAtSubmission: DEFAULT_THRESHOLDS.signOffPence,
      approvalsNeeded: 1,
      status: 'awaiting_strategy',
      decisionDueDate: due.dueDate,
      decisionDueAt: due.dueAt,
    })
  }
  return { priya, priyaLead }
}
