import type { Deps } from '../../kernel/context'
import { myTeam } from '../team-board/team-board-queries'
import { assessmentViews, openAssessmentsOf } from './assessment-queries'
import type { Caller } from '../../kernel/caller'
import { byDue } from './assessments-shared'

/** The actor's own families' open assessments, soonest due first (for My day). */
export async function myDueAssessments(deps: Deps, caller: Caller) {
  const rows = await openAssessmentsOf(deps.db, caller.councilId, { personId: caller.personId })
  return byDue(await assessmentViews(deps.db, caller.councilId, rows))
}

/** The team's families' open assessments, soonest due first (for the team board). */
export async function teamDueAssessments(deps: Deps, caller: Caller, teamId: string) {
  await myTeam(deps.db, caller, teamId)
  const rows = await openAssessmentsOf(deps.db, caller.councilId, { teamId })
  return byDue(await assessmentViews(deps.db, caller.councilId, rows))
}
