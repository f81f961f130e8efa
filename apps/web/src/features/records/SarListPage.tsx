import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { SarView } from '@hearth/contracts/records'
import { api } from '../../api'
import { ErrorSummary, Loading } from '../../components/govuk'
import { useLiveEvents } from '../../live'
import { CLOCK_TAGS, day, STATUS_WORDS } from './sar-words'

/** Information governance: every subject access request, the open ones first by due date. */
export function SarListPage() {
  const list = useQuery({
    queryKey: ['sar'],
    queryFn: () => api<{ requests: SarView[] }>('GET', '/api/subject-access-requests'),
  })
  useLiveEvents((type) => {
    if (type === 'sar.alerted') void list.refetch()
  })
  if (list.isLoading) return <Loading />
  const requests = list.data?.requests ?? []
  const late = requests.filter((r) => r.clock === 'overdue').length
  const soon = requests.filter((r) => r.clock === 'due_soon').length
  return (
    <>
      <h1 className="govuk-heading-l">Subject access requests</h1>
      <p className="govuk-body">
        A person asking for the information the council holds about them. The answer is due one calendar month from the
        day the request came (the next working day if that is a weekend or bank holiday).
      </p>
      <ErrorSummary error={list.error} />
      {(late > 0 || soon > 0) && (
        <section className="govuk-notification-banner" aria-labelledby="sar-alert-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="sar-alert-title">
              Important
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              {late > 0 && `${late} ${late === 1 ? 'request is' : 'requests are'} overdue. `}
              {soon > 0 && `${soon} ${soon === 1 ? 'request is' : 'requests are'} due within 5 working days.`}
            </p>
          </div>
        </section>
      )}
      <p className="govuk-body">
        <Link className="govuk-button" to="/subject-access/new">
          Record a new request
        </Link>
      </p>
      {requests.length === 0 ? (
        <p className="govuk-body">No requests yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Requests</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Request', 'Who asked', 'Family', 'Due', 'Where it is'].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {requests.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/subject-access/${r.id}`}>
                    {r.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">{r.requesterName}</td>
                <td className="govuk-table__cell">{r.familyReference}</td>
                <td className="govuk-table__cell">
                  {day(r.dueOn)}{' '}
                  <strong className={`govuk-tag ${CLOCK_TAGS[r.clock].colour}`}>{CLOCK_TAGS[r.clock].text}</strong>
                </td>
                <td className="govuk-table__cell">{STATUS_WORDS[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
