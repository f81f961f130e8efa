import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import type { z } from 'zod'
import type { TeamChildInCare } from '@hearth/contracts/case-process'
import { longDate } from '@hearth/domain/dates'
import { api } from '../../api'
import { BackLink, ErrorSummary, Loading } from '../../components/govuk'
import { useLiveEvents } from '../../live'
import { DueTag } from './DueClocks'

type Row = z.infer<typeof TeamChildInCare>

/**
 * The children looked after in the families the team holds (#34): since when, their legal status,
 * where they live and what falls due first for each. Each opens the child's In care page.
 */
export function TeamInCarePage() {
  const { id } = useParams()
  const teamId = id!
  useLiveEvents()
  const list = useQuery({
    queryKey: ['team-in-care', teamId],
    queryFn: () => api<Row[]>('GET', `/api/teams/${teamId}/children-in-care`),
  })
  if (list.isLoading) return <Loading />
  const rows = list.data ?? []
  return (
    <>
      <BackLink to={`/teams/${teamId}/board`}>Back to the team board</BackLink>
      <ErrorSummary error={list.error} />
      <h1 className="govuk-heading-l">Children in care ({rows.length})</h1>
      {list.data && rows.length === 0 && (
        <p className="govuk-body">No child of the families the team holds is looked after.</p>
      )}
      {rows.length > 0 && (
        <table className="govuk-table hearth-stack">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Children looked after, longest in care first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Child', 'In care since', 'Legal status', 'Placement', 'Due first'].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r) => (
              <tr className="govuk-table__row" key={r.childId}>
                <td className="govuk-table__cell" data-label="Child">
                  <Link className="govuk-link" to={`/children/${r.childId}/in-care`}>
                    {r.childName}
                  </Link>
                  <br />
                  <span className="govuk-body-s hearth-secondary">{r.familyName}</span>
                </td>
                <td className="govuk-table__cell" data-label="In care since">
                  {longDate(r.since)}
                </td>
                <td className="govuk-table__cell" data-label="Legal status">
                  {r.legalStatusLabel} ({r.legalStatus})
                </td>
                <td className="govuk-table__cell" data-label="Placement">
                  {r.placement ?? 'None recorded'}
                </td>
                <td className="govuk-table__cell" data-label="Due first">
                  {r.next ? (
                    <>
                      {r.next.label} by {longDate(r.next.dueOn)} <DueTag state={r.next.state} />
                    </>
                  ) : (
                    'Nothing running'
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
