import { legendText } from './legend'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { z } from 'zod'
import type { FiguresOverTime, TeamWeek } from '@hearth/contracts/figures'
import { api } from '../../api'
import { ErrorSummary, Loading } from '../../components/govuk'
import { count } from '../../components/time'

type Figures = z.infer<typeof FiguresOverTime>
type Week = z.infer<typeof TeamWeek>

const COLOURS = [
  '#1d70b8',
  '#d4351c',
  '#00703c',
  '#4c2c92',
  '#f47738',
  '#5694ca',
  '#912b88',
  '#85994b',
  '#28a197',
  '#6f72af',
]
const shortName = (n: string) => n.replace(/ family team.*$/, '')
const weekLabel = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })

/** A count not shown: in a team of fewer than 3 practitioners, counts from 1 to 4 would be theirs. */
const HIDDEN = 'fewer than 5'
const shown = (n: number | null) => (n === null ? HIDDEN : String(n))

interface Measure {
  id: string
  title: string
  value: (w: Week) => number | null
  cell?: (w: Week) => string
  note?: string
  /** Lines across the chart (the Blueprint's figures), each with its label. */
  refs?: (f: Figures) => { y: number; label: string }[]
  /** A last column: every team together, by week. */
  together?: { heading: string; cell: (f: Figures, i: number) => string }
}

const asPercent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10)

const MEASURES: Measure[] = [
  {
    id: 'contact',
    title: 'Time with families: share of the working week (%)',
    value: (w) => asPercent(w.contactShare),
    cell: (w) => (w.contactShare === null ? '–' : `${asPercent(w.contactShare)}%`),
    note:
      'From the minutes of direct contact practitioners record in their notes, over the hours they work (less ' +
      'leave and bank holidays). A dash: nobody worked that week, or the team has fewer than 3 practitioners ' +
      '(the share would be one person’s). Team totals only.',
    refs: (f) => [
      { y: f.contactTime.before * 100, label: `Before: ${f.contactTime.before * 100}%` },
      { y: f.contactTime.target * 100, label: `Aim: ${f.contactTime.target * 100}%` },
    ],
    together: {
      heading: 'All teams',
      cell: (f, i) => {
        const share = f.contactTime.council[i]?.contactShare ?? null
        return share === null ? '–' : `${asPercent(share)}%`
      },
    },
  },
  {
    id: 'appointments',
    title: 'Time that respects families: visits and meetings kept on time (%)',
    value: (w) =>
      w.appointments && w.appointmentsOnTime !== null
        ? Math.round((100 * w.appointmentsOnTime) / w.appointments)
        : null,
    cell: (w) =>
      w.appointments === null
        ? HIDDEN
        : w.appointments
          ? `${w.appointmentsOnTime} of ${w.appointments} on time; ${w.appointmentsShortNotice} rearranged at short notice; ${w.appointmentsMissed} missed`
          : 'none recorded',
    note:
      'Booked visits and meetings, from their notes: kept on time, rearranged with under 24 hours’ notice (by us ' +
      'or the family), or missed. Unplanned contacts are not counted.',
    together: {
      heading: 'All teams',
      cell: (f, i) => {
        const a = f.appointments[i]
        return a?.appointments
          ? `${a.onTime} of ${a.appointments} on time; ${a.shortNotice} at short notice; ${a.missed} missed`
          : 'none recorded'
      },
    },
  },
  {
    id: 'feedback',
    title: 'How families say things are going (average, 1 very bad to 5 very good)',
    value: (w) => w.familyFeedbackAverage,
    cell: (w) =>
      w.familyFeedback === null
        ? HIDDEN
        : w.familyFeedback
          ? `${w.familyFeedbackAverage ?? 'not shown'} from ${w.familyFeedback} ${w.familyFeedback === 1 ? 'family' : 'families'}`
          : 'none said',
    note:
      'What families said through their private link: “How are things going?”. The average is shown only when ' +
      'three or more families said it that week, so no one family’s answer can be read from it.',
    together: {
      heading: 'All teams',
      cell: (f, i) => {
        const a = f.feedback[i]
        return a?.said ? `${a.average ?? 'not shown'} from ${a.said}` : 'none said'
      },
    },
  },
  {
    id: 'held',
    title: 'Children held at the end of each week',
    value: (w) => w.childrenHeld,
    cell: (w) => `${shown(w.childrenHeld)} of ${w.capacityChildren}`,
    note: 'In the table: children held, of the team’s capacity today (the sum of its practitioners’ caps).',
  },
  {
    id: 'families',
    title: 'Families held at the end of each week',
    value: (w) => w.familiesHeld,
    cell: (w) => shown(w.familiesHeld),
  },
  {
    id: 'waiting',
    title: 'Families waiting on the team board at the end of each week',
    value: (w) => w.familiesWaiting,
    cell: (w) =>
      w.familiesWaiting === null
        ? HIDDEN
        : w.familiesWaiting
          ? `${w.familiesWaiting} (longest ${count(w.longestWaitHours ?? 0, 'hour')})`
          : '0',
  },
  {
    id: 'referrals',
    title: 'Referral decisions within one working day (%)',
    value: (w) =>
      w.referralsDecided && w.referralsDecidedInOneWorkingDay !== null
        ? Math.round((100 * w.referralsDecidedInOneWorkingDay) / w.referralsDecided)
        : null,
    cell: (w) =>
      w.referralsDecided === null
        ? HIDDEN
        : w.referralsDecided
          ? `${w.referralsDecidedInOneWorkingDay} of ${w.referralsDecided}`
          : 'none',
    note: 'Referrals that reached the team, by the week they were decided. Weekends and bank holidays are not working days.',
  },
  {
    id: 'admin',
    title: 'Admin tasks: median hours from made to done',
    value: (w) => w.medianAdminHoursToComplete,
    cell: (w) =>
      `${shown(w.adminTasksCreated)} made, ${shown(w.adminTasksDone)} done${w.medianAdminHoursToComplete !== null ? `, median ${w.medianAdminHoursToComplete} h` : ''}`,
  },
  {
    id: 'consultations',
    title: 'Consultations: median hours waiting for an adviser',
    value: (w) => w.medianConsultationWaitHours,
    cell: (w) =>
      `${shown(w.consultationsAsked)} asked${w.medianConsultationWaitHours !== null ? `, median wait ${w.medianConsultationWaitHours} h` : ''}`,
  },
]

/** One chart of one measure, one line a team, with the same figures as a table below it. */
function MeasureSection({ m, f }: { m: Measure; f: Figures }) {
  const data = f.weeks.map((week, i) =>
    Object.fromEntries([['week', weekLabel(week)], ...f.teams.map((t) => [t.teamId, m.value(t.weeks[i]!)])]),
  )
  return (
    <section aria-labelledby={`m-${m.id}`} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={`m-${m.id}`}>
        {m.title}
      </h2>
      <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={legendText} />
            {m.refs?.(f).map((r) => (
              <ReferenceLine
                key={r.label}
                y={r.y}
                stroke="#505a5f"
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                label={{ value: r.label, position: 'insideTopLeft', fill: '#505a5f' }}
              />
            ))}
            {f.teams.map((t, i) => (
              <Line
                key={t.teamId}
                type="monotone"
                dataKey={t.teamId}
                name={shortName(t.teamName)}
                stroke={COLOURS[i % COLOURS.length]}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {m.note && <p className="govuk-body-s hearth-secondary">{m.note}</p>}
      {/* a table wider than a phone scrolls sideways within itself, by keyboard too */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard */}
      <section className="hearth-table-scroll" tabIndex={0} aria-label={`${m.title}, as a table`}>
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-table__caption govuk-visually-hidden">{m.title}, as a table</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Week starting
              </th>
              {f.teams.map((t) => (
                <th scope="col" key={t.teamId} className="govuk-table__header govuk-table__header--numeric">
                  {shortName(t.teamName)}
                </th>
              ))}
              {m.together && (
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {m.together.heading}
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {f.weeks.map((week, i) => (
              <tr className="govuk-table__row" key={week}>
                <th scope="row" className="govuk-table__header">
                  {weekLabel(week)}
                </th>
                {f.teams.map((t) => {
                  const w = t.weeks[i]!
                  return (
                    <td key={t.teamId} className="govuk-table__cell govuk-table__cell--numeric">
                      {m.cell ? m.cell(w) : String(m.value(w) ?? '–')}
                    </td>
                  )
                })}
                {m.together && (
                  <td className="govuk-table__cell govuk-table__cell--numeric">{m.together.cell(f, i)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  )
}

/** The front door: every referral decision, by week, and how many came within one working day. */
function FrontDoorSection({ f }: { f: Figures }) {
  const data = f.frontDoor.map((w) => ({
    week: weekLabel(w.weekStart),
    onTime: w.decidedInOneWorkingDay,
    late: w.decided - w.decidedInOneWorkingDay,
  }))
  return (
    <section aria-labelledby="m-front-door" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="m-front-door">
        Front door: referral decisions within one working day
      </h2>
      <div aria-hidden="true" style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={legendText} />
            <Bar dataKey="onTime" stackId="d" name="Within one working day" fill="#00703c" isAnimationActive={false} />
            <Bar dataKey="late" stackId="d" name="Later" fill="#d4351c" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="govuk-body-s hearth-secondary">
        Every decision the referral team made, including no further action, by the week it was made.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Front door decisions by week, as a table
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Week starting
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Referrals received
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Decided
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Within one working day
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {f.frontDoor.map((w) => (
            <tr className="govuk-table__row" key={w.weekStart}>
              <th scope="row" className="govuk-table__header">
                {weekLabel(w.weekStart)}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{w.received}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{w.decided}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {w.decided
                  ? `${w.decidedInOneWorkingDay} (${Math.round((100 * w.decidedInOneWorkingDay) / w.decided)}%)`
                  : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Team figures over time: the same module as the council view; charts, tables and CSV. */
export function TeamFiguresOverTime({ teamId }: { teamId?: string }) {
  const [weeks, setWeeks] = useState(12)
  const qs = new URLSearchParams({ weeks: String(weeks), ...(teamId ? { teamId } : {}) }).toString()
  const f = useQuery({ queryKey: ['figures', qs], queryFn: () => api<Figures>('GET', `/api/figures/teams?${qs}`) })
  return (
    <>
      <div className="hearth-actions">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="weeks">
            Weeks to show
          </label>
          <select className="govuk-select" id="weeks" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {[4, 12, 26, 52].map((n) => (
              <option key={n} value={n}>
                The last {n} weeks
              </option>
            ))}
          </select>
        </div>
        <p className="govuk-body">
          <a className="govuk-link" href={`/api/figures/teams.csv?${qs}`} download>
            Download these figures (CSV)
          </a>
        </p>
      </div>
      <ErrorSummary error={f.error} />
      {f.isLoading || !f.data ? (
        <Loading />
      ) : (
        <>
          <p className="govuk-body-s hearth-secondary">
            Worked out from the records when you opened this page (
            {new Date(f.data.generatedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}). Weeks
            run Monday to Sunday. Team totals only: Hearth does not rank individual workers.
          </p>
          {f.data.teams.some((t) => t.smallNumbersHidden) && (
            <p className="govuk-body">
              {f.data.teams
                .filter((t) => t.smallNumbersHidden)
                .map((t) => t.teamName)
                .join(', ')}{' '}
              {f.data.teams.filter((t) => t.smallNumbersHidden).length === 1 ? 'has' : 'have'} fewer than 3
              practitioners, so counts from 1 to 4 are shown as ‘fewer than 5’ and left out of the charts: they would be
              one person’s own figures.
            </p>
          )}
          {MEASURES.map((m) => (
            <MeasureSection key={m.id} m={m} f={f.data} />
          ))}
          {!teamId && <FrontDoorSection f={f.data} />}
        </>
      )}
    </>
  )
}

export function FiguresPage() {
  return (
    <>
      <h1 className="govuk-heading-l">Team figures over time</h1>
      <p className="govuk-body">
        How each family-facing team is doing, week by week: the same figures the council view shows today, for insight
        and strategy alike.
      </p>
      <TeamFiguresOverTime />
    </>
  )
}
