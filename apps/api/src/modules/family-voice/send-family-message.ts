import { and, eq, gt } from 'drizzle-orm'
import { councilHolidays, createTask, familyMessages, visits, writeAudit } from '@hearth/db'
import { COMPLAINT_STAGE1_WORKING_DAYS, workingDayDeadline } from '@hearth/domain'
import type { FamilyMessageInput } from '@hearth/contracts'
import type { Ctx, Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import type { LinkHolder } from '../../plugins/family-link'
import { holdingTeamId } from '../families/family-queries'
import { voiceSettings } from './voice-queries'

/**
 * What the family says through their link, kept in their own words. It reaches the holding
 * team's board and the lead (the route publishes the event after commit). A complaint also
 * goes to the council's complaints route as a task, with its stage 1 clock (10 working days).
 */
export async function sendFamilyMessage(deps: Deps, ctx: Ctx, holder: LinkHolder, input: FamilyMessageInput) {
  const { db } = deps
  const c = holder.councilId
  const teamId = await holdingTeamId(db, c, holder.familyId)
  return db.transaction(async (tx) => {
    let visitId: string | null = null
    if (input.kind === 'move_visit') {
      const [v] = await tx
        .select({ id: visits.id })
        .from(visits)
        .where(
          and(
            eq(visits.councilId, c),
            eq(visits.familyId, holder.familyId),
            eq(visits.id, input.visitId),
            eq(visits.status, 'booked'),
            gt(visits.startsAt, new Date()),
          ),
        )
      if (!v) throw invalid('body.visitId', 'choose one of your visits that is still to come')
      visitId = v.id
    }
    const now = new Date()
    const due =
      input.kind === 'complaint'
        ? workingDayDeadline(now, COMPLAINT_STAGE1_WORKING_DAYS, await councilHolidays(tx, c)).dueAt
        : null
    const [row] = await tx
      .insert(familyMessages)
      .values({
        councilId: c,
        familyId: holder.familyId,
        linkId: holder.linkId,
        kind: input.kind,
        scale: input.kind === 'how_going' ? input.scale : null,
        words: input.words ?? null,
        visitId,
        suits: input.kind === 'move_visit' ? input.suits : null,
        teamId,
        dueAt: due,
      })
      .returning()
    let taskId: string | null = null
    if (input.kind === 'complaint') {
      const settings = await voiceSettings(tx, c)
      taskId = await createTask(tx, {
        councilId: c,
        sourceKey: `complaint:${row!.id}`,
        taskType: 'family_complaint',
        teamId: settings.complaintsTeamId ?? teamId,
        familyId: holder.familyId,
        details: 'A complaint made through the family’s link. Read it on the family’s page (Family link).',
        notAfter: due,
      })
      if (taskId)
        await tx
          .update(familyMessages)
          .set({ taskId })
          .where(and(eq(familyMessages.councilId, c), eq(familyMessages.id, row!.id)))
    }
    await writeAudit(tx, {
      ...ctx,
      action: 'family_message.send',
      recordType: 'family_message',
      recordId: row!.id,
      familyId: holder.familyId,
      childId: holder.childId,
      details: {
        via: 'family_link',
        linkId: holder.linkId,
        issuedTo: holder.adultId ? { adultId: holder.adultId } : { childId: holder.childId },
        kind: input.kind,
      },
    })
    return { id: row!.id, kind: row!.kind, at: row!.createdAt.toISOString(), teamId, familyId: holder.familyId }
  })
}
