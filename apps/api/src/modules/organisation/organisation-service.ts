import type { Ctx } from '../../kernel/context'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  allocations,
  families,
  hashPassword,
  memberships,
  patches,
  people,
  teams,
  writeAudit,
  type Db,
  type Tx,
} from '@hearth/db'
import type { PatchInput, PersonInput, PersonUpdate, TeamInput, TeamUpdate } from '@hearth/contracts'
import type { Role } from '@hearth/domain'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { endAllSessions } from '../../plugins/auth'

/** Every query here is built from the caller's council: another council's ids simply are not found. */
/**
 * Unit working: nobody leaves a family without a lead and a co-worker. Someone who still holds
 * families (in this team, or anywhere) must hand them over first.
 */
async function assertHoldsNoFamilies(
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

export function organisationService(db: Db) {
  async function patchOf(councilId: string, patchId: string) {
    const [row] = await db
      .select()
      .from(patches)
      .where(and(eq(patches.councilId, councilId), eq(patches.id, patchId)))
    return row ?? null
  }

  async function assertPatchFitsTeam(
    councilId: string,
    kind: string,
    patchId: string | null | undefined,
    field = 'body.patchId',
  ) {
    if (patchId) {
      if (!(await patchOf(councilId, patchId))) throw invalid(field, 'there is no such patch in this council')
    }
    if (kind === 'family_facing' && !patchId) throw invalid(field, 'a family-facing team serves a patch: choose one')
    if (kind !== 'family_facing' && patchId) throw invalid(field, 'only family-facing teams serve a patch')
  }

  async function teamWithCounts(councilId: string, teamId?: string) {
    const rows = await db
      .select({
        id: teams.id,
        name: teams.name,
        kind: teams.kind,
        patchId: teams.patchId,
        patchName: patches.name,
        caseloadCap: teams.caseloadCap,
        memberCount: sql<number>`(select count(*)::int from ${memberships} m where m.council_id = ${teams.councilId} and m.team_id = ${teams.id})`,
      })
      .from(teams)
      .leftJoin(patches, and(eq(patches.id, teams.patchId), eq(patches.councilId, teams.councilId)))
      .where(teamId ? and(eq(teams.councilId, councilId), eq(teams.id, teamId)) : eq(teams.councilId, councilId))
      .orderBy(asc(teams.kind), asc(teams.name))
    return rows
  }

  async function personOf(councilId: string, personId: string) {
    const [row] = await db
      .select()
      .from(people)
      .where(and(eq(people.councilId, councilId), eq(people.id, personId)))
    return row ?? null
  }

  function personView(p: typeof people.$inferSelect, teamList: { id: string; name: string }[]) {
    return {
      id: p.id,
      name: p.name,
      email: p.email,
      roles: p.roles as Role[],
      active: p.active,
      locked: !!p.lockedUntil && p.lockedUntil > new Date(),
      teams: teamList,
    }
  }

  async function teamsByPerson(councilId: string, personIds: string[]) {
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

  return {
    async listPatches(councilId: string) {
      return db
        .select({
          id: patches.id,
          name: patches.name,
          postcodeAreas: patches.postcodeAreas,
          teamCount: sql<number>`(select count(*)::int from ${teams} t where t.council_id = ${patches.councilId} and t.patch_id = ${patches.id})`,
        })
        .from(patches)
        .where(eq(patches.councilId, councilId))
        .orderBy(asc(patches.name))
    },

    async createPatch(ctx: Ctx, input: PatchInput) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(patches)
          .values({ councilId: ctx.councilId, name: input.name, postcodeAreas: [...new Set(input.postcodeAreas)] })
          .returning()
        await writeAudit(tx, { ...ctx, action: 'patch.create', recordType: 'patch', recordId: row!.id })
        return { ...row!, teamCount: 0 }
      })
    },

    async updatePatch(ctx: Ctx, patchId: string, input: Partial<PatchInput>) {
      return db.transaction(async (tx) => {
        const set: Partial<typeof patches.$inferInsert> = { updatedAt: new Date() }
        if (input.name !== undefined) set.name = input.name
        if (input.postcodeAreas !== undefined) set.postcodeAreas = [...new Set(input.postcodeAreas)]
        const [row] = await tx
          .update(patches)
          .set(set)
          .where(and(eq(patches.councilId, ctx.councilId), eq(patches.id, patchId)))
          .returning()
        if (!row) throw notFound('patch')
        await writeAudit(tx, {
          ...ctx,
          action: 'patch.update',
          recordType: 'patch',
          recordId: row.id,
          details: { fields: Object.keys(input) },
        })
        const [{ n }] = (await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(teams)
          .where(and(eq(teams.councilId, ctx.councilId), eq(teams.patchId, row.id)))) as [{ n: number }]
        return { ...row, teamCount: n }
      })
    },

    listTeams: (councilId: string) => teamWithCounts(councilId),

    async getTeam(councilId: string, teamId: string) {
      const [team] = await teamWithCounts(councilId, teamId)
      if (!team) throw notFound('team')
      const members = await db
        .select({
          personId: people.id,
          name: people.name,
          email: people.email,
          roles: people.roles,
          active: people.active,
        })
        .from(memberships)
        .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.councilId, memberships.councilId)))
        .where(and(eq(memberships.councilId, councilId), eq(memberships.teamId, teamId)))
        .orderBy(asc(people.name))
      return { ...team, members: members.map((m) => ({ ...m, roles: m.roles as Role[] })) }
    },

    async createTeam(ctx: Ctx, input: TeamInput) {
      await assertPatchFitsTeam(ctx.councilId, input.kind, input.patchId)
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(teams)
          .values({
            councilId: ctx.councilId,
            name: input.name,
            kind: input.kind,
            patchId: input.patchId ?? null,
            caseloadCap: input.caseloadCap ?? 14,
          })
          .returning({ id: teams.id })
        await writeAudit(tx, { ...ctx, action: 'team.create', recordType: 'team', recordId: row!.id })
        return row!.id
      })
      return (await teamWithCounts(ctx.councilId, id))[0]!
    },

    async updateTeam(ctx: Ctx, teamId: string, input: TeamUpdate) {
      const [current] = await db
        .select()
        .from(teams)
        .where(and(eq(teams.councilId, ctx.councilId), eq(teams.id, teamId)))
      if (!current) throw notFound('team')
      if (input.patchId !== undefined) await assertPatchFitsTeam(ctx.councilId, current.kind, input.patchId)
      await db.transaction(async (tx) => {
        await tx
          .update(teams)
          .set({ ...input, updatedAt: new Date() })
          .where(and(eq(teams.councilId, ctx.councilId), eq(teams.id, teamId)))
        await writeAudit(tx, {
          ...ctx,
          action: 'team.update',
          recordType: 'team',
          recordId: teamId,
          details: { fields: Object.keys(input) },
        })
      })
      return (await teamWithCounts(ctx.councilId, teamId))[0]!
    },

    async addMember(ctx: Ctx, teamId: string, personId: string) {
      const [team] = await db
        .select()
        .from(teams)
        .where(and(eq(teams.councilId, ctx.councilId), eq(teams.id, teamId)))
      if (!team) throw notFound('team')
      const person = await personOf(ctx.councilId, personId)
      if (!person) throw invalid('body.personId', 'there is no such person in this council')
      if (!person.active) throw invalid('body.personId', 'this person’s account is closed')
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(memberships)
          .values({ councilId: ctx.councilId, teamId, personId })
          .onConflictDoNothing()
          .returning({ id: memberships.id })
        if (inserted.length === 0) throw new AppError('conflict', `${person.name} is already in this team.`)
        await writeAudit(tx, {
          ...ctx,
          action: 'membership.create',
          recordType: 'team',
          recordId: teamId,
          details: { personId },
        })
      })
    },

    async removeMember(ctx: Ctx, teamId: string, personId: string) {
      await db.transaction(async (tx) => {
        await assertHoldsNoFamilies(
          tx,
          ctx.councilId,
          personId,
          teamId,
          'params.personId',
          'They cannot leave the team yet',
        )
        const removed = await tx
          .delete(memberships)
          .where(
            and(
              eq(memberships.councilId, ctx.councilId),
              eq(memberships.teamId, teamId),
              eq(memberships.personId, personId),
            ),
          )
          .returning({ id: memberships.id })
        if (removed.length === 0) throw notFound('team member')
        await writeAudit(tx, {
          ...ctx,
          action: 'membership.delete',
          recordType: 'team',
          recordId: teamId,
          details: { personId },
        })
      })
    },

    async listPeople(councilId: string) {
      const rows = await db.select().from(people).where(eq(people.councilId, councilId)).orderBy(asc(people.name))
      const byPerson = await teamsByPerson(
        councilId,
        rows.map((r) => r.id),
      )
      return rows.map((p) => personView(p, byPerson.get(p.id) ?? []))
    },

    async getPerson(councilId: string, personId: string) {
      const p = await personOf(councilId, personId)
      if (!p) throw notFound('person')
      return personView(p, (await teamsByPerson(councilId, [p.id])).get(p.id) ?? [])
    },

    async createPerson(ctx: Ctx, input: PersonInput) {
      const passwordHash = await hashPassword(input.password)
      const row = await db.transaction(async (tx) => {
        const [existing] = await tx.select({ id: people.id }).from(people).where(eq(people.email, input.email))
        if (existing)
          throw new AppError('conflict', 'Someone already signs in with that email address.', [
            { field: 'body.email', message: 'already in use' },
          ])
        const [row] = await tx
          .insert(people)
          .values({ councilId: ctx.councilId, name: input.name, email: input.email, roles: input.roles, passwordHash })
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'person.create',
          recordType: 'person',
          recordId: row!.id,
          details: { roles: input.roles },
        })
        return row!
      })
      return personView(row, [])
    },

    async updatePerson(ctx: Ctx, personId: string, input: PersonUpdate) {
      const current = await personOf(ctx.councilId, personId)
      if (!current) throw notFound('person')
      if (input.active === false && personId === ctx.actorPersonId)
        throw invalid('body.active', 'you cannot close your own account')
      if (input.roles && personId === ctx.actorPersonId && !input.roles.includes('administrator')) {
        throw invalid('body.roles', 'you cannot remove your own administrator role')
      }
      if (input.active === false)
        await assertHoldsNoFamilies(
          db,
          ctx.councilId,
          personId,
          null,
          'body.active',
          'Their account cannot be closed yet',
        )
      if (input.roles && !input.roles.includes('practitioner') && (current.roles as Role[]).includes('practitioner')) {
        await assertHoldsNoFamilies(
          db,
          ctx.councilId,
          personId,
          null,
          'body.roles',
          'They cannot stop being a practitioner yet',
        )
      }
      const set: Partial<typeof people.$inferInsert> = { updatedAt: new Date() }
      if (input.name !== undefined) set.name = input.name
      if (input.roles !== undefined) set.roles = input.roles
      if (input.active !== undefined) set.active = input.active
      if (input.password !== undefined) set.passwordHash = await hashPassword(input.password)
      if (input.unlock) Object.assign(set, { failedSignIns: 0, lockedUntil: null })
      await db.transaction(async (tx) => {
        await tx
          .update(people)
          .set(set)
          .where(and(eq(people.councilId, ctx.councilId), eq(people.id, personId)))
        const fields = Object.keys(input).filter((k) => k !== 'password')
        await writeAudit(tx, {
          ...ctx,
          action: 'person.update',
          recordType: 'person',
          recordId: personId,
          details: { fields, passwordChanged: !!input.password },
        })
      })
      if (input.active === false || input.password !== undefined) await endAllSessions(db, ctx.councilId, personId)
      return this.getPerson(ctx.councilId, personId)
    },
  }
}
