import type { z } from 'zod'
import type { TaskView } from '@hearth/contracts/enablers'

type Task = z.infer<typeof TaskView>

/** Where an admin request stands, in words. */
export function RequestStatus({ t }: { t: Task }) {
  if (t.status === 'done') return <strong className="govuk-tag govuk-tag--green">Done</strong>
  if (t.claimedByName) return <strong className="govuk-tag govuk-tag--blue">{t.claimedByName} is doing it</strong>
  if (t.overdue) return <strong className="govuk-tag govuk-tag--red">Overdue</strong>
  return <strong className="govuk-tag govuk-tag--grey">Waiting for an enabler</strong>
}

export function RequestList({ tasks, caption }: { tasks: Task[]; caption: string }) {
  if (tasks.length === 0) return null
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Request
          </th>
          <th scope="col" className="govuk-table__header">
            Where it is
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body" aria-live="polite">
        {tasks.map((t) => (
          <tr className="govuk-table__row" key={t.id}>
            <td className="govuk-table__cell">
              {t.label}
              {t.familyName ? ` (${t.familyName})` : ''}
              {t.details && (
                <>
                  <br />
                  <span className="govuk-body-s">“{t.details}”</span>
                </>
              )}
              {t.status === 'done' && t.outcome && (
                <>
                  <br />
                  <span className="govuk-body-s">
                    {t.outcome}
                    {t.reference ? `, reference ${t.reference}` : ''}
                  </span>
                </>
              )}
            </td>
            <td className="govuk-table__cell">
              <RequestStatus t={t} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
