import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { pounds } from '@hearth/domain/sign-off'
import { api } from '../../api'
import { ProposalStatus, type Proposal } from './Proposals'
import { ErrorSummary, Loading } from '../../components/govuk'

export function StrategyPage() {
  const awaiting = useQuery({
    queryKey: ['proposals', 'awaiting'],
    queryFn: () => api<Proposal[]>('GET', '/api/proposals?view=awaiting'),
  })
  const decided = useQuery({
    queryKey: ['proposals', 'decided'],
    queryFn: () => api<Proposal[]>('GET', '/api/proposals?view=decided'),
  })
  const table = (rows: Proposal[], caption: string) => (
    <table className="govuk-table hearth-stack">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Proposal
          </th>
          <th scope="col" className="govuk-table__header">
            Team
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Total
          </th>
          <th scope="col" className="govuk-table__header">
            Where it is
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((p) => (
          <tr className="govuk-table__row" key={p.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/proposals/${p.id}`}>
                {p.what}
              </Link>
              <br />
              <span className="govuk-body-s">{p.familyName}</span>
            </td>
            <td className="govuk-table__cell">{p.teamName}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{pounds(p.totalPence)}</td>
            <td className="govuk-table__cell">
              <ProposalStatus p={p} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <>
      <h1 className="govuk-heading-l">Sign-off</h1>
      <p className="govuk-body">
        Teams decide most things themselves. These are the conversation-3 packages at or above the council’s threshold.
        Every decision needs reasons the team can read.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/council">
          The council at a glance
        </Link>
      </p>
      <ErrorSummary error={awaiting.error ?? decided.error} />
      {awaiting.isLoading ? (
        <Loading />
      ) : awaiting.data?.length ? (
        table(awaiting.data, 'Waiting for a decision, soonest deadline first')
      ) : (
        <p className="govuk-body">Nothing is waiting for a decision.</p>
      )}
      {!!decided.data?.length && table(decided.data, 'Decided')}
    </>
  )
}
