import type { Ctx, Deps } from '../../kernel/context'
import { dutyRota, writeAudit } from '@hearth/db'
import { invalid } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { logDecision, myTeam, practitioners } from './team-board-queries'

export async function setDuty(deps: Deps, ctx: Ctx, actor: Actor, teamId: string, day: string, personId: string) {
  const { db } = deps
  await myTeam(db, actor, teamId)
  await db.transaction(async (tx) => {
    const team_ = await practitioners(tx, ctx.councilId, teamId)
    const person = team_.find((p) => p.personId === personId)
    if (!person) throw invalid('body.personId', 'choose a practitioner in this team')
    await tx
      .insert(dutyRota)
      .values({ councilId: ctx.councilId, teamId, day, personId })
      .onConflictDoUpdate({ target: [dutyRota.councilId, dutyRota.teamId, dutyRota.day], set: { personId } })
    await logDecision(tx, {
      councilId: ctx.councilId,
      teamId,
      kind: 'rota',
      summary: `${person.name} is on duty on ${day}.`,
      presentIds: [],
      recordedBy: actor.personId,
      details: { day, personId },
    })
    await writeAudit(tx, {
      ...ctx,
      action: 'rota.set',
      recordType: 'team',
      recordId: teamId,
      details: { day, personId },
    })
  })
}
