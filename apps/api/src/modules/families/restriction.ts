import { and, desc, eq } from 'drizzle-orm'
import { breakGlass, families, people, writeAudit } from '@hearth/db'
import { BREAK_GLASS_HOURS, type FamilyScope } from '@hearth/domain'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { familyInScope, namedStaff } from './family-queries'

/**
 * Restricts the family's record (a child placed for adoption; a family of a member of staff; a
 * case in the news) to the staff named: everyone else gets "not found" from every route, list and
 * search. Only someone who can read it now may restrict it or change who is named; they are always named.
 */
export async function setRestriction(
  deps: Deps,
  ctx: Ctx,
  actor: { familyScope: FamilyScope; personId: string },
  familyId: string,
  input: { restricted: boolean; namedPeople: string[]; reason?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    await familyInScope(tx, ctx.councilId, actor.familyScope, familyId)
    const named = await namedStaff(tx, ctx.councilId, actor.personId, input.namedPeople, 'body.namedPeople')
    if (input.restricted && !input.reason) throw invalid('body.reason', 'say why the record is restricted')
    const [row] = await tx
      .update(families)
      .set({
        restricted: input.restricted,
        restrictedTo: input.restricted ? named : [],
        restrictedReason: input.restricted ? (input.reason ?? null) : null,
        updatedAt: new Date(),
      })
      .where(and(eq(families.councilId, ctx.councilId), eq(families.id, familyId)))
      .returning()
    await writeAudit(tx, {
      ...ctx,
      action: input.restricted ? 'family.restrict' : 'family.unrestrict',
      recordType: 'family',
      recordId: familyId,
      familyId,
      details: { namedPeople: input.restricted ? named : [] },
    })
    return row!
  })
}

/**
 * Break-glass: someone whose role allows it (the front door) opens a restricted record they are not
 * named on, saying why. Time-limited; audited; the record's lead and the administrators see it.
 * The family is named by its reference: a restricted record is otherwise absent for them.
 */
export async function breakTheGlass(deps: Deps, ctx: Ctx, reference: string, reason: string) {
  const [family] = await deps.db
    .select({ id: families.id, restricted: families.restricted })
    .from(families)
    .where(and(eq(families.councilId, ctx.councilId), eq(families.reference, reference)))
  if (!family) throw notFound('family with that reference')
  if (!family.restricted) throw new AppError('conflict', 'This record is not restricted: open it as usual.')
  const expiresAt = new Date(Date.now() + BREAK_GLASS_HOURS * 3600_000)
  const row = await deps.db.transaction(async (tx) => {
    const [made] = await tx
      .insert(breakGlass)
      .values({ councilId: ctx.councilId, personId: ctx.actorPersonId!, familyId: family.id, reason, expiresAt })
      .returning()
    await writeAudit(tx, {
      ...ctx,
      action: 'family.break_glass',
      recordType: 'family',
      recordId: family.id,
      familyId: family.id,
      details: { breakGlassId: made!.id, expiresAt: expiresAt.toISOString() },
    })
    return made!
  })
  return { id: row.id, familyId: family.id, expiresAt: row.expiresAt.toISOString() }
}

/** Every break-glass opening, newest first: for the administrators (the information governance role). */
export async function listBreakGlass(deps: Deps, ctx: Ctx) {
  const rows = await deps.db
    .select({ g: breakGlass, personName: people.name, reference: families.reference })
    .from(breakGlass)
    .innerJoin(people, and(eq(people.councilId, breakGlass.councilId), eq(people.id, breakGlass.personId)))
    .innerJoin(families, and(eq(families.councilId, breakGlass.councilId), eq(families.id, breakGlass.familyId)))
    .where(eq(breakGlass.councilId, ctx.councilId))
    .orderBy(desc(breakGlass.startedAt))
    .limit(500)
  return {
    grants: rows.map((r) => ({
      id: r.g.id,
      familyId: r.g.familyId,
      personName: r.personName,
      familyReference: r.reference,
      reason: r.g.reason,
      startedAt: r.g.startedAt.toISOString(),
      expiresAt: r.g.expiresAt.toISOString(),
    })),
  }
}
