import { and, asc, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { families } from '@hearth/db/schema/families'
import { memberships, patches, people, roleGrants, teams } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import type { Role } from '@hearth/domain/roles'
import { AppError, invalid } from '../../kernel/errors'

/** Every query here is built from the caller's council: another council's ids simply are not found. */
/**
 * Unit working: nobody leaves a family without a lead and a co-worker. Someone who still holds
 * families (in this team, or anywhere) must hand them over first.
 */
export async function assertHoldsNoFamilies(
  ex: Db | Tx,
  councilId: string,
  personId: string,
  teamId: string | null,
  field: string,
  what: string,
) {
  const held = await ex
    .select({ reference: families.reference, name: families.name })
    .from(allocations)
    .innerJoin(families, and(eq(families.id, allocations.familyId), eq(families.councilId, allocations.councilId)))
    .where(
      and(
        eq(allocations.councilId, councilId),
        eq(allocations.personId, personId),
        isNull(allocations.endedAt),
        ...(teamId ? [eq(allocations.teamId, teamId)] : []),
      ),
    )
  if (held.length) {
    const list = held
      .slice(0, 5)
      .map((h) => `${h.name} (${h.reference})`)
      .join(', ')
    throw new AppError(
      'conflict',
      `${what}: they still work with ${held.length === 1 ? 'a family' : `${held.length} families`}. The team must hand over ${list}${held.length > 5 ? ' and others' : ''} first, naming a new lead or co-worker.`,
      [{ field, message: 'still holds families' }],
    )
  }
}

export async function patchOf(db: Db, councilId: string, patchId: string) {
  const [row] = await db
    .select()
    .from(patches)
    .where(and(eq(patches.councilId, councilId), eq(patches.id, patchId)))
  return row ?? null
}

export async function assertPatchFitsTeam(
  db: Db,
  councilId: string,
  kind: string,
  patchId: string | null | undefined,
  field = 'body.patchId',
) {
  if (patchId) {
    if (!(await patchOf(db, councilId, patchId))) throw invalid(field, 'there is no such patch in this council')
  }
  if (kind === 'family_facing' && !patchId) throw invalid(field, 'a family-facing team serves a patch: choose one')
  if (kind !== 'family_facing' && patchId) throw invalid(field, 'only family-facing teams serve a patch')
}

export async function teamWithCounts(db: Db, councilId: string, teamId?: string) {
  const rows = await db
    .select({
      id: teams.id,
      name: teams.name,
      kind: teams.kind,
      patchId: teams.patchId,
      patchName: patches.name,
      caseloadCap: teams.caseloadCap,
      phone: teams.phone,
      memberCount: sql<number>`(select count(*)::int from ${memberships} m where m.council_id = ${teams.councilId} and m.team_id = ${teams.id})`,
    })
    .from(teams)
    .leftJoin(patches, and(eq(patches.id, teams.patchId), eq(patches.councilId, teams.councilId)))
    .where(teamId ? and(eq(teams.councilId, councilId), eq(teams.id, teamId)) : eq(teams.councilId, councilId))
    .orderBy(asc(teams.kind), asc(teams.name))
  return rows
}

export async function personOf(db: Db, councilId: string, personId: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.councilId, councilId), eq(people.id, personId)))
  return row ?? null
}

export function personView(
  p: typeof people.$inferSelect,
  teamList: { id: string; name: string }[],
  pendingRoles: Role[] = [],
) {
  return {
    pendingRoles,
    id: p.id,
    name: p.name,
    email: p.email,
    roles: p.roles as Role[],
    active: p.active,
    locked: !!p.lockedUntil && p.lockedUntil > new Date(),
    teams: teamList,
  }
}

export async function teamsByPerson(db: Db, councilId: string, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, { id: string; name: string }[]>()
  const rows = await db
    .select({ personId: memberships.personId, id: teams.id, name: teams.name })
    .from(memberships)
    .innerJoin(teams, and(eq(teams.id, memberships.teamId), eq(teams.councilId, memberships.councilId)))
    .where(and(eq(memberships.councilId, councilId), inArray(memberships.personId, personIds)))
    .orderBy(asc(teams.name))
  const map = new Map<string, { id: string; name: string }[]>()
  for (const r of rows) map.set(r.personId, [...(map.get(r.personId) ?? []), { id: r.id, name: r.name }])
  return map
}

/** A password set for someone else, waiting for a second administrator (as a role is). */
export const NEW_PASSWORD = 'new_password'

/** Roles waiting for a second administrator, by person. */
export async function pendingRolesByPerson(db: Db, councilId: string, personIds: string[]) {
  const map = new Map<string, Role[]>()
  if (personIds.length === 0) return map
  const rows = await db
    .select({ personId: roleGrants.personId, role: roleGrants.role })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.councilId, councilId),
        eq(roleGrants.status, 'pending'),
        inArray(roleGrants.personId, personIds),
        ne(roleGrants.role, NEW_PASSWORD),
      ),
    )
    .orderBy(asc(roleGrants.role))
  for (const r of rows) map.set(r.personId, [...(map.get(r.personId) ?? []), r.role as Role])
  return map
}

/**
 * Asks for roles for a person: each waits for a second administrator (one pending ask per role).
 * Pending asks for roles no longer wanted are withdrawn. Returns the roles newly asked for.
 */
export async function askForRoles(tx: Tx, councilId: string, personId: string, wanted: Role[], askedBy: string) {
  await tx
    .update(roleGrants)
    .set({ status: 'refused', decidedBy: askedBy, decidedAt: new Date() })
    .where(
      and(
        eq(roleGrants.councilId, councilId),
        eq(roleGrants.personId, personId),
        eq(roleGrants.status, 'pending'),
        ne(roleGrants.role, NEW_PASSWORD),
        ...(wanted.length ? [notInArray(roleGrants.role, wanted)] : []),
      ),
    )
  if (wanted.length === 0) return []
  const asked = await tx
    .insert(roleGrants)
    .values(wanted.map((role) => ({ councilId, personId, role, requestedBy: askedBy })))
    .onConflictDoNothing()
    .returning({ role: roleGrants.role })
  return asked.map((a) => a.role as Role)
}

/**
 * A password an administrator set for someone else: it takes effect when a second administrator
 * approves (not the one who set it, not the person), like a role. A newer one replaces one waiting.
 */
export async function askForPassword(tx: Tx, councilId: string, personId: string, hash: string, askedBy: string) {
  await tx
    .update(roleGrants)
    .set({ status: 'refused', decidedBy: askedBy, decidedAt: new Date(), passwordHash: null })
    .where(
      and(
        eq(roleGrants.councilId, councilId),
        eq(roleGrants.personId, personId),
        eq(roleGrants.status, 'pending'),
        eq(roleGrants.role, NEW_PASSWORD),
      ),
    )
  await tx
    .insert(roleGrants)
    .values({ councilId, personId, role: NEW_PASSWORD, requestedBy: askedBy, passwordHash: hash })
}
