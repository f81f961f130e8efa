import { and, eq, inArray, isNull } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { type FamilyMeeting, familyMeetings } from '@hearth/db/schema/family-voice'
import { networkMembers } from '@hearth/db/schema/network'
import { planChanges, planItems } from '@hearth/db/schema/plan'
import type { ArrangeMeetingInput, FamilyMeetingView, FamilyPlanInput } from '@hearth/contracts/family-voice'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { snapshot } from '../plan/plan-queries'
import { bookVisit } from '../visits/book-visit'
import type { Caller } from '../../kernel/caller'
import { meetingViews } from './meeting-views'

/**
 * A family group conference arranged with the family: the meeting is booked (so the enablers
 * get the invitations, room, interpreter and minutes as tasks) and the family's choices (who to
 * invite, the coordinator, private family time) are kept with it, in one transaction.
 */
export async function arrangeMeeting(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: ArrangeMeetingInput,
): Promise<FamilyMeetingView> {
  let made: FamilyMeeting | undefined
  const { kind, coordinator, invitees, privateTime, ...visit } = input
  // people chosen from the relationship map must be in this family's network
  const fromMap = [...new Set(invitees.flatMap((i) => (i.networkPersonId ? [i.networkPersonId] : [])))]
  if (fromMap.length) {
    const found = await deps.db
      .select({ personId: networkMembers.personId })
      .from(networkMembers)
      .where(
        and(
          eq(networkMembers.councilId, caller.councilId),
          eq(networkMembers.familyId, familyId),
          inArray(networkMembers.personId, fromMap),
          isNull(networkMembers.removedAt),
        ),
      )
    const known = new Set(found.map((f) => f.personId))
    const i = invitees.findIndex((x) => x.networkPersonId && !known.has(x.networkPersonId))
    if (i >= 0) throw invalid(`body.invitees.${i}.networkPersonId`, 'choose someone in this family’s network')
  }
  await bookVisit(
    deps,
    caller,
    familyId,
    {
      ...visit,
      kind: 'family_group_conference',
      othersAttending: visit.othersAttending ?? (invitees.map((i) => i.name).join(', ') || null),
    },
    async (tx, v) => {
      const [row] = await tx
        .insert(familyMeetings)
        .values({
          councilId: caller.councilId,
          familyId,
          visitId: v.id,
          kind,
          coordinator: coordinator ?? null,
          invitees: invitees.map((i) => ({
            name: i.name,
            networkPersonId: i.networkPersonId ?? null,
            relationship: i.relationship ?? null,
          })),
          privateTime,
          createdBy: caller.personId,
        })
        .returning()
      await writeAudit(tx, {
        ...caller.audit,
        action: 'family_meeting.arrange',
        recordType: 'family_meeting',
        recordId: row!.id,
        familyId,
        details: { kind, invitees: invitees.length, privateTime },
      })
      made = row
    },
  )
  return (await meetingViews(deps, caller.councilId, [made!]))[0]!
}

/**
 * The family's own plan from their conference, in their words. Each item joins the family's
 * plan (who does it by name, as the family said), kept with its history like any other.
 */
export async function recordFamilyPlan(
  deps: Deps,
  caller: Caller,
  meetingId: string,
  input: FamilyPlanInput,
): Promise<FamilyMeetingView> {
  const row = await deps.db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(familyMeetings)
      .where(and(eq(familyMeetings.councilId, caller.councilId), eq(familyMeetings.id, meetingId)))
      .for('update')
    if (!m) throw notFound('meeting')
    await familyInScope(tx, caller.councilId, caller.familyScope, m.familyId)
    if (m.planRecordedAt) throw new AppError('conflict', 'The family’s plan from this meeting is already recorded.')
    for (const item of input.items) {
      const [p] = await tx
        .insert(planItems)
        .values({
          councilId: caller.councilId,
          familyId: m.familyId,
          what: item.what,
          whoKind: 'network',
          whoName: item.who,
          byDate: item.byDate ?? null,
          createdBy: caller.personId,
        })
        .returning()
      await tx.insert(planChanges).values({
        councilId: caller.councilId,
        familyId: m.familyId,
        itemId: p!.id,
        kind: 'added',
        reason: 'From the family’s plan at their family group conference',
        version: 1,
        after: snapshot(p!),
        changedBy: caller.personId,
      })
    }
    const [updated] = await tx
      .update(familyMeetings)
      .set({ familyPlan: input.familyPlan, planRecordedAt: new Date() })
      .where(and(eq(familyMeetings.councilId, caller.councilId), eq(familyMeetings.id, meetingId)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family_meeting.family_plan',
      recordType: 'family_meeting',
      recordId: meetingId,
      familyId: m.familyId,
      details: { items: input.items.length },
    })
    return updated!
  })
  return (await meetingViews(deps, caller.councilId, [row]))[0]!
}
