import { and, eq, isNull } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { stopRecordClock } from '@hearth/db/record-clocks'
import { familyMessages } from '@hearth/db/schema/family-voice'
import type { StaffFamilyMessage } from '@hearth/contracts/family-voice'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { messageViews } from './voice-queries'
import type { Caller } from '../../kernel/caller'

/**
 * The team marks what the family said as seen, or answers it: "what happened", in words the
 * family will read on their link. An answer is given once and kept as given.
 */
export async function answerMessage(
  deps: Deps,
  caller: Caller,
  messageId: string,
  change: { kind: 'seen' } | { kind: 'answer'; answer: string },
): Promise<StaffFamilyMessage> {
  const { db } = deps
  const row = await db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(familyMessages)
      .where(and(eq(familyMessages.councilId, caller.councilId), eq(familyMessages.id, messageId)))
      .for('update')
    if (!m) throw notFound('message')
    await familyInScope(tx, caller.councilId, caller.familyScope, m.familyId)
    if (change.kind === 'answer' && m.answer !== null) throw new AppError('conflict', 'This has already been answered.')
    const now = new Date()
    const [updated] = await tx
      .update(familyMessages)
      .set(
        change.kind === 'seen'
          ? { seenAt: m.seenAt ?? now, seenBy: m.seenBy ?? caller.audit.actorPersonId }
          : {
              answer: change.answer,
              answeredAt: now,
              answeredBy: caller.audit.actorPersonId,
              seenAt: m.seenAt ?? now,
              seenBy: m.seenBy ?? caller.audit.actorPersonId,
            },
      )
      .where(
        and(
          eq(familyMessages.councilId, caller.councilId),
          eq(familyMessages.id, messageId),
          ...(change.kind === 'answer' ? [isNull(familyMessages.answer)] : []),
        ),
      )
      .returning()
    // an answer to a complaint is stage 1's response: its clock stops
    if (change.kind === 'answer' && m.kind === 'complaint')
      await stopRecordClock(tx, caller.councilId, 'complaint_stage_1', m.id)
    await writeAudit(tx, {
      ...caller.audit,
      action: change.kind === 'seen' ? 'family_message.seen' : 'family_message.answer',
      recordType: 'family_message',
      recordId: messageId,
      familyId: m.familyId,
    })
    return updated!
  })
  return (await messageViews(db, caller.councilId, [row]))[0]!
}
