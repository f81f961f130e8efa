import { londonDateOf } from '@hearth/domain/working-days'
import { createTask } from '../../enablers'
import type { Tx } from '../../client'
import { allocations, dutyRota, visits } from '../../schema'
import type { DemoFamily } from './families'
import type { DemoCouncil } from './organisation'

/**
 * Each family-facing team already holds some of its patch's families (lead + co-worker), has a
 * duty rota for the fortnight, and the demo practitioner has visits today.
 */
export async function seedTeamBoards(tx: Tx, org: DemoCouncil, familyRows: DemoFamily[], referred: Set<string>) {
  const { councilId, ffTeams, peopleSpecs, personRows, email } = org
  const todayIso = londonDateOf(new Date())
  for (const team of ffTeams) {
    const teamPeople = peopleSpecs
      .map((p, i) => ({ spec: p, row: personRows[i]! }))
      .filter((p) => p.spec.teams.includes(team.id))
      .map((p) => p.row)
    const patchFamilies = familyRows.filter((f) => f.patchId === team.patchId && !referred.has(f.id))
    const held = patchFamilies.slice(0, Math.ceil(patchFamilies.length * 0.6))
    for (const [i, f] of held.entries()) {
      const lead = teamPeople[i % teamPeople.length]!
      const co = teamPeople[(i + 3) % teamPeople.length]!
      await tx.insert(allocations).values([
        { councilId, familyId: f.id, teamId: team.id, personId: lead.id, role: 'lead' },
        { councilId, familyId: f.id, teamId: team.id, personId: co.id, role: 'co_worker' },
      ])
      if (lead.email === email('practitioner') || co.email === email('practitioner')) {
        const at = new Date()
        at.setUTCHours(9 + (i % 6), i % 2 ? 30 : 0, 0, 0)
        const [v] = await tx
          .insert(visits)
          .values({
            councilId,
            familyId: f.id,
            teamId: team.id,
            kind: i % 3 ? 'home_visit' : 'school',
            startsAt: at,
            durationMinutes: 60,
            place: i % 3 ? 'At home' : 'Kestrel Lane Primary (invented)',
            attendeeIds: [lead.id, co.id].filter((x, j, a) => a.indexOf(x) === j),
            bookedBy: lead.id,
          })
          .returning()
        // the enablers' queue starts with the admin these visits brought
        await createTask(tx, {
          councilId,
          sourceKey: `visit:${v!.id}:visit_confirmation`,
          taskType: 'visit_confirmation',
          teamId: team.id,
          familyId: f.id,
          visitId: v!.id,
          requestedBy: lead.id,
          notAfter: at,
        })
      }
    }
    for (let d = 0; d < 14; d++) {
      const day = new Date(Date.parse(`${todayIso}T12:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10)
      await tx
        .insert(dutyRota)
        .values({ councilId, teamId: team.id, day, personId: teamPeople[d % teamPeople.length]!.id })
    }
  }
}
