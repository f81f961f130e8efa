import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import type { z } from 'zod'
import type { Patch } from '@hearth/contracts/organisation'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, TextField } from '../../components/govuk'

export function PatchesPage() {
  const queryClient = useQueryClient()
  const patches = useQuery({
    queryKey: ['patches'],
    queryFn: () => api<z.infer<typeof Patch>[]>('GET', '/api/patches'),
  })
  const create = useMutation({
    mutationFn: (body: unknown) => api('POST', '/api/patches', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['patches'] }),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    const areas = String(f.get('postcodeAreas') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    create.mutate({ name: f.get('name'), postcodeAreas: areas }, { onSuccess: () => form.reset() })
  }
  return (
    <>
      <h1 className="govuk-heading-l">Patches</h1>
      <p className="govuk-body">
        A patch is the area one family-facing team serves. Families are matched to a patch by postcode; a sector (like
        NM1 4) is more specific than a district (like NM1).
      </p>
      <ErrorSummary error={patches.error ?? create.error} />
      {patches.isLoading ? (
        <Loading />
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Patch
              </th>
              <th scope="col" className="govuk-table__header">
                Postcodes
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Teams
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {patches.data?.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell">{p.name}</td>
                <td className="govuk-table__cell">{p.postcodeAreas.join(', ')}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.teamCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Add a patch</h2>
      <form onSubmit={submit} noValidate>
        <TextField name="name" label="Patch name" error={create.error} width="govuk-input--width-20" />
        <TextField
          name="postcodeAreas"
          label="Postcode districts or sectors"
          hint="Separate them with commas, for example NM7, NM8 2"
          error={create.error}
          width="govuk-input--width-30"
        />
        <Button disabled={create.isPending}>Add patch</Button>
      </form>
    </>
  )
}
