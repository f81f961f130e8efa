import { and, asc, eq } from 'drizzle-orm'
import { memberships, people } from '@hearth/db'
import { CONTACT_SHARE_BEFORE, CONTACT_SHARE_TARGET, contactShare } from '@hearth/domain'
import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { myTeam } from '../team-board/team-board-queries'
import { type ContactWeek, contactWeeks } from './contact-time-queries'

/** A practitioner's own share of the week with families, week by week. */
export async function getMyContactTime(deps: Deps, ctx: Ctx, actor: Actor, weeks: number) {
  const { byPerson } = await contactWeeks(deps.db, ctx.councilId, [actor.personId], weeks)
  return { target: CONTACT_SHARE_TARGET, before: CONTACT_SHARE_BEFORE, weeks: byPerson.get(actor.personId) ?? [] }
}

/**
 * For the team itself (it manages itself): each practitioner's share and the team's. Insight and
 * strategy never see this list, only team totals.
 */
export async function getTeamContactTime(deps: Deps, ctx: Ctx, actor: Actor, teamId: string, weeks: number) {
  const { db } = deps
  await myTeam(db, actor, teamId)
  const members = await db
    .select({ personId: people.id, name: people.name, roles: people.roles })
    .from(memberships)
    .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.councilId, memberships.councilId)))
    .where(and(eq(memberships.councilId, ctx.councilId), eq(memberships.teamId, teamId), eq(people.active, true)))
    .orderBy(asc(people.name))
  const practitioners = members.filter((m) => (m.roles as string[]).includes('practitioner'))
  const { mondays, byPerson } = await contactWeeks(
    db,
    ctx.councilId,
    practitioners.map((p) => p.personId),
    weeks,
  )
  const team: ContactWeek[] = mondays.map((monday, i) => {
    const all = practitioners.map((p) => byPerson.get(p.personId)![i]!)
    const direct = all.reduce((s, w) => s + w.directMinutes, 0)
    const working = all.reduce((s, w) => s + w.workingMinutes, 0)
    return { weekStart: monday, directMinutes: direct, workingMinutes: working, share: contactShare(direct, working) }
  })
  return {
    target: CONTACT_SHARE_TARGET,
    before: CONTACT_SHARE_BEFORE,
    team,
    members: practitioners.map((p) => ({ personId: p.personId, name: p.name, weeks: byPerson.get(p.personId)! })),
  }
}
