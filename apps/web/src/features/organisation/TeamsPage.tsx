import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { Patch, Team } from '@hearth/contracts/organisation'
import { TEAM_KIND_LABELS, TEAM_KINDS } from '@hearth/domain/roles'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, SelectField, TextField } from '../../components/govuk'

export function TeamsPage() {
  const queryClient = useQueryClient()
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api<z.infer<typeof Team>[]>('GET', '/api/teams') })
  const patches = useQuery({
    queryKey: ['patches'],
    queryFn: () => api<z.infer<typeof Patch>[]>('GET', '/api/patches'),
  })
  const create = useMutation({
    mutationFn: (body: unknown) => api('POST', '/api/teams', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    const patchId = String(f.get('patchId') ?? '')
    create.mutate(
      { name: f.get('name'), kind: f.get('kind'), patchId: patchId || null, phone: f.get('phone') },
      { onSuccess: () => form.reset() },
    )
  }
  return (
    <>
      <h1 className="govuk-heading-l">Teams</h1>
      <ErrorSummary error={teams.error ?? create.error} />
      {teams.isLoading ? (
        <Loading />
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Team
              </th>
              <th scope="col" className="govuk-table__header">
                Kind
              </th>
              <th scope="col" className="govuk-table__header">
                Patch
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                People
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {teams.data?.map((t) => (
              <tr className="govuk-table__row" key={t.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/teams/${t.id}`}>
                    {t.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{TEAM_KIND_LABELS[t.kind]}</td>
                <td className="govuk-table__cell">{t.patchName ?? '—'}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{t.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Add a team</h2>
      <form onSubmit={submit} noValidate>
        <TextField name="name" label="Team name" error={create.error} width="govuk-input--width-30" />
        <SelectField
          name="kind"
          label="Kind of team"
          options={TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k] }))}
          error={create.error}
        />
        <SelectField
          name="patchId"
          label="Patch"
          hint="Family-facing teams serve one patch. Other teams serve the whole council."
          options={[
            { value: '', label: 'No patch' },
            ...(patches.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          error={create.error}
        />
        <TextField
          name="phone"
          label="Phone line (optional)"
          hint="Letters give families this number, with their worker’s name."
          type="tel"
          autoComplete="off"
          error={create.error}
          width="govuk-input--width-20"
        />
        <Button disabled={create.isPending}>Add team</Button>
      </form>
    </>
  )
}
