import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { FamilyDetail } from '@hearth/contracts/families'
import type { RecordExportView } from '@hearth/contracts/records'
import { api } from '../../api'
import { fullDateTime } from '../../components/time'
import { BackLink, Button, ErrorSummary, Loading } from '../../components/govuk'
import { ExportProgress } from './ExportProgress'

type Exports = { familyId: string; exports: RecordExportView[] }
const working = (e: RecordExportView) => e.status === 'queued' || e.status === 'running'

/**
 * A family's whole record, exported: everything Hearth holds about them as a PDF to read, and as
 * JSON and CSV for a move to another system. Made by the worker; the page shows its progress.
 */
export function RecordExportPage() {
  const familyId = useParams().id!
  const queryClient = useQueryClient()
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api<z.infer<typeof FamilyDetail>>('GET', `/api/families/${familyId}`),
  })
  const list = useQuery({
    queryKey: ['record-exports', familyId],
    queryFn: () => api<Exports>('GET', `/api/families/${familyId}/record-exports`),
    refetchInterval: (q) => (q.state.data?.exports.some(working) ? 1000 : false),
  })
  const start = useMutation({
    mutationFn: () => api<RecordExportView>('POST', `/api/families/${familyId}/record-exports`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['record-exports', familyId] }),
  })
  if (family.isLoading || list.isLoading) return <Loading />
  const [latest, ...older] = list.data?.exports ?? []
  return (
    <>
      <BackLink to={`/families/${familyId}`}>Back to the family</BackLink>
      <span className="govuk-caption-l">{family.data?.reference}</span>
      <h1 className="govuk-heading-l">Export the whole record</h1>
      <ErrorSummary error={family.error ?? list.error ?? start.error} />
      <p className="govuk-body">
        Everything Hearth holds about the {family.data?.name}: the family and its people, the network, referrals, visits
        and notes with their additions, the plan and its history, statutory steps, letters, and what the family said. A
        PDF to read, and JSON and CSV files for a move to another system.
      </p>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          The export is confidential. Only you can download it, and each download is recorded. For a family member
          asking for their own information, ask information governance: they handle subject access requests.
        </strong>
      </div>
      <Button type="button" onClick={() => start.mutate()} disabled={start.isPending || (!!latest && working(latest))}>
        Export the whole record
      </Button>
      {latest && (
        <>
          <h2 className="govuk-heading-m">
            {working(latest) ? 'Being made now' : `Made ${fullDateTime(latest.createdAt)}`}
          </h2>
          <ExportProgress e={latest} />
        </>
      )}
      {older.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Earlier exports</h2>
          <ul className="govuk-list">
            {older.map((e) => (
              <li key={e.id}>
                {fullDateTime(e.createdAt)}:{' '}
                {e.status === 'done' ? (
                  <a className="govuk-link" href={`/api/record-exports/${e.id}/pdf`} download>
                    PDF
                  </a>
                ) : (
                  e.status
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
