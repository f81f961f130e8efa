import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { AnnexRunView } from '@hearth/contracts/returns'
import { longDate } from '@hearth/domain/dates'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import { api } from '../../api'
import { Button, DateInput, dateFromForm, ErrorSummary, FormScope, Loading } from '../../components/govuk'

type Run = z.infer<typeof AnnexRunView>

/**
 * Ofsted's Annex A: the child-level lists for a period (usually the six months before the
 * inspection), made by the worker from Hearth's own records into one workbook.
 */
export function AnnexPage() {
  const queryClient = useQueryClient()
  const [current, setCurrent] = useState<string | null>(null)
  const list = useQuery({ queryKey: ['annex'], queryFn: () => api<Run[]>('GET', '/api/returns/annex-a') })
  const shownId = current ?? list.data?.[0]?.id ?? null
  const run = useQuery({
    queryKey: ['annex', shownId],
    queryFn: () => api<Run>('GET', `/api/returns/annex-a/${shownId}`),
    enabled: !!shownId,
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  })
  const produce = useMutation({
    mutationFn: (body: unknown) => api<Run>('POST', '/api/returns/annex-a', body),
    onSuccess: (r) => {
      setCurrent(r.id)
      void queryClient.invalidateQueries({ queryKey: ['annex'] })
    },
  })
  if (list.isLoading) return <Loading />
  const r = run.data
  const today = londonDateOf(new Date())
  const working = !!r && ['queued', 'running'].includes(r.status)
  return (
    <>
      <h1 className="govuk-heading-l">Ofsted Annex A</h1>
      <p className="govuk-body">
        The lists Ofsted asks for at the start of an inspection, from Hearth’s own records, in one workbook: a sheet for
        each list. Lists Hearth does not hold (early help, care leavers, adoption) say so on their sheet.
      </p>
      <ErrorSummary error={list.error ?? run.error} />
      <FormScope name="annex">
        <ErrorSummary error={produce.error} />
        <form
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault()
            const f = new FormData(e.currentTarget)
            produce.mutate({ from: dateFromForm(f, 'from') || undefined, to: dateFromForm(f, 'to') || undefined })
          }}
        >
          <DateInput name="from" label="From" defaultValue={addCalendarDays(today, -183)} error={produce.error} />
          <DateInput name="to" label="To" defaultValue={today} error={produce.error} />
          <Button disabled={produce.isPending || working}>Produce Annex A</Button>
        </form>
      </FormScope>
      {r && working && (
        <div className="govuk-!-margin-bottom-6">
          <label className="govuk-label" htmlFor="annex-progress">
            Working through the children: {r.childrenDone} of {r.childrenTotal}
          </label>
          <progress id="annex-progress" className="hearth-progress" max={100} value={r.percent}>
            {r.percent}%
          </progress>
        </div>
      )}
      {r?.status === 'failed' && (
        <p className="govuk-body">This workbook could not be made (code {r.error}). Try again.</p>
      )}
      {r?.status === 'done' && (
        <>
          <h2 className="govuk-heading-m">
            {longDate(r.from)} to {longDate(r.to)}
          </h2>
          <p className="govuk-body">
            <a className="govuk-link" href={`/api/returns/annex-a/${r.id}/xlsx`} download>
              Download the workbook (XLSX)
            </a>
          </p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">The lists in the workbook</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  List
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Rows
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {r.lists.map((l) => (
                <tr className="govuk-table__row" key={l.number}>
                  <td className="govuk-table__cell">
                    {l.number}. {l.name}
                    {l.note && <span className="govuk-body-s hearth-secondary"> {l.note}</span>}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{l.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}
