import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { ClockSetting } from '@hearth/contracts/case-process'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, Loading, TextArea, TextField } from '../../components/govuk'
import { longDate } from './DueClocks'

type Setting = z.infer<typeof ClockSetting>
const UNIT = { working_days: 'working days', calendar_days: 'days', months: 'months' } as const
const FORCE = { law: 'Law', statutory_guidance: 'Statutory guidance', local: 'Set by the council' } as const

function LocalLength({ s }: { s: Setting }) {
  const queryClient = useQueryClient()
  const [saved, setSaved] = useState(false)
  const save = useMutation({
    mutationFn: (body: unknown) => api<Setting>('PUT', `/api/council/clocks/${s.clock}`, body),
    onSuccess: () => {
      setSaved(true)
      void queryClient.invalidateQueries({ queryKey: ['clock-settings'] })
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setSaved(false)
    const f = new FormData(e.currentTarget)
    const raw = String(f.get('length') ?? '').trim()
    save.mutate({ length: raw === '' ? undefined : Number(raw), reason: f.get('reason') })
  }
  return (
    <FormScope name={`clock-${s.clock}`}>
      <details className="govuk-details govuk-!-margin-bottom-0">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Change it</span>
        </summary>
        <div className="govuk-details__text">
          {saved && (
            <p className="govuk-body" role="status">
              Saved. Every running timescale was worked out again.
            </p>
          )}
          <ErrorSummary error={save.error} />
          <form noValidate onSubmit={submit}>
            <TextField
              name="length"
              label={`Length in ${UNIT[s.unit]}`}
              defaultValue={String(s.length)}
              inputMode="numeric"
              width="govuk-input--width-4"
              error={save.error}
            />
            <TextArea name="reason" label="Why it changes" rows={2} error={save.error} />
            <Button disabled={save.isPending}>Save</Button>
          </form>
          {s.history.length > 0 && (
            <ul className="govuk-list govuk-body-s">
              {s.history.map((h) => (
                <li key={h.setAt}>
                  {longDate(h.setAt.slice(0, 10))}: {h.length} {UNIT[s.unit]}, by {h.setBy}. “{h.reason}”
                </li>
              ))}
            </ul>
          )}
        </div>
      </details>
    </FormScope>
  )
}

/**
 * The council's timescales: every clock with where it comes from. Those set in law or statutory
 * guidance are shown as they are; the council sets its own lengths for the local ones, with why,
 * and the history is kept.
 */
export function ClockSettingsPage() {
  const list = useQuery({ queryKey: ['clock-settings'], queryFn: () => api<Setting[]>('GET', '/api/council/clocks') })
  if (list.isLoading) return <Loading />
  return (
    <>
      <h1 className="govuk-heading-l">Timescales</h1>
      <p className="govuk-body">
        Hearth works out every due date from the date of what starts it. Those set in law or statutory guidance cannot
        be changed here. The council sets its own lengths for local ones, such as how often a child on a plan is
        visited.
      </p>
      <ErrorSummary error={list.error} />
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">The council’s timescales</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              What
            </th>
            <th scope="col" className="govuk-table__header">
              Length
            </th>
            <th scope="col" className="govuk-table__header">
              Where it comes from
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {(list.data ?? []).map((s) => (
            <tr className="govuk-table__row" key={s.clock}>
              <td className="govuk-table__cell">{s.label}</td>
              <td className="govuk-table__cell">
                {s.length} {UNIT[s.unit]}
                {s.length !== s.defaultLength && (
                  <span className="govuk-body-s hearth-secondary"> (default {s.defaultLength})</span>
                )}
              </td>
              <td className="govuk-table__cell">
                {FORCE[s.force]}: {s.source}
                {s.force === 'local' && <LocalLength s={s} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
