import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import type { z } from 'zod'
import type { BankHoliday } from '@hearth/contracts/referrals'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, TextField } from '../../components/govuk'

export function BankHolidaysPage() {
  const queryClient = useQueryClient()
  const list = useQuery({
    queryKey: ['bank-holidays'],
    queryFn: () => api<z.infer<typeof BankHoliday>[]>('GET', '/api/bank-holidays'),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['bank-holidays'] })
  const add = useMutation({
    mutationFn: (body: unknown) => api('POST', '/api/bank-holidays', body),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: (date: string) => api('DELETE', `/api/bank-holidays/${date}`),
    onSuccess: refresh,
  })
  const upcoming = (list.data ?? []).filter((h) => h.date >= new Date().toISOString().slice(0, 10))
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    add.mutate({ date: f.get('date'), name: f.get('name') }, { onSuccess: () => form.reset() })
  }
  return (
    <>
      <h1 className="govuk-heading-l">Bank holidays</h1>
      <p className="govuk-body">
        Working-day timescales skip weekends and these days. England and Wales bank holidays are built in; add one-off
        days here as soon as they are announced. Days the council chooses to close, such as Christmas Eve, still count
        as working days.
      </p>
      <ErrorSummary error={list.error ?? add.error ?? remove.error} />
      {list.isLoading ? (
        <Loading />
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Coming up</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Date
              </th>
              <th scope="col" className="govuk-table__header">
                Holiday
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {upcoming.map((h) => (
              <tr className="govuk-table__row" key={h.date}>
                <td className="govuk-table__cell">
                  {new Date(`${h.date}T12:00:00Z`).toLocaleDateString('en-GB', {
                    weekday: 'long',
                    day: 'numeric',
                    month: 'long',
                    year: 'numeric',
                  })}
                </td>
                <td className="govuk-table__cell">{h.name}</td>
                <td className="govuk-table__cell">
                  {h.source === 'council' && (
                    <button
                      type="button"
                      className="govuk-link hearth-link-button"
                      onClick={() => remove.mutate(h.date)}
                    >
                      Remove<span className="govuk-visually-hidden"> {h.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Add a bank holiday</h2>
      <form onSubmit={submit} noValidate>
        <TextField name="date" label="Date (YYYY-MM-DD)" error={add.error} width="govuk-input--width-10" />
        <TextField name="name" label="Name" error={add.error} width="govuk-input--width-20" />
        <Button disabled={add.isPending}>Add bank holiday</Button>
      </form>
    </>
  )
}
