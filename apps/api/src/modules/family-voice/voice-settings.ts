import { and, eq } from 'drizzle-orm'
import { familyVoiceSettings, teams, writeAudit } from '@hearth/db'
import type { Ctx, Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import { voiceSettings } from './voice-queries'

/** Teams that can run the complaints route: the council's enablers' teams. */
async function enablerTeams(deps: Deps, councilId: string) {
  return deps.db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.councilId, councilId), eq(teams.kind, 'enabler')))
    .orderBy(teams.name)
}

export async function getVoiceSettings(deps: Deps, ctx: Ctx) {
  return { ...(await voiceSettings(deps.db, ctx.councilId)), teams: await enablerTeams(deps, ctx.councilId) }
}

/** How long new links last, and which enablers' team takes complaints (the administrator's choice). */
export async function setVoiceSettings(
  deps: Deps,
  ctx: Ctx,
  input: { linkDays: number; complaintsTeamId: string | null },
) {
  const choices = await enablerTeams(deps, ctx.councilId)
  if (input.complaintsTeamId && !choices.some((t) => t.id === input.complaintsTeamId))
    throw invalid('body.complaintsTeamId', 'choose one of the council’s enablers’ teams')
  await deps.db.transaction(async (tx) => {
    const now = new Date()
    await tx
      .insert(familyVoiceSettings)
      .values({ councilId: ctx.councilId, ...input, updatedBy: ctx.actorPersonId, updatedAt: now })
      .onConflictDoUpdate({
        target: familyVoiceSettings.councilId,
        set: { ...input, updatedBy: ctx.actorPersonId, updatedAt: now },
      })
    await writeAudit(tx, {
      ...ctx,
      action: 'family_voice.settings',
      recordType: 'council',
      recordId: ctx.councilId,
      details: { linkDays: input.linkDays, complaintsTeamId: input.complaintsTeamId },
    })
  })
  return getVoiceSettings(deps, ctx)
}
