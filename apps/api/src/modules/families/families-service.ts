import type { Ctx } from '../../kernel/context'
import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import {
  adults,
  allocations,
  children,
  families,
  newLaChildId,
  nextReference,
  offers,
  patches,
  relationships,
  writeAudit,
  type Db,
  type Family,
  type Tx,
} from '@hearth/db'
import type {
  AdultInput,
  ChildInput,
  ChildUpdate,
  FamilyInput,
  FamilyUpdate,
  RelationshipInput,
} from '@hearth/contracts'
import { canSeeFamily, findPatchForPostcode, type FamilyScope } from '@hearth/domain'
import { invalid, notFound } from '../../kernel/errors'

/** The teams holding these families now (their leads' teams), by family; a family nobody holds is absent. */
export async function holdingTeams(db: Db, councilId: string, familyIds: string[]): Promise<Map<string, string>> {
  if (!familyIds.length) return new Map()
  const leads = await db
    .select({ familyId: allocations.familyId, teamId: allocations.teamId })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, councilId),
        inArray(allocations.familyId, familyIds),
        eq(allocations.role, 'lead'),
        isNull(allocations.endedAt),
      ),
    )
  return new Map(leads.map((l) => [l.familyId, l.teamId]))
}

/** The team holding a family now, if any. */
export async function holdingTeamId(db: Db, councilId: string, familyId: string): Promise<string | null> {
  return (await holdingTeams(db, councilId, [familyId])).get(familyId) ?? null
}

/**
 * Family and child records. Every function takes the caller's scope: a record outside it is
 * "not found" (its existence never leaks), and every read and write leaves an audit row.
 */
export function familyService(db: Db) {
  const offeredToTeams = (teamIds: string[]) =>
    teamIds.length
      ? sql`exists (select 1 from ${offers} o where o.council_id = ${families.councilId} and o.family_id = ${families.id} and o.status <> 'withdrawn' and o.team_id in ${teamIds})`
      : sql`false`

  function scopeCondition(councilId: string, scope: FamilyScope): SQL | undefined {
    if (scope.kind === 'all') return eq(families.councilId, councilId)
    if (scope.kind === 'none') return sql`false`
    const byPatch = scope.patchIds.length ? inArray(families.patchId, scope.patchIds) : sql`false`
    return and(eq(families.councilId, councilId), or(byPatch, offeredToTeams(scope.teamIds)))
  }

  async function familyInScope(ex: Db | Tx, councilId: string, scope: FamilyScope, familyId: string): Promise<Family> {
    const [family] = await ex
      .select()
      .from(families)
      .where(and(eq(families.councilId, councilId), eq(families.id, familyId)))
    if (!family) throw notFound('family')
    if (canSeeFamily(scope, family.patchId)) return family
    if (scope.kind === 'patches' && scope.teamIds.length) {
      const [offered] = await ex
        .select({ id: offers.id })
        .from(offers)
        .where(
          and(
            eq(offers.councilId, councilId),
            eq(offers.familyId, familyId),
            inArray(offers.teamId, scope.teamIds),
            sql`${offers.status} <> 'withdrawn'`,
          ),
        )
        .limit(1)
      if (offered) return family
    }
    throw notFound('family')
  }

  async function patchFor(ex: Db | Tx, councilId: string, postcode: string) {
    const list = await ex
      .select({ id: patches.id, postcodeAreas: patches.postcodeAreas })
      .from(patches)
      .where(eq(patches.councilId, councilId))
    return findPatchForPostcode(postcode, list)?.id ?? null
  }

  return {
    /** The family, if the caller may see it; otherwise "not found". */
    inScope: (councilId: string, scope: FamilyScope, familyId: string) => familyInScope(db, councilId, scope, familyId),

    async list(councilId: string, scope: FamilyScope, q: { q?: string; limit: number; offset: number }, ctx: Ctx) {
      const conditions = [scopeCondition(councilId, scope)]
      if (q.q) {
        const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        conditions.push(
          or(
            ilike(families.name, like),
            ilike(families.reference, like),
            ilike(families.postcode, like),
            sql`exists (select 1 from ${children} c where c.council_id = ${families.councilId} and c.family_id = ${families.id} and (c.first_name || ' ' || c.last_name) ilike ${like})`,
          ),
        )
      }
      const rows = await db
        .select({
          id: families.id,
          reference: families.reference,
          name: families.name,
          postcode: families.postcode,
          patchId: families.patchId,
          patchName: patches.name,
          childCount: sql<number>`(select count(*)::int from ${children} c where c.council_id = ${families.councilId} and c.family_id = ${families.id})`,
        })
        .from(families)
        .leftJoin(patches, and(eq(patches.id, families.patchId), eq(patches.councilId, families.councilId)))
        .where(and(...conditions))
        .orderBy(asc(families.name), asc(families.reference))
        .limit(q.limit)
        .offset(q.offset)
      return rows
    },

    async get(councilId: string, scope: FamilyScope, familyId: string, ctx: Ctx) {
      const family = await familyInScope(db, councilId, scope, familyId)
      const [childRows, adultRows, relRows, patchRows] = await Promise.all([
        db
          .select()
          .from(children)
          .where(and(eq(children.councilId, councilId), eq(children.familyId, familyId)))
          .orderBy(asc(children.dateOfBirth)),
        db
          .select()
          .from(adults)
          .where(and(eq(adults.councilId, councilId), eq(adults.familyId, familyId)))
          .orderBy(asc(adults.name)),
        db
          .select()
          .from(relationships)
          .where(and(eq(relationships.councilId, councilId), eq(relationships.familyId, familyId))),
        family.patchId
          ? db
              .select({ name: patches.name })
              .from(patches)
              .where(and(eq(patches.councilId, councilId), eq(patches.id, family.patchId)))
          : Promise.resolve([]),
      ])
      return {
        ...family,
        patchName: patchRows[0]?.name ?? null,
        children: childRows,
        adults: adultRows,
        relationships: relRows,
      }
    },

    async create(ctx: Ctx, scope: FamilyScope, input: FamilyInput) {
      return db.transaction(async (tx) => {
        const patchId = await patchFor(tx, ctx.councilId, input.postcode)
        if (!canSeeFamily(scope, patchId))
          throw invalid(
            'body.postcode',
            'this postcode is outside your team’s patch: ask the referral team to record the family',
          )
        const [row] = await tx
          .insert(families)
          .values({
            ...input,
            addressLine2: input.addressLine2 ?? null,
            councilId: ctx.councilId,
            patchId,
            reference: await nextReference(tx, 'family'),
          })
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'family.create',
          recordType: 'family',
          recordId: row!.id,
          familyId: row!.id,
        })
        return row!
      })
    },

    async update(ctx: Ctx, scope: FamilyScope, familyId: string, input: FamilyUpdate) {
      return db.transaction(async (tx) => {
        await familyInScope(tx, ctx.councilId, scope, familyId)
        const set: Partial<typeof families.$inferInsert> = { ...input, updatedAt: new Date() }
        if (input.postcode) set.patchId = await patchFor(tx, ctx.councilId, input.postcode)
        const [row] = await tx
          .update(families)
          .set(set)
          .where(and(eq(families.councilId, ctx.councilId), eq(families.id, familyId)))
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'family.update',
          recordType: 'family',
          recordId: familyId,
          familyId,
          details: { fields: Object.keys(input) },
        })
        return row!
      })
    },

    async addChild(ctx: Ctx, scope: FamilyScope, familyId: string, input: ChildInput) {
      return db.transaction(async (tx) => {
        await familyInScope(tx, ctx.councilId, scope, familyId)
        const [row] = await tx
          .insert(children)
          .values({
            councilId: ctx.councilId,
            familyId,
            laChildId: input.laChildId ?? newLaChildId(),
            firstName: input.firstName,
            lastName: input.lastName,
            dateOfBirth: input.dateOfBirth ?? null,
            expectedDateOfBirth: input.expectedDateOfBirth ?? null,
            sex: input.sex,
            ethnicity: input.ethnicity,
            nhsNumber: input.nhsNumber ?? null,
            upn: input.upn ?? null,
          })
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'child.create',
          recordType: 'child',
          recordId: row!.id,
          familyId,
          childId: row!.id,
        })
        return row!
      })
    },

    async getChild(councilId: string, scope: FamilyScope, childId: string, ctx: Ctx) {
      const [child] = await db
        .select()
        .from(children)
        .where(and(eq(children.councilId, councilId), eq(children.id, childId)))
      if (!child) throw notFound('child')
      try {
        await familyInScope(db, councilId, scope, child.familyId)
      } catch {
        throw notFound('child')
      }
      return child
    },

    async updateChild(ctx: Ctx, scope: FamilyScope, childId: string, input: ChildUpdate) {
      return db.transaction(async (tx) => {
        const [child] = await tx
          .select()
          .from(children)
          .where(and(eq(children.councilId, ctx.councilId), eq(children.id, childId)))
        if (!child) throw notFound('child')
        await familyInScope(tx, ctx.councilId, scope, child.familyId).catch(() => {
          throw notFound('child')
        })
        const merged = { ...child, ...input }
        if (merged.dateOfBirth && merged.expectedDateOfBirth) {
          throw invalid(
            'body.expectedDateOfBirth',
            'give a date of birth or an expected date of birth, not both (clear one with null)',
          )
        }
        if (!merged.dateOfBirth && !merged.expectedDateOfBirth)
          throw invalid('body.dateOfBirth', 'a child needs a date of birth or an expected date')
        if (merged.expectedDateOfBirth && merged.sex !== 'U')
          throw invalid('body.sex', 'an unborn child is recorded as U')
        const [row] = await tx
          .update(children)
          .set({ ...input, updatedAt: new Date() })
          .where(and(eq(children.councilId, ctx.councilId), eq(children.id, childId)))
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'child.update',
          recordType: 'child',
          recordId: childId,
          familyId: child.familyId,
          childId,
          details: { fields: Object.keys(input) },
        })
        return row!
      })
    },

    async addAdult(ctx: Ctx, scope: FamilyScope, familyId: string, input: AdultInput) {
      return db.transaction(async (tx) => {
        await familyInScope(tx, ctx.councilId, scope, familyId)
        const [row] = await tx
          .insert(adults)
          .values({
            councilId: ctx.councilId,
            familyId,
            name: input.name,
            description: input.description ?? null,
            phone: input.phone ?? null,
            livesWithFamily: input.livesWithFamily,
          })
          .returning()
        await writeAudit(tx, { ...ctx, action: 'adult.create', recordType: 'adult', recordId: row!.id, familyId })
        return row!
      })
    },

    async addRelationship(ctx: Ctx, scope: FamilyScope, familyId: string, input: RelationshipInput) {
      return db.transaction(async (tx) => {
        await familyInScope(tx, ctx.councilId, scope, familyId)
        const [adult] = await tx
          .select({ id: adults.id })
          .from(adults)
          .where(and(eq(adults.councilId, ctx.councilId), eq(adults.familyId, familyId), eq(adults.id, input.adultId)))
        if (!adult) throw invalid('body.adultId', 'this person is not on the family’s record')
        const [child] = await tx
          .select({ id: children.id })
          .from(children)
          .where(
            and(eq(children.councilId, ctx.councilId), eq(children.familyId, familyId), eq(children.id, input.childId)),
          )
        if (!child) throw invalid('body.childId', 'this child is not in the family')
        const [row] = await tx
          .insert(relationships)
          .values({
            councilId: ctx.councilId,
            familyId,
            adultId: input.adultId,
            childId: input.childId,
            kind: input.kind,
            strengths: input.strengths ?? null,
            worries: input.worries ?? null,
          })
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'relationship.create',
          recordType: 'relationship',
          recordId: row!.id,
          familyId,
          childId: input.childId,
        })
        return row!
      })
    },
  }
}
