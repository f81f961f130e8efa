import { and, count, desc, eq, gte, or, sql } from 'drizzle-orm'
import { breakGlass, breakGlassReviews, families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

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

/** How long an opening stays on the alerts of the staff named on the record and its workers. */
const ALERT_DAYS = 14
