import { and, eq, inArray, isNull } from 'drizzle-orm'
import { caseSteps, clockDues } from '@hearth/db/schema/case-process'
import { children, families } from '@hearth/db/schema/families'
import type { z } from 'zod'
import type { TeamChildInCare } from '@hearth/contracts/case-process'
import { LEGAL_STATUSES, type LegalStatus, PLACEMENT_TYPES, type PlacementType } from '@hearth/domain/case-steps'
import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'
import { myTeam } from '../team-board/team-board-queries'
import { heldFamilies } from './case-process-queries'
import { clockViews, isChildClock } from './clock-queries'
import { londonDateOf } from '@hearth/domain/working-days'

/**
 * The children looked after now in the families the team holds, with their legal status, where
 * they live and what falls due first for each: the list a team (and its reviewing officer) works
 * from. Oldest in care first.
 */
export async function teamChildrenInCare(
  deps: Deps,
  caller: Caller,
  teamId: string,
): Promise<z.infer<typeof TeamChildInCare>[]> {
  const { db } = deps
  await myTeam(db, caller, teamId)
  const familyIds = await heldFamilies(db, caller.councilId, { teamId })
  if (!familyIds.length) return []
  const la = await db
    .select({ s: caseSteps, first: children.firstName, last: children.lastName, familyName: families.name })
    .from(caseSteps)
    .innerJoin(children, and(eq(children.id, caseSteps.childId), eq(children.councilId, caseSteps.councilId)))
    .innerJoin(families, and(eq(families.id, caseSteps.familyId), eq(families.councilId, caseSteps.councilId)))
    .where(
      and(
        eq(caseSteps.councilId, caller.councilId),
        inArray(caseSteps.familyId, familyIds),
        eq(caseSteps.kind, 'looked_after'),
        isNull(caseSteps.endDate),
      ),
    )
  if (!la.length) return []
  const childIds = la.map((r) => r.s.childId)
  const [steps, dues] = [
    await db
      .select()
      .from(caseSteps)
      .where(
        and(
          eq(caseSteps.councilId, caller.councilId),
          inArray(caseSteps.childId, childIds),
          inArray(caseSteps.kind, ['placement', 'legal_status']),
        ),
      ),
    await db
      .select()
      .from(clockDues)
      .where(and(eq(clockDues.councilId, caller.councilId), inArray(clockDues.childId, childIds))),
  ]
  const clocks = await clockViews(db, caller.councilId, dues.filter(isChildClock), londonDateOf(new Date()))
  return la
    .map(({ s, first, last, familyName }) => {
      const mine = steps.filter((x) => x.childId === s.childId && x.onDate >= s.onDate)
      const latest = (kind: string) =>
        mine
          .filter((x) => x.kind === kind)
          .sort((a, b) => a.onDate.localeCompare(b.onDate))
          .at(-1)
      const legal = ((latest('legal_status')?.details ?? s.details) as { legalStatus: LegalStatus }).legalStatus
      const placed = latest('placement')
      const type = placed && placed.endDate === null ? (placed.details as { type: PlacementType }).type : null
      const next = clocks.find((c) => c.childId === s.childId)
      return {
        childId: s.childId,
        childName: `${first} ${last}`,
        familyId: s.familyId,
        familyName,
        since: s.onDate,
        legalStatus: legal,
        legalStatusLabel: LEGAL_STATUSES[legal] ?? legal,
        placement: type ? `${PLACEMENT_TYPES[type] ?? type} (${type})` : null,
        next: next ? { label: next.label, dueOn: next.dueOn, state: next.state } : null,
      }
    })
    .sort((a, b) => a.since.localeCompare(b.since) || a.childName.localeCompare(b.childName))
}
