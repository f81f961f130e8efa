import { and, desc, eq, isNull } from 'drizzle-orm'
import { families } from '@hearth/db/schema/families'
import { familyMessages } from '@hearth/db/schema/family-voice'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { messageViews } from './voice-queries'
import type { Caller } from '../../kernel/caller'

/** What families said to the team that nobody in the team has seen yet, newest first. */
export async function teamFamilyMessages(deps: Deps, caller: Caller, teamId: string) {
  if (!caller.teams.some((t) => t.id === teamId && t.kind === 'family_facing')) throw notFound('team')
  const rows = await deps.db
    .select({ m: familyMessages, name: families.name, reference: families.reference })
    .from(familyMessages)
    .innerJoin(
      families,
      and(eq(families.councilId, familyMessages.councilId), eq(families.id, familyMessages.familyId)),
    )
    .where(
      and(
        eq(familyMessages.councilId, caller.councilId),
        eq(familyMessages.teamId, teamId),
        isNull(familyMessages.seenAt),
      ),
    )
    .orderBy(desc(familyMessages.createdAt))
    .limit(100)
  const views = await messageViews(
    deps.db,
    caller.councilId,
    rows.map((r) => r.m),
  )
  return {
    messages: views.map((v, i) => ({ ...v, familyName: rows[i]!.name, familyReference: rows[i]!.reference })),
  }
}
