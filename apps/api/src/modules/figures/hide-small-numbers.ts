import { hideSmallCounts, isSmallTeam } from '@hearth/domain/small-numbers'
import type { getFigureSeries } from './get-figure-series'
import type { getTeamFigures } from './get-team-figures'

type Series = Awaited<ReturnType<typeof getFigureSeries>>
type TeamNow = Awaited<ReturnType<typeof getTeamFigures>>[number]

/**
 * The figures as insight and strategy see them (screens and CSV): in a team of fewer than three
 * practitioners, counts from 1 to 4 and what could be worked out from them are not shown, nor the
 * team's share of the week with families. The
 * hand-counted figures underneath stay exact (getFigureSeries, getTeamFigures).
 */
export function seriesForDisplay(s: Series) {
  return {
    ...s,
    // a share of one or two people's week would be theirs: not shown
    contactTime: {
      ...s.contactTime,
      council: s.contactTime.council.map((w) => ({
        ...w,
        contactShare: isSmallTeam(s.contactTime.practitioners) ? null : w.contactShare,
      })),
    },
    teams: s.teams.map((t) => ({
      ...t,
      smallNumbersHidden: isSmallTeam(t.practitioners),
      weeks: t.weeks.map((w) =>
        hideSmallCounts({ ...w, contactShare: isSmallTeam(t.practitioners) ? null : w.contactShare }, t.practitioners, [
          { counts: ['childrenHeld'] },
          { counts: ['familiesHeld'] },
          { counts: ['familiesWaiting'], derived: ['longestWaitHours'] },
          { counts: ['referralsDecided', 'referralsDecidedInOneWorkingDay'] },
          { counts: ['adminTasksCreated'] },
          { counts: ['adminTasksDone'], derived: ['medianAdminHoursToComplete'] },
          { counts: ['consultationsAsked'], derived: ['medianConsultationWaitHours'] },
          { counts: ['appointments', 'appointmentsOnTime', 'appointmentsShortNotice', 'appointmentsMissed'] },
          { counts: ['familyFeedback'], derived: ['familyFeedbackAverage'] },
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
      { counts: ['assessmentsOpen'] },
      { counts: ['assessmentsOverdue'] },
      { counts: ['clocksOverdue'] },
      { counts: ['clocksDueSoon'] },
      {
        counts: [
          'appointmentsLast4Weeks',
          'appointmentsOnTimeLast4Weeks',
          'appointmentsShortNoticeLast4Weeks',
          'appointmentsMissedLast4Weeks',
        ],
      },
    ]),
    smallNumbersHidden: isSmallTeam(t.practitioners),
  }
}
