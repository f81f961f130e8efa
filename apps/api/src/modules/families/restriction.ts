import { and, count, desc, eq, gte, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { allocations, breakGlass, breakGlassReviews, families, people, writeAudit } from '@hearth/db'
import { BREAK_GLASS_HOURS } from '@hearth/domain'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { familyInScope, namedStaff } from './family-queries'
import type { Caller } from '../../kernel/caller'

/**
 * Restricts the family's record (a child placed for adoption; a family of a member of staff; a
 * case in the news) to the staff named: everyone else gets "not found" from every route, list and
 * search. Only someone who can read it now may restrict it or change who is named; they are always named.
 */
export async function setRestriction(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: { restricted: boolean; namedPeople: string[]; reason?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    await familyInScope(tx, caller.councilId, caller.familyScope, familyId)
    const named = await namedStaff(tx, caller.councilId, caller.personId, input.namedPeople, 'body.namedPeople')
    if (input.restricted && !input.reason) throw invalid('body.reason', 'say why the record is restricted')
    const [row] = await tx
      .update(families)
      .set({
        restricted: input.restricted,
        restrictedTo: input.restricted ? named : [],
        restrictedReason: input.restricted ? (input.reason ?? null) : null,
        updatedAt: new Date(),
      })
      .where(and(eq(families.councilId, caller.councilId), eq(families.id, familyId)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
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
export async function breakTheGlass(deps: Deps, caller: Caller, reference: string, reason: string) {
  const [family] = await deps.db
    .select({ id: families.id, restricted: families.restricted })
    .from(families)
    .where(and(eq(families.councilId, caller.councilId), eq(families.reference, reference)))
  if (!family) throw notFound('family with that reference')
  if (!family.restricted) throw new AppError('conflict', 'This record is not restricted: open it as usual.')
  const expiresAt = new Date(Date.now() + BREAK_GLASS_HOURS * 3600_000)
  const row = await deps.db.transaction(async (tx) => {
    const [made] = await tx
      .insert(breakGlass)
      .values({
        councilId: caller.councilId,
        personId: caller.audit.actorPersonId!,
        familyId: family.id,
        reason,
        expiresAt,
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
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

const reviewers = alias(people, 'reviewers')

/** Every break-glass opening, newest first, with information governance's review of it. */
export async function listBreakGlass(deps: Deps, caller: Caller) {
  const rows = await deps.db
    .select({
      g: breakGlass,
      personName: people.name,
      reference: families.reference,
      review: breakGlassReviews,
      reviewer: reviewers.name,
    })
    .from(breakGlass)
    .innerJoin(people, and(eq(people.councilId, breakGlass.councilId), eq(people.id, breakGlass.personId)))
    .innerJoin(families, and(eq(families.councilId, breakGlass.councilId), eq(families.id, breakGlass.familyId)))
    .leftJoin(
      breakGlassReviews,
      and(eq(breakGlassReviews.councilId, breakGlass.councilId), eq(breakGlassReviews.breakGlassId, breakGlass.id)),
    )
    .leftJoin(
      reviewers,
      and(eq(reviewers.councilId, breakGlass.councilId), eq(reviewers.id, breakGlassReviews.reviewedBy)),
    )
    .where(eq(breakGlass.councilId, caller.councilId))
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
      review: r.review
        ? {
            outcome: r.review.outcome,
            note: r.review.note,
            reviewedBy: r.reviewer ?? '',
            reviewedAt: r.review.reviewedAt.toISOString(),
          }
        : null,
    })),
  }
}

/** Information governance's review of one opening: once, kept as written. */
export async function reviewBreakGlass(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { outcome: 'justified' | 'concern'; note?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    const [g] = await tx
      .select()
      .from(breakGlass)
      .where(and(eq(breakGlass.councilId, caller.councilId), eq(breakGlass.id, id)))
    if (!g) throw notFound('break-glass opening')
    const [made] = await tx
      .insert(breakGlassReviews)
      .values({
        councilId: caller.councilId,
        breakGlassId: id,
        outcome: input.outcome,
        note: input.note ?? null,
        reviewedBy: caller.audit.actorPersonId!,
      })
      .onConflictDoNothing()
      .returning()
    if (!made) throw new AppError('conflict', 'This opening has been reviewed already.')
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family.break_glass_review',
      recordType: 'break_glass',
      recordId: id,
      familyId: g.familyId,
      details: { outcome: input.outcome },
    })
    return { ok: true as const }
  })
}

/** How long an opening stays on the alerts of the staff named on the record and its workers. */
const ALERT_DAYS = 14

/**
 * Openings the person should know of: for information governance, how many wait for review;
 * for anyone, recent openings of records they are named on or hold as lead or co-worker.
 */
export async function glassAlerts(deps: Deps, caller: Caller) {
  const since = new Date(Date.now() - ALERT_DAYS * 86_400_000)
  const [toReview] = caller.roles.includes('information_governance')
    ? await deps.db
        .select({ n: count() })
        .from(breakGlass)
        .where(
          and(
            eq(breakGlass.councilId, caller.councilId),
            sql`not exists (select 1 from ${breakGlassReviews} r where r.council_id = ${breakGlass.councilId} and r.break_glass_id = ${breakGlass.id})`,
          ),
        )
    : [{ n: 0 }]
  const rows = await deps.db
    .select({ g: breakGlass, personName: people.name, reference: families.reference })
    .from(breakGlass)
    .innerJoin(people, and(eq(people.councilId, breakGlass.councilId), eq(people.id, breakGlass.personId)))
    .innerJoin(families, and(eq(families.councilId, breakGlass.councilId), eq(families.id, breakGlass.familyId)))
    .where(
      and(
        eq(breakGlass.councilId, caller.councilId),
        gte(breakGlass.startedAt, since),
        or(
          sql`${caller.personId}::uuid = any(${families.restrictedTo})`,
          sql`exists (select 1 from ${allocations} a where a.council_id = ${breakGlass.councilId} and a.family_id = ${breakGlass.familyId} and a.person_id = ${caller.personId} and a.ended_at is null)`,
        ),
      ),
    )
    .orderBy(desc(breakGlass.startedAt))
    .limit(50)
  return {
    toReview: toReview?.n ?? 0,
    openings: rows.map((r) => ({
      id: r.g.id,
      familyId: r.g.familyId,
      familyReference: r.reference,
      personName: r.personName,
      reason: r.g.reason,
      startedAt: r.g.startedAt.toISOString(),
      expiresAt: r.g.expiresAt.toISOString(),
    })),
  }
}
