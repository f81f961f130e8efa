import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AuditExport, DeadLetter } from '@hearth/contracts/audit'
import { api } from '../../api'
import { fullDateTime } from '../../components/time'
import { Button, ErrorSummary, Loading } from '../../components/govuk'

export function JobsPage() {
  const queryClient = useQueryClient()
  const dead = useQuery({
    queryKey: ['dead-letters'],
    queryFn: () => api<z.infer<typeof DeadLetter>[]>('GET', '/api/admin/dead-letters'),
    refetchInterval: 10_000,
  })
  const exports = useQuery({
    queryKey: ['audit-exports'],
    queryFn: () => api<z.infer<typeof AuditExport>[]>('GET', '/api/audit/exports'),
    refetchInterval: (q) =>
      q.state.data?.some((e) => e.status === 'queued' || e.status === 'running') ? 1_000 : false,
  })
  const retry = useMutation({
    mutationFn: (d: { queue: string; jobId: string }) =>
      api('POST', `/api/admin/dead-letters/${encodeURIComponent(d.queue)}/${encodeURIComponent(d.jobId)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dead-letters'] }),
  })
  const requestExport = useMutation({
    mutationFn: () => api('POST', '/api/audit/exports', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit-exports'] }),
  })
  return (
    <>
      <h1 className="govuk-heading-l">Background jobs</h1>
      <ErrorSummary error={dead.error ?? retry.error ?? requestExport.error} />
      <h2 className="govuk-heading-m">Jobs that failed every retry</h2>
      <p className="govuk-body">
        Hearth retries a failed job five times, waiting longer each time. Jobs listed here need a person to look at
        them; when the cause is fixed, run them again.
      </p>
      {dead.isLoading ? (
        <Loading />
      ) : dead.data?.length === 0 ? (
        <p className="govuk-body">There are no failed jobs.</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Job
              </th>
              <th scope="col" className="govuk-table__header">
                Why it failed
              </th>
              <th scope="col" className="govuk-table__header">
                Tries
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {dead.data?.map((d) => (
              <tr className="govuk-table__row" key={`${d.queue}/${d.jobId}`}>
                <td className="govuk-table__cell">{d.name}</td>
                <td className="govuk-table__cell">{d.failedReason}</td>
                <td className="govuk-table__cell">{d.attemptsMade}</td>
                <td className="govuk-table__cell">
                  <Button type="button" secondary onClick={() => retry.mutate(d)}>
                    Run again
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Audit exports</h2>
      <Button type="button" onClick={() => requestExport.mutate()}>
        Export the whole audit trail as CSV
      </Button>
      <ul className="govuk-list">
        {exports.data?.map((e) => (
          <li key={e.id}>
            {fullDateTime(e.createdAt)}:{' '}
            {e.status === 'done' ? (
              <a className="govuk-link" href={`/api/audit/exports/${e.id}/download`}>
                download ({e.rowCount} entries)
              </a>
            ) : e.status === 'failed' ? (
              `failed: ${e.error}`
            ) : (
              'being prepared…'
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
