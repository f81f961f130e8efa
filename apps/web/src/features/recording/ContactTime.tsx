import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { MyContactTime } from '@hearth/contracts'
import { longDate } from '@hearth/domain'
import { api } from '../../api'

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`)
const hours = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`

/**
 * The practitioner's own time with families, week by week: the minutes their notes record over
 * the hours they worked. A week with no hours (leave) shows a dash, not 0 %.
 */
export function ContactTime() {
  const q = useQuery({
    queryKey: ['contact-time', 'me'],
    queryFn: () => api<z.infer<typeof MyContactTime>>('GET', '/api/me/contact-time?weeks=8'),
  })
  if (!q.data) return null
  const d = q.data
  const weeks = [...d.weeks].reverse()
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="contact-time-heading">
      <h2 className="govuk-heading-m" id="contact-time-heading">
        Your time with families
      </h2>
      <p className="govuk-body">
        This week: <strong>{pct(weeks[0]?.share ?? null)}</strong> of your working week. The aim is{' '}
        {Math.round(d.target * 100)}% or more; before Hearth it was {Math.round(d.before * 100)}%. It comes from the
        minutes in your notes.
      </p>
      <table className="govuk-table hearth-stack">
        <caption className="govuk-table__caption govuk-table__caption--s">The last 8 weeks</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Week starting
            </th>
            <th scope="col" className="govuk-table__header">
              With families
            </th>
            <th scope="col" className="govuk-table__header">
              Worked
            </th>
            <th scope="col" className="govuk-table__header">
              Share
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {weeks.map((w) => (
            <tr className="govuk-table__row" key={w.weekStart}>
              <td className="govuk-table__cell" data-label="Week starting">
                {longDate(w.weekStart)}
              </td>
              <td className="govuk-table__cell" data-label="With families">
                {hours(w.directMinutes)}
              </td>
              <td className="govuk-table__cell" data-label="Worked">
                {w.workingMinutes ? hours(w.workingMinutes) : 'On leave'}
              </td>
              <td className="govuk-table__cell" data-label="Share">
                {pct(w.share)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
