import { hideSmallCounts, isSmallTeam } from '@hearth/domain'
import type { getFigureSeries } from './get-figure-series'
import type { getTeamFigures } from './get-team-figures'

type Series = Awaited<ReturnType<typeof getFigureSeries>>
type TeamNow = Awaited<ReturnType<typeof getTeamFigures>>[number]

/**
 * The figures as insight and strategy see them (screens and CSV): in a team of fewer than three
 * practitioners, counts from 1 to 4 and what could be worked out from them are not shown. The
 * hand-counted figures underneath stay exact (getFigureSeries, getTeamFigures).
 */
export function seriesForDisplay(s: Series) {
  return {
    ...s,
    teams: s.teams.map((t) => ({
      ...t,
      smallNumbersHidden: isSmallTeam(t.practitioners),
      weeks: t.weeks.map((w) =>
        hideSmallCounts(w, t.practitioners, [
          { counts: ['childrenHeld'] },
          { counts: ['familiesHeld'] },
          { counts: ['familiesWaiting'], derived: ['longestWaitHours'] },
          { counts: ['referralsDecided', 'referralsDecidedInOneWorkingDay'] },
          { counts: ['adminTasksCreated'] },
          { counts: ['adminTasksDone'], derived: ['medianAdminHoursToComplete'] },
          { counts: ['consultationsAsked'], derived: ['medianConsultationWaitHours'] },
        ]),
      ),
    })),
  }
}

export function teamForDisplay(t: TeamNow) {
  return {
    ...hideSmallCounts(t, t.practitioners, [
      { counts: ['childrenHeld'] },
      { counts: ['familiesHeld'] },
      { counts: ['familiesWaiting'], derived: ['oldestWaitMinutes'] },
      { counts: ['adminTasksOverdue'] },
      { counts: ['proposalsAwaiting'] },
    ]),
    smallNumbersHidden: isSmallTeam(t.practitioners),
  }
}
