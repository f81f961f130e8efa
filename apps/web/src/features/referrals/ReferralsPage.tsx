import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { ReferralSummary } from '@hearth/contracts/referrals'
import { REFERRAL_DECISIONS, type ReferralDecision } from '@hearth/domain/referrals'
import { dateTime } from '../../components/time'
import { api } from '../../api'
import { ClockTag } from '../../components/Clock'
import { ErrorSummary, Loading } from '../../components/govuk'
import { useLiveEvents } from '../../live'

type Row = z.infer<typeof ReferralSummary>

function Table({ rows, caption, show }: { rows: Row[]; caption: string; show: 'clock' | 'routing' | 'decision' }) {
  return (
    <table className="govuk-table hearth-stack">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Referral
          </th>
          <th scope="col" className="govuk-table__header">
            Children
          </th>
          <th scope="col" className="govuk-table__header">
            Received
          </th>
          <th scope="col" className="govuk-table__header">
            {show === 'clock' ? 'Time left to decide' : show === 'routing' ? 'Why' : 'Decision'}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={r.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/referrals/${r.id}`}>
                {r.reference}
              </Link>
              <br />
              <span className="govuk-body-s">
                {r.familyName}, {r.postcode}
              </span>
              {r.openCase && (
                <>
                  <br />
                  <strong className="govuk-tag govuk-tag--purple">Open to a team</strong>
                </>
              )}
            </td>
            <td className="govuk-table__cell">{r.childNames.join(', ')}</td>
            <td className="govuk-table__cell">{dateTime(r.receivedAt)}</td>
            <td className="govuk-table__cell">
              {show === 'clock' ? (
                <ClockTag clock={r.clock} />
              ) : show === 'routing' ? (
                r.routingNote
              ) : (
                `${r.decision ? REFERRAL_DECISIONS[r.decision as ReferralDecision] : ''}${r.routedTeamName ? ` → ${r.routedTeamName}` : ''}`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ReferralsPage() {
  useLiveEvents()
  const awaiting = useQuery({
    queryKey: ['referrals', 'awaiting'],
    queryFn: () => api<Row[]>('GET', '/api/referrals?view=awaiting'),
    refetchInterval: 60_000,
  })
  const unroutable = useQuery({
    queryKey: ['referrals', 'unroutable'],
    queryFn: () => api<Row[]>('GET', '/api/referrals?view=unroutable'),
  })
  const recent = useQuery({
    queryKey: ['referrals', 'recent'],
    queryFn: () => api<Row[]>('GET', '/api/referrals?view=recent'),
  })
  const overdue = awaiting.data?.filter((r) => r.clock.state === 'overdue').length ?? 0
  return (
    <>
      <h1 className="govuk-heading-l">Referrals</h1>
      <p className="govuk-body">
        Every referral needs a decision by the end of the next working day. Weekends and bank holidays do not count.
      </p>
      <Link to="/referrals/new" className="govuk-button" role="button">
        Record a referral
      </Link>
      <ErrorSummary error={awaiting.error ?? unroutable.error ?? recent.error} />
      {overdue > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {overdue} {overdue === 1 ? 'referral is' : 'referrals are'} past the one-working-day decision time.
          </strong>
        </div>
      )}
      {awaiting.isLoading ? (
        <Loading />
      ) : awaiting.data?.length ? (
        <Table
          rows={awaiting.data}
          caption={`Waiting for a decision (${awaiting.data.length}), least time left first`}
          show="clock"
        />
      ) : (
        <p className="govuk-body">No referrals are waiting for a decision.</p>
      )}
      {!!unroutable.data?.length && (
        <Table
          rows={unroutable.data}
          caption={`Could not be sent to a team (${unroutable.data.length})`}
          show="routing"
        />
      )}
      {!!recent.data?.length && <Table rows={recent.data} caption="Recently decided" show="decision" />}
    </>
  )
}
