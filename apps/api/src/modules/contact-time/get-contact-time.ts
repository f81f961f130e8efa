import { CONTACT_SHARE_BEFORE, CONTACT_SHARE_TARGET } from '@hearth/domain/contact-time'
import { weekBounds } from '@hearth/domain/insight'
import type { Deps } from '../../kernel/context'
import { myTeam } from '../team-board/team-board-queries'
import { appointmentCounts, contactWeeks, sumWeeks, teamPractitioners } from './contact-time-queries'
import type { Caller } from '../../kernel/caller'

/** A practitioner's own share of the week with families, week by week. */
export async function getMyContactTime(deps: Deps, caller: Caller, weeks: number) {
  const { byPerson } = await contactWeeks(deps.db, caller.councilId, [caller.personId], weeks)
  return { target: CONTACT_SHARE_TARGET, before: CONTACT_SHARE_BEFORE, weeks: byPerson.get(caller.personId) ?? [] }
}

/**
 * For the team itself (it manages itself): each practitioner's share and the team's. Insight and
 * strategy never see this list, only team totals.
 */
export async function getTeamContactTime(deps: Deps, caller: Caller, teamId: string, weeks: number) {
  const { db } = deps
  await myTeam(db, caller, teamId)
  const practitioners = (await teamPractitioners(db, caller.councilId, [teamId])).get(teamId) ?? []
  const { mondays, byPerson } = await contactWeeks(
    db,
    caller.councilId,
    practitioners.map((p) => p.personId),
    weeks,
  )
  const team = sumWeeks(
    mondays,
    practitioners.map((p) => byPerson.get(p.personId)!),
  )
  const counts = await appointmentCounts(
    db,
    caller.councilId,
    [teamId],
    weekBounds(mondays[0]!).from,
    weekBounds(mondays.at(-1)!).to,
  )
  const appointments = mondays.map((m) => {
    const c = counts.find((x) => x.monday === m)
    return {
      weekStart: m,
      appointments: c?.appointments ?? 0,
      onTime: c?.onTime ?? 0,
      shortNotice: c?.shortNotice ?? 0,
      missed: c?.missed ?? 0,
    }
  })
  return {
    target: CONTACT_SHARE_TARGET,
    before: CONTACT_SHARE_BEFORE,
    team,
    appointments,
    members: practitioners.map((p) => ({ personId: p.personId, name: p.name, weeks: byPerson.get(p.personId)! })),
  }
}
