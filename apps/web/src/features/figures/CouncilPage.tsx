import { legendText } from './legend'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { z } from 'zod'
import type { CouncilOverview, TeamFigures } from '@hearth/contracts/sign-off'
import { minutesInWords } from '@hearth/domain/admin-tasks'
import { pounds } from '@hearth/domain/sign-off'
import { api } from '../../api'
import { BackLink, ErrorSummary, Loading, SummaryList } from '../../components/govuk'
import { TeamFiguresOverTime } from './FiguresPage'

type Overview = z.infer<typeof CouncilOverview>

/** The council at a glance: teams, never individual workers. Chart and table show the same figures. */

/** A count not shown: in a team of fewer than 3 practitioners, counts from 1 to 4 would be theirs. */
const shown = (n: number | null) => (n === null ? 'fewer than 5' : String(n))

export function CouncilPage() {
  const o = useQuery({ queryKey: ['council'], queryFn: () => api<Overview>('GET', '/api/council/overview') })
  if (o.isLoading) return <Loading />
  if (!o.data) return <ErrorSummary error={o.error} />
  const d = o.data
  const referrals = d.referrals.onTime + d.referrals.late
  return (
    <>
      <h1 className="govuk-heading-l">The council at a glance</h1>
      <p className="govuk-body-s">
        Worked out when you opened this page (
        {new Date(d.generatedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}).{' '}
        <Link className="govuk-link" to="/figures">
          See the figures week by week
        </Link>{' '}
        or{' '}
        <a className="govuk-link" href="/api/council/overview.csv" download>
          download this table (CSV)
        </a>
        .
      </p>
      <SummaryList
        rows={[
          ['Committed spend (approved and team-agreed packages)', pounds(d.committedPence)],
          ['Proposals waiting for strategy', String(d.proposalsAwaiting)],
          [
            'Referrals decided within one working day (last 30 days)',
            referrals
              ? `${d.referrals.onTime} of ${referrals} (${Math.round((100 * d.referrals.onTime) / referrals)}%)`
              : 'None yet',
          ],
          ['Referrals overdue for a decision now', String(d.referrals.overdueNow)],
        ]}
      />
      <h2 className="govuk-heading-m">Children held by each team, against what the team can hold</h2>
      <div aria-hidden="true" style={{ width: '100%', height: 300 }}>
        <ResponsiveContainer>
          <BarChart
            data={d.teams.map((t) => ({
              name: t.teamName.replace(/ family team$/, ''),
              held: t.childrenHeld,
              capacity: t.capacityChildren,
            }))}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={legendText} />
            <Bar dataKey="held" name="Children held" fill="#1d70b8" />
            <Bar dataKey="capacity" name="Team capacity (sum of caps)" fill="#505a5f" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="govuk-table hearth-stack">
        <caption className="govuk-table__caption govuk-table__caption--m">Teams</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Team
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Children held / capacity
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Families held
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Waiting on the board
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Admin overdue
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Assessments overdue
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Committed spend
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {d.teams.map((t) => (
            <tr className="govuk-table__row" key={t.teamId}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/council/teams/${t.teamId}`}>
                  {t.teamName}
                </Link>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {shown(t.childrenHeld)} / {t.capacityChildren}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{shown(t.familiesHeld)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{shown(t.familiesWaiting)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{shown(t.adminTasksOverdue)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {shown(t.assessmentsOverdue)} of {shown(t.assessmentsOpen)}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{pounds(t.committedPence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

export function CouncilTeamPage() {
  const { id } = useParams()
  const t = useQuery({
    queryKey: ['council', id],
    queryFn: () => api<z.infer<typeof TeamFigures>>('GET', `/api/council/teams/${id}`),
  })
  if (t.isLoading) return <Loading />
  if (!t.data) return <ErrorSummary error={t.error} />
  const x = t.data
  return (
    <>
      <BackLink to="/council">Back to the council</BackLink>
      <h1 className="govuk-heading-l">{x.teamName}</h1>
      <SummaryList
        rows={[
          ['Practitioners', String(x.practitioners)],
          ['Children held / capacity', `${shown(x.childrenHeld)} / ${x.capacityChildren}`],
          ['Families held', shown(x.familiesHeld)],
          [
            'Families waiting on the board',
            `${shown(x.familiesWaiting)}${x.familiesWaiting && x.oldestWaitMinutes !== null ? `, the longest for ${minutesInWords(x.oldestWaitMinutes)}` : ''}`,
          ],
          ['Admin tasks overdue', shown(x.adminTasksOverdue)],
          ['Assessments open', shown(x.assessmentsOpen)],
          ['Assessments past 45 working days', shown(x.assessmentsOverdue)],
          ['Statutory timescales overdue', shown(x.clocksOverdue)],
          ['Statutory timescales due soon', shown(x.clocksDueSoon)],
          [
            'Visits and meetings in the last 4 weeks',
            x.appointmentsLast4Weeks === 0
              ? 'none recorded'
              : `${shown(x.appointmentsLast4Weeks)}: ${shown(x.appointmentsOnTimeLast4Weeks)} kept on time, ${shown(x.appointmentsShortNoticeLast4Weeks)} rearranged at under 24 hours’ notice, ${shown(x.appointmentsMissedLast4Weeks)} missed`,
          ],
          ['Practitioner time enablers saved this week', minutesInWords(x.minutesSavedThisWeek)],
          ['Committed spend', pounds(x.committedPence)],
          ['Proposals waiting for strategy', shown(x.proposalsAwaiting)],
        ]}
      />
      {x.smallNumbersHidden && (
        <p className="govuk-body">
          This team has fewer than 3 practitioners, so counts from 1 to 4 are shown as ‘fewer than 5’: they would be one
          person’s own figures.
        </p>
      )}
      <p className="govuk-body-s">Team totals only: Hearth does not rank individual workers.</p>
      <h2 className="govuk-heading-l">Week by week</h2>
      <TeamFiguresOverTime teamId={x.teamId} />
    </>
  )
}
