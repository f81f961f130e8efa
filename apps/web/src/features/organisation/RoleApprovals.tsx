import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { z } from 'zod'
import type { RoleGrant } from '@hearth/contracts/organisation'
import { ROLE_LABELS } from '@hearth/domain/roles'
import { api } from '../../api'
import { Button, ErrorSummary } from '../../components/govuk'
import { dateTime } from '../../components/time'

type Grant = z.infer<typeof RoleGrant>

/**
 * Roles given by one administrator wait here for a second: a role gives access to children's
 * records, so nobody gives it to themself, or to an account they made, alone.
 */
export function RoleApprovals() {
  const queryClient = useQueryClient()
  const grants = useQuery({ queryKey: ['role-grants'], queryFn: () => api<Grant[]>('GET', '/api/role-grants') })
  const [done, setDone] = useState<string | null>(null)
  const decide = useMutation({
    mutationFn: (d: { id: string; approve: boolean; what: string }) =>
      api('POST', `/api/role-grants/${d.id}/decision`, { approve: d.approve }),
    onSuccess: (_, d) => {
      setDone(`${d.approve ? 'Approved' : 'Refused'}: ${d.what}.`)
      void queryClient.invalidateQueries({ queryKey: ['role-grants'] })
      void queryClient.invalidateQueries({ queryKey: ['people'] })
    },
  })
  const confirmation = done && (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{done}</p>
      </div>
    </div>
  )
  if (!grants.data?.length)
    return (
      <>
        {confirmation}
        <ErrorSummary error={grants.error} />
      </>
    )
  const what = (g: Grant) => `${g.role === 'new_password' ? 'a new password' : ROLE_LABELS[g.role]} for ${g.personName}`
  return (
    <>
      {confirmation}
      <ErrorSummary error={decide.error} />
      <table className="govuk-table hearth-stack">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Roles and passwords waiting for a second administrator
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Person
            </th>
            <th scope="col" className="govuk-table__header">
              Role
            </th>
            <th scope="col" className="govuk-table__header">
              Asked for by
            </th>
            <th scope="col" className="govuk-table__header">
              Decision
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {grants.data.map((g) => (
            <tr className="govuk-table__row" key={g.id}>
              <td className="govuk-table__cell" data-label="Person">
                {g.personName}
              </td>
              <td className="govuk-table__cell" data-label="Role">
                {g.role === 'new_password' ? 'A new password' : ROLE_LABELS[g.role]}
              </td>
              <td className="govuk-table__cell" data-label="Asked for by">
                {g.requestedByName}, {dateTime(g.requestedAt)}
              </td>
              <td className="govuk-table__cell" data-label="Decision">
                {g.canDecide ? (
                  <div className="hearth-actions">
                    <Button
                      type="button"
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ id: g.id, approve: true, what: what(g) })}
                    >
                      Approve
                      <span className="govuk-visually-hidden">
                        {' '}
                        {g.role === 'new_password' ? 'A new password' : ROLE_LABELS[g.role]} for {g.personName}
                      </span>
                    </Button>
                    <Button
                      type="button"
                      secondary
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ id: g.id, approve: false, what: what(g) })}
                    >
                      Refuse
                      <span className="govuk-visually-hidden">
                        {' '}
                        {g.role === 'new_password' ? 'A new password' : ROLE_LABELS[g.role]} for {g.personName}
                      </span>
                    </Button>
                  </div>
                ) : (
                  'Another administrator decides this'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
