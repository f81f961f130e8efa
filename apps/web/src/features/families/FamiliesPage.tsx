import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { FamilySummary } from '@hearth/contracts/families'
import { api } from '../../api'
import { Button, ErrorSummary, Loading } from '../../components/govuk'

export function FamiliesPage() {
  const [q, setQ] = useState('')
  const families = useQuery({
    queryKey: ['families', q],
    queryFn: () =>
      api<z.infer<typeof FamilySummary>[]>('GET', `/api/families?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setQ(String(new FormData(e.currentTarget).get('q') ?? '').trim())
  }
  return (
    <>
      <h1 className="govuk-heading-l">Families</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: GOV.UK search pattern; a form with role=search is announced everywhere */}
      <form onSubmit={submit} role="search" className="hearth-actions">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            Search by a child’s or family’s name, reference or postcode
          </label>
          <input className="govuk-input govuk-input--width-20" id="q" name="q" type="search" defaultValue={q} />
        </div>
        <Button secondary>Search</Button>
        <Link className="govuk-link" to="/families/new">
          Record a new family
        </Link>
      </form>
      <ErrorSummary error={families.error} />
      {families.isLoading ? (
        <Loading />
      ) : families.data && families.data.length === 0 ? (
        <p className="govuk-body">No families match.</p>
      ) : (
        <table className="govuk-table hearth-stack">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Family
              </th>
              <th scope="col" className="govuk-table__header">
                Reference
              </th>
              <th scope="col" className="govuk-table__header">
                Postcode
              </th>
              <th scope="col" className="govuk-table__header">
                Patch
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Children
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {families.data?.map((f) => (
              <tr className="govuk-table__row" key={f.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/families/${f.id}`}>
                    {f.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{f.reference}</td>
                <td className="govuk-table__cell">{f.postcode}</td>
                <td className="govuk-table__cell">
                  {f.patchName ?? <strong className="govuk-tag govuk-tag--yellow">No patch</strong>}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{f.childCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
