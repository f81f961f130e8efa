import { and, eq } from 'drizzle-orm'
import { councilHolidays } from '@hearth/db/case-process'
import { councils } from '@hearth/db/schema/councils'
import { children } from '@hearth/db/schema/families'
import { teams } from '@hearth/db/schema/organisation'
import { collectionYearOf } from '@hearth/domain/census-codes'
import { londonDateOf } from '@hearth/domain/working-days'
import { buildCensusChild, censusContext, childRecords } from '@hearth/returns'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { holdingTeamId } from '../families/family-queries'

/** A child as the census sees them (for the data team): the record, the team, this year's episodes. */
export async function getCensusChild(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const councilId = caller.councilId
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.id, id)))
  if (!child) throw notFound('child')
  const today = londonDateOf(new Date())
  const year = collectionYearOf(today)
  const [council] = await db.select({ laCode: councils.laCode }).from(councils).where(eq(councils.id, councilId))
  const [records] = await childRecords(db, councilId, [child.id])
  const built = buildCensusChild(records!, censusContext(year, council!.laCode), await councilHolidays(db, councilId))
  const teamId = await holdingTeamId(db, councilId, child.familyId)
  const [team] = teamId
    ? await db
        .select({ name: teams.name })
        .from(teams)
        .where(and(eq(teams.councilId, councilId), eq(teams.id, teamId)))
    : []
  return {
    child,
    holdingTeam: team?.name ?? null,
    collectionYear: year,
    episodes: (built?.episodes ?? []).map((e) => ({
      referralDate: e.referralDate,
      referralSource: e.referralSource,
      primaryNeed: e.primaryNeed,
      closureDate: e.closureDate,
      closureReason: e.closureReason,
      referralNfa: e.referralNfa,
      assessments: e.assessments.length,
      cinPlans: e.cinPlans.length,
      section47s: e.section47s.length,
      cpPlans: e.cpPlans.length,
      preProceedings: e.preProceedings.length,
    })),
  }
}
