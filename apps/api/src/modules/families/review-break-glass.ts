import { and, desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { writeAudit } from '@hearth/db/audit'
import { breakGlass, breakGlassReviews, families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

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

const reviewers = alias(people, 'reviewers')
