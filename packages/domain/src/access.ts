import type { Role, TeamKind } from './roles'

/**
 * Who may see a family's record (deny by default). The front door (referral officers) sees
 * every family of the council, to find known families. A practitioner sees the families in the
 * patches of the family-facing teams they belong to (unit working: the whole team, not one
 * worker). Nobody else reads family records; administrators run the organisation, not cases.
 */
export interface FamilyAccessActor {
  roles: readonly Role[]
  teams: readonly { id: string; kind: TeamKind; patchId: string | null }[]
  /** Families the person declared a relationship with (a conflict of interest): never in scope. */
  conflicts?: readonly string[]
  /** Who they are (named on restricted records) and the restricted records they broke the glass on. */
  personId?: string
  glass?: readonly string[]
}

/** How long break-glass access to a restricted record lasts. */
export const BREAK_GLASS_HOURS = 4

/**
 * `teamIds`: families offered to or held by these teams are in scope too, wherever they live.
 * `excluded`: families out of scope whatever else says (the person's declared conflicts).
 */
export type FamilyScope =
  | { kind: 'all'; excluded?: string[]; personId?: string; glass?: string[] }
  | { kind: 'patches'; patchIds: string[]; teamIds: string[]; excluded?: string[]; personId?: string; glass?: string[] }
  | { kind: 'none'; excluded?: string[]; personId?: string; glass?: string[] }

export function familyScope(actor: FamilyAccessActor): FamilyScope {
  const excluded = {
    ...(actor.conflicts?.length ? { excluded: [...actor.conflicts] } : {}),
    ...(actor.personId ? { personId: actor.personId } : {}),
    ...(actor.glass?.length ? { glass: [...actor.glass] } : {}),
  }
  if (actor.roles.includes('referral_officer')) return { kind: 'all', ...excluded }
  if (actor.roles.includes('practitioner')) {
    const ff = actor.teams.filter((t) => t.kind === 'family_facing')
    const patchIds = ff.filter((t) => t.patchId).map((t) => t.patchId as string)
    return ff.length
      ? { kind: 'patches', patchIds: [...new Set(patchIds)], teamIds: ff.map((t) => t.id), ...excluded }
      : { kind: 'none', ...excluded }
  }
  // no family record to read, but queues of a family's tasks, proposals and consultations: a
  // declared conflict and a restricted record keep the family out of those too (every role)
  return { kind: 'none', ...excluded }
}

/** Whether the scope leaves this family out by name (a declared conflict of interest). */
export function excludedFromScope(scope: FamilyScope, familyId: string): boolean {
  return !!scope.excluded?.includes(familyId)
}

/**
 * A restricted record is in scope only for the staff named on it, or who broke the glass on it
 * (and only within the rest of their scope).
 */
export function restrictionAllows(
  scope: FamilyScope,
  family: { id: string; restricted: boolean; restrictedTo: readonly string[] },
): boolean {
  if (!family.restricted) return true
  if (scope.kind === 'none') return false
  return (!!scope.personId && family.restrictedTo.includes(scope.personId)) || !!scope.glass?.includes(family.id)
}

/** By patch alone; a family outside the patches may still be in scope through an offer (checked in the database). */
export function canSeeFamily(scope: FamilyScope, familyPatchId: string | null): boolean {
  if (scope.kind === 'all') return true
  if (scope.kind === 'none') return false
  return familyPatchId !== null && scope.patchIds.includes(familyPatchId)
}

/** Lock-out: after this many failed sign-ins in a row the account waits LOCKOUT_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5
export const LOCKOUT_MINUTES = 15
