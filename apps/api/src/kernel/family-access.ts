import { type Column, type SQL, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { assessments } from '@hearth/db/schema/assessments'
import { caseSteps } from '@hearth/db/schema/case-process'
import { adminTasks } from '@hearth/db/schema/enablers'
import { children, families } from '@hearth/db/schema/families'
import { familyLinks, familyMeetings, familyMessages } from '@hearth/db/schema/family-voice'
import { commissions, insightRequests } from '@hearth/db/schema/insight'
import { planItems } from '@hearth/db/schema/plan'
import { notes } from '@hearth/db/schema/recording'
import { proposals } from '@hearth/db/schema/sign-off'
import { visits } from '@hearth/db/schema/visits'
import type { FamilyScope } from '@hearth/domain/access'

/**
 * Who may see which family, for every role: the one place that says when a family is kept from a
 * caller whatever else their role allows. A family is kept from them when
 * - its record is restricted (a child placed for adoption) and they are not named on it and have
 *   not broken the glass on it, or
 * - they declared they know the family (a conflict of interest).
 *
 * The record routes (`plugins/restriction-guard.ts`, before the handler), every list that holds a
 * family's things (the board, My day, queues, proposals, matches …) and the live stream use these
 * conditions, so a new list filters the same way by calling one function.
 */
export interface FamilyViewer {
  councilId: string
  familyScope: FamilyScope
}

/** The caller's declared conflicts, named staff id and break-glass grants, whatever their scope. */
function guardOf(scope: FamilyScope) {
  return {
    personId: scope.personId ?? null,
    excluded: scope.excluded ?? [],
    glass: scope.glass ?? [],
  }
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`

/**
 * True (in SQL) when the family with this id is kept from the caller. A row with no family (a task
 * for a team) is never kept: the condition is false, not null, so `not(…)` keeps such rows.
 */
export function familyKeptFrom(viewer: FamilyViewer, familyId: Column | SQL): SQL {
  const g = guardOf(viewer.familyScope)
  const conflict = g.excluded.length ? sql`coalesce(${familyId} = any(${uuidArray(g.excluded)}), false) or ` : sql``
  const glass = g.glass.length ? sql`and not (rf.id = any(${uuidArray(g.glass)}))` : sql``
  return sql`(${conflict}exists (select 1 from ${families} rf
    where rf.council_id = ${viewer.councilId} and rf.id = ${familyId} and rf.restricted
    and not coalesce(${g.personId}::uuid = any(rf.restricted_to), false) ${glass}))`
}

/** True (in SQL) when the caller may see the family with this id, as far as restrictions and conflicts go. */
export function familyOpenTo(viewer: FamilyViewer, familyId: Column | SQL): SQL {
  return sql`not ${familyKeptFrom(viewer, familyId)}`
}

/**
 * The same, for a query over `families` itself (no sub-select): restricted only for its named
 * staff or break-glass, and never a family the caller declared a conflict with.
 */
export function familiesOpenTo(scope: FamilyScope): SQL {
  const g = guardOf(scope)
  const named = g.personId ? sql` or ${g.personId}::uuid = any(${families.restrictedTo})` : sql``
  const glass = g.glass.length ? sql` or ${families.id} = any(${uuidArray(g.glass)})` : sql``
  const conflict = g.excluded.length ? sql` and not (${families.id} = any(${uuidArray(g.excluded)}))` : sql``
  return sql`((not ${families.restricted}${named}${glass})${conflict})`
}

/** In memory, for what was already read: the family (with its restriction) kept from the caller? */
export function familyKeptFromRow(
  scope: FamilyScope,
  family: { id: string; restricted: boolean; restrictedTo: readonly string[] | null },
): boolean {
  const g = guardOf(scope)
  if (g.excluded.includes(family.id)) return true
  if (!family.restricted) return false
  return !((g.personId && family.restrictedTo?.includes(g.personId)) || g.glass.includes(family.id))
}

/**
 * The records that belong to one family, by the name a route declares (`config.family`): before a
 * route whose `:id` is one of these runs, the record's family is looked up and kept from the
 * caller exactly as the family itself is (restrictions, conflicts), whatever their role.
 */
export const FAMILY_RECORDS = {
  assessment: assessments,
  child: children,
  commission: commissions,
  link: familyLinks,
  meeting: familyMeetings,
  message: familyMessages,
  insight_request: insightRequests,
  note: notes,
  plan_item: planItems,
  proposal: proposals,
  step: caseSteps,
  task: adminTasks,
  visit: visits,
} as const satisfies Record<string, PgTable & { id: Column; familyId: Column; councilId: Column }>
export type FamilyRecordKind = keyof typeof FAMILY_RECORDS

/**
 * What a route with an `:id` declares about it (`config.family`), checked when the route is added:
 * `'id'`, the family itself (in the caller's patches or teams, not kept from them); a record of a
 * family by kind; or `{ not: why }`, an `:id` that is no family's (a team, a staff account) or is
 * checked its own way, with why.
 */
export type FamilyDeclaration = 'id' | FamilyRecordKind | { not: string }
