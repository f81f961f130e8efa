import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { TaskStats } from '@hearth/contracts/enablers'
import { minutesInWords } from '@hearth/domain/admin-tasks'
import { api } from '../../api'
import { ErrorSummary, Loading } from '../../components/govuk'

/** Admin work in figures, for insight and strategy: always as tables. */
export function TaskFigures() {
  const stats = useQuery({
    queryKey: ['tasks', 'stats'],
    queryFn: () => api<z.infer<typeof TaskStats>>('GET', '/api/tasks/stats?weeks=8'),
  })
  if (stats.isLoading) return <Loading />
  if (!stats.data) return <ErrorSummary error={stats.error} />
  const s = stats.data
  const total = s.savedByTeamWeek.reduce((n, r) => n + r.minutes, 0)
  return (
    <>
      <p className="govuk-body">
        Since {new Date(`${s.since}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })},
        enablers saved practitioners about <strong>{minutesInWords(total)}</strong>.
      </p>
      <p className="govuk-body-s">
        “Done” counts everything finished in these weeks, including tasks made before them, so it can be more than
        “made”.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Admin tasks by kind (last 8 weeks)</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Kind
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Made in these 8 weeks
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Done in these 8 weeks
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Waiting
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Overdue
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Typical time to do (median)
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {s.byType.map((r) => (
            <tr className="govuk-table__row" key={r.taskType}>
              <td className="govuk-table__cell">{r.label}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.created}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.done}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.open}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.overdue}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {r.medianMinutesToComplete === null ? '—' : minutesInWords(r.medianMinutesToComplete)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Practitioner time saved, by team and week
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Week starting
            </th>
            <th scope="col" className="govuk-table__header">
              Team
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Tasks done
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Time saved
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {s.savedByTeamWeek.map((r) => (
            <tr className="govuk-table__row" key={`${r.week}-${r.teamId}`}>
              <td className="govuk-table__cell">
                {new Date(`${r.week}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}
              </td>
              <td className="govuk-table__cell">{r.teamName}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.tasks}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{minutesInWords(r.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
