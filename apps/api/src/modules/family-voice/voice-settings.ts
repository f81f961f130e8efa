import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { familyVoiceSettings } from '@hearth/db/schema/family-voice'
import { teams } from '@hearth/db/schema/organisation'
import type { Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import { voiceSettings } from './voice-queries'
import type { Caller } from '../../kernel/caller'

/** Teams that can run the complaints route: the council's enablers' teams. */
async function enablerTeams(deps: Deps, councilId: string) {
  return deps.db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.councilId, councilId), eq(teams.kind, 'enabler')))
    .orderBy(teams.name)
}

export async function getVoiceSettings(deps: Deps, caller: Caller) {
  return { ...(await voiceSettings(deps.db, caller.councilId)), teams: await enablerTeams(deps, caller.councilId) }
}

/** How long new links last, and which enablers' team takes complaints (the administrator's choice). */
export async function setVoiceSettings(
  deps: Deps,
  caller: Caller,
  input: { linkDays: number; complaintsTeamId: string | null },
) {
  const choices = await enablerTeams(deps, caller.councilId)
  if (input.complaintsTeamId && !choices.some((t) => t.id === input.complaintsTeamId))
    throw invalid('body.complaintsTeamId', 'choose one of the council’s enablers’ teams')
  await deps.db.transaction(async (tx) => {
    const now = new Date()
    await tx
      .insert(familyVoiceSettings)
      .values({ councilId: caller.councilId, ...input, updatedBy: caller.audit.actorPersonId, updatedAt: now })
      .onConflictDoUpdate({
        target: familyVoiceSettings.councilId,
        set: { ...input, updatedBy: caller.audit.actorPersonId, updatedAt: now },
      })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family_voice.settings',
      recordType: 'council',
      recordId: caller.councilId,
      details: { linkDays: input.linkDays, complaintsTeamId: input.complaintsTeamId },
    })
  })
  return getVoiceSettings(deps, caller)
}
