import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { Person } from '@hearth/contracts/organisation'
import { ROLE_LABELS } from '@hearth/domain/roles'
import { api } from '../../api'
import { ErrorSummary, Loading } from '../../components/govuk'
import { RoleApprovals } from './RoleApprovals'

export function PeoplePage() {
  const people = useQuery({ queryKey: ['people'], queryFn: () => api<z.infer<typeof Person>[]>('GET', '/api/people') })
  return (
    <>
      <h1 className="govuk-heading-l">People</h1>
      <Link to="/admin/people/new" className="govuk-button" role="button">
        Add a person
      </Link>
      <RoleApprovals />
      <ErrorSummary error={people.error} />
      {people.isLoading ? (
        <Loading />
      ) : (
        <table className="govuk-table hearth-stack">
          <caption className="govuk-table__caption govuk-table__caption--m">{people.data?.length ?? 0} people</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Roles
              </th>
              <th scope="col" className="govuk-table__header">
                Teams
              </th>
              <th scope="col" className="govuk-table__header">
                Account
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {people.data?.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/people/${p.id}`}>
                    {p.name}
                  </Link>
                  <br />
                  <span className="govuk-body-s">{p.email}</span>
                </td>
                <td className="govuk-table__cell">
                  {p.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'None yet'}
                  {p.pendingRoles.length > 0 && (
                    <>
                      <br />
                      <span className="govuk-body-s">
                        Waiting for approval: {p.pendingRoles.map((r) => ROLE_LABELS[r]).join(', ')}
                      </span>
                    </>
                  )}
                </td>
                <td className="govuk-table__cell">{p.teams.map((t) => t.name).join(', ') || 'None'}</td>
                <td className="govuk-table__cell">
                  {!p.active ? (
                    <strong className="govuk-tag govuk-tag--grey">Closed</strong>
                  ) : p.locked ? (
                    <strong className="govuk-tag govuk-tag--red">Locked</strong>
                  ) : (
                    <strong className="govuk-tag govuk-tag--green">Active</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
