import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { z } from 'zod'
import type { AuditPage as AuditPageT } from '@hearth/contracts/audit'
import type { Person } from '@hearth/contracts/organisation'
import { api } from '../../api'
import { fullDateTime } from '../../components/time'
import { Button, ErrorSummary, Loading, SelectField, TextField } from '../../components/govuk'

export function AuditPage() {
  const [filters, setFilters] = useState<Record<string, string>>({})
  const people = useQuery({ queryKey: ['people'], queryFn: () => api<z.infer<typeof Person>[]>('GET', '/api/people') })
  const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString()
  const events = useQuery({
    queryKey: ['audit', qs],
    queryFn: () => api<z.infer<typeof AuditPageT>>('GET', `/api/audit?${qs}`),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    setFilters({
      personId: String(f.get('personId') ?? ''),
      childId: String(f.get('childId') ?? '').trim(),
      from: String(f.get('from') ?? '').trim(),
      to: String(f.get('to') ?? '').trim(),
    })
  }
  return (
    <>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">
        Every time someone opens or changes a family’s or child’s record it is written here. Nobody can change or remove
        these entries.
      </p>
      <form onSubmit={submit} noValidate>
        <SelectField
          name="personId"
          label="Who"
          options={[
            { value: '', label: 'Anyone' },
            ...(people.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <TextField
          name="childId"
          label="Child’s record ID (optional)"
          error={events.error}
          width="govuk-input--width-30"
        />
        <TextField name="from" label="From (YYYY-MM-DD, optional)" error={events.error} width="govuk-input--width-10" />
        <TextField name="to" label="To (YYYY-MM-DD, optional)" error={events.error} width="govuk-input--width-10" />
        <Button secondary>Search</Button>
      </form>
      <ErrorSummary error={events.error} />
      {events.isLoading ? (
        <Loading />
      ) : (
        <table className="govuk-table hearth-stack">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                Who
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                Record
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {events.data?.events.map((e) => (
              <tr className="govuk-table__row" key={e.id}>
                <td className="govuk-table__cell">{fullDateTime(e.at)}</td>
                <td className="govuk-table__cell">{e.actorName ?? 'System'}</td>
                <td className="govuk-table__cell">{e.action}</td>
                <td className="govuk-table__cell govuk-body-s">
                  {e.recordType} {e.recordId ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
