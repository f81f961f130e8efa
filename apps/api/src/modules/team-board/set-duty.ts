import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { dutyRota } from '@hearth/db/schema/team-board'
import { invalid } from '../../kernel/errors'
import { logDecision, myTeam, practitioners } from './team-board-queries'
import type { Caller } from '../../kernel/caller'

export async function setDuty(deps: Deps, caller: Caller, teamId: string, day: string, personId: string) {
  const { db } = deps
  await myTeam(db, caller, teamId)
  await db.transaction(async (tx) => {
    const team_ = await practitioners(tx, caller.councilId, teamId)
    const person = team_.find((p) => p.personId === personId)
    if (!person) throw invalid('body.personId', 'choose a practitioner in this team')
    await tx
      .insert(dutyRota)
      .values({ councilId: caller.councilId, teamId, day, personId })
      .onConflictDoUpdate({ target: [dutyRota.councilId, dutyRota.teamId, dutyRota.day], set: { personId } })
    await logDecision(tx, {
      councilId: caller.councilId,
      teamId,
      kind: 'rota',
      summary: `${person.name} is on duty on ${day}.`,
      presentIds: [],
      recordedBy: caller.personId,
      details: { day, personId },
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'rota.set',
      recordType: 'team',
      recordId: teamId,
      details: { day, personId },
    })
  })
}
