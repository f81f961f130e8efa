import { and, eq, inArray } from 'drizzle-orm'
import type { FamilyMeeting } from '@hearth/db/schema/family-voice'
import { visits } from '@hearth/db/schema/visits'
import type { FamilyMeetingView } from '@hearth/contracts/family-voice'
import type { Deps } from '../../kernel/context'

export async function meetingViews(deps: Deps, councilId: string, rows: FamilyMeeting[]): Promise<FamilyMeetingView[]> {
  if (!rows.length) return []
  const vis = await deps.db
    .select({ id: visits.id, startsAt: visits.startsAt, place: visits.place, status: visits.status })
    .from(visits)
    .where(
      and(
        eq(visits.councilId, councilId),
        inArray(
          visits.id,
          rows.map((r) => r.visitId),
        ),
      ),
    )
  const byId = new Map(vis.map((v) => [v.id, v]))
  return rows.map((m) => {
    const v = byId.get(m.visitId)!
    return {
      id: m.id,
      familyId: m.familyId,
      visitId: m.visitId,
      kind: m.kind,
      startsAt: v.startsAt.toISOString(),
      place: v.place,
      coordinator: m.coordinator,
      invitees: m.invitees.map((i) => ({
        name: i.name,
        networkPersonId: i.networkPersonId ?? null,
        relationship: i.relationship ?? null,
      })),
      privateTime: m.privateTime,
      familyPlan: m.familyPlan,
      planRecordedAt: m.planRecordedAt?.toISOString() ?? null,
      cancelled: v.status === 'cancelled',
    }
  })
}
