import { callerOf } from '../../kernel/caller'
import { getFigureSeries } from './get-figure-series'
import { getTeamFigures } from './get-team-figures'
import { seriesForDisplay, teamForDisplay } from './hide-small-numbers'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody } from '@hearth/contracts/common'
import { FiguresOverTime, FiguresQuery } from '@hearth/contracts/figures'
import { toCsv } from '@hearth/domain/csv'
import { londonDateOf } from '@hearth/domain/working-days'
import { noCaseContent } from '../../kernel/reads'

const WHO = ['strategy_member', 'insight_adviser'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const tags = ['council']
const FRONT_DOOR = 'Front door (all referral decisions)'
/** A count not shown: a team of fewer than 3 practitioners, and a count from 1 to 4. */
const HIDDEN = 'fewer than 5'

const WEEK_COLUMNS = [
  ['team', 'Team'],
  ['week_starting', 'Week starting'],
  ['children_held', 'Children held (end of week)'],
  ['families_held', 'Families held (end of week)'],
  ['capacity_children', 'Capacity (children, today)'],
  ['families_waiting', 'Families waiting (end of week)'],
  ['longest_wait_hours', 'Longest wait (hours)'],
  ['referrals_decided', 'Referral decisions'],
  ['referrals_in_one_working_day', 'Decided within one working day'],
  ['admin_tasks_created', 'Admin tasks made'],
  ['admin_tasks_done', 'Admin tasks done'],
  ['median_admin_hours', 'Median hours to do a task'],
  ['consultations_asked', 'Consultations asked'],
  ['median_consultation_wait_hours', 'Median hours a consultation waited'],
  ['contact_share', 'Share of the working week with families (%)'],
  ['appointments', 'Booked visits and meetings recorded'],
  ['appointments_on_time', 'Kept on time'],
  ['appointments_short_notice', 'Rearranged with under 24 hours’ notice'],
  ['appointments_missed', 'Missed'],
  ['family_feedback', 'Families who said how things are going'],
  ['family_feedback_average', 'How things are going, average (1 very bad to 5 very good; 3 or more answers)'],
] as const
const ALL_TEAMS = 'All family-facing teams'
/** A share as a percentage to one place; blank when nobody worked, or not shown for a small team. */
const percent = (share: number | null, small: boolean) =>
  share === null ? (small ? 'not shown (fewer than 3 practitioners)' : null) : (share * 100).toFixed(1)

/** Team figures over time, and the same as CSV (team totals only; never individual workers). */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/figures/teams',
    {
      config: { access: WHO, reads: noCaseContent('team totals by week; no family or worker is named') },
      schema: {
        tags,
        summary:
          'Per team, week by week (live): held, capacity, waiting, referral timeliness, admin tasks, ' +
          'consultation waits, share of the working week with families; and that share for all teams together',
        querystring: FiguresQuery,
        response: { 200: FiguresOverTime, ...errors },
      },
    },
    async (request) =>
      seriesForDisplay(await getFigureSeries(app.deps, callerOf(request), request.query.weeks, request.query.teamId)),
  )

  app.get(
    '/figures/teams.csv',
    {
      config: { access: WHO, reads: noCaseContent('team totals by week; no family or worker is named') },
      schema: {
        tags,
        summary: 'The same figures as CSV, one row per team and week',
        querystring: FiguresQuery,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const s = seriesForDisplay(
        await getFigureSeries(app.deps, callerOf(request), request.query.weeks, request.query.teamId),
      )
      // a count not shown (a small team) says so; a figure that hangs on it is left blank
      const c = (v: number | null) => v ?? HIDDEN
      const rows: unknown[][] = s.teams.flatMap((t) =>
        t.weeks.map((w) => [
          t.teamName,
          w.weekStart,
          c(w.childrenHeld),
          c(w.familiesHeld),
          w.capacityChildren,
          c(w.familiesWaiting),
          w.longestWaitHours,
          c(w.referralsDecided),
          c(w.referralsDecidedInOneWorkingDay),
          c(w.adminTasksCreated),
          c(w.adminTasksDone),
          w.medianAdminHoursToComplete,
          c(w.consultationsAsked),
          w.medianConsultationWaitHours,
          percent(w.contactShare, t.smallNumbersHidden),
          c(w.appointments),
          c(w.appointmentsOnTime),
          c(w.appointmentsShortNotice),
          c(w.appointmentsMissed),
          c(w.familyFeedback),
          w.familyFeedbackAverage,
        ]),
      )
      // the front door's decisions, every one routed or not (its other columns do not apply)
      if (!request.query.teamId)
        rows.push(
          ...s.frontDoor.map((w) => [
            FRONT_DOOR,
            w.weekStart,
            null,
            null,
            null,
            null,
            null,
            w.decided,
            w.decidedInOneWorkingDay,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ]),
        )
      // every practitioner of the teams together, for the share of the week with families
      if (!request.query.teamId)
        rows.push(
          ...s.contactTime.council.map((w, i) => [
            ALL_TEAMS,
            w.weekStart,
            ...Array.from({ length: WEEK_COLUMNS.length - 7 }, () => null),
            percent(w.contactShare, s.contactTime.practitioners < 3),
            s.appointments[i]?.appointments ?? null,
            s.appointments[i]?.onTime ?? null,
            s.appointments[i]?.shortNotice ?? null,
            s.appointments[i]?.missed ?? null,
            s.feedback[i]?.said ?? null,
            s.feedback[i]?.average ?? null,
          ]),
        )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="hearth-team-figures-${londonDateOf(new Date())}.csv"`)
        .send(
          toCsv(
            WEEK_COLUMNS.map((c) => c[1]),
            rows,
          ),
        )
    },
  )

  app.get(
    '/council/overview.csv',
    {
      config: { access: WHO, reads: noCaseContent('council and team totals; no family or worker is named') },
      schema: {
        tags,
        summary: 'Teams at a glance as CSV (live, team totals only)',
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const teams = (await getTeamFigures(app.deps, callerOf(request))).map(teamForDisplay)
      const header = [
        'Team',
        'Practitioners',
        'Capacity (children)',
        'Children held',
        'Families held',
        'Families waiting',
        'Oldest wait (minutes)',
        'Admin tasks overdue',
        'Minutes saved this week',
        'Committed spend (£)',
        'Proposals awaiting strategy',
        'Assessments open',
        'Assessments overdue',
        'Statutory timescales overdue',
        'Statutory timescales due soon',
        'Visits and meetings, last 4 weeks',
        'Kept on time',
        'Rearranged at under 24 hours’ notice',
        'Missed',
      ]
      const rows = teams.map((t) => [
        t.teamName,
        t.practitioners,
        t.capacityChildren,
        t.childrenHeld ?? HIDDEN,
        t.familiesHeld ?? HIDDEN,
        t.familiesWaiting ?? HIDDEN,
        t.oldestWaitMinutes,
        t.adminTasksOverdue ?? HIDDEN,
        t.minutesSavedThisWeek,
        (t.committedPence / 100).toFixed(2),
        t.proposalsAwaiting ?? HIDDEN,
        t.assessmentsOpen ?? HIDDEN,
        t.assessmentsOverdue ?? HIDDEN,
        t.clocksOverdue ?? HIDDEN,
        t.clocksDueSoon ?? HIDDEN,
        t.appointmentsLast4Weeks ?? HIDDEN,
        t.appointmentsOnTimeLast4Weeks ?? HIDDEN,
        t.appointmentsShortNoticeLast4Weeks ?? HIDDEN,
        t.appointmentsMissedLast4Weeks ?? HIDDEN,
      ])
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="hearth-council-view-${londonDateOf(new Date())}.csv"`)
        .send(toCsv(header, rows))
    },
  )
}
export default routes
