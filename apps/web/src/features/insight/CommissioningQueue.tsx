import { type Commission, CommissionStatus, toPence } from './Commissioning'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { longDate } from '@hearth/domain/dates'
import { pounds } from '@hearth/domain/sign-off'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, SelectField, TextField } from '../../components/govuk'
import { since } from '../../components/time'

export function CommissioningQueue() {
  const queryClient = useQueryClient()
  const [view, setView] = useState<'waiting' | 'mine' | 'done'>('waiting')
  const list = useQuery({
    queryKey: ['insight', 'commissions', view],
    queryFn: () => api<Commission[]>('GET', `/api/commissions?view=${view}`),
  })
  const services = useQuery({
    queryKey: ['directory', 'spot'],
    queryFn: () =>
      api<{ services: { id: string; name: string; organisation: { name: string } }[] }>(
        'GET',
        '/api/directory/services?cost=Spot%20purchase&limit=100',
      ).then((r) => r.services),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['insight'] })
  const take = useMutation({
    mutationFn: (id: string) => api('POST', `/api/commissions/${id}/take`),
    onSuccess: () => {
      setView('mine')
      void refresh()
    },
  })
  const handBack = useMutation({
    mutationFn: (id: string) => api('POST', `/api/commissions/${id}/hand-back`),
    onSuccess: refresh,
  })
  const record = useMutation({
    mutationFn: (v: { id: string; body: unknown }) =>
      api<Commission>('POST', `/api/commissions/${v.id}/record`, v.body),
    onSuccess: () => {
      setView('done')
      void refresh()
    },
  })
  return (
    <>
      <nav className="govuk-!-margin-bottom-4 hearth-actions" aria-label="Which commissioning requests">
        {(['waiting', 'mine', 'done'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={`govuk-button ${view === v ? '' : 'govuk-button--secondary'}`}
            aria-pressed={view === v}
            onClick={() => setView(v)}
          >
            {v === 'waiting' ? 'Waiting' : v === 'mine' ? 'Mine' : 'Commissioned'}
          </button>
        ))}
      </nav>
      <ErrorSummary error={list.error ?? take.error ?? handBack.error} />
      {list.isLoading ? (
        <Loading />
      ) : list.data?.length === 0 ? (
        <p className="govuk-body">Nothing here.</p>
      ) : (
        <ul className="govuk-list">
          {list.data?.map((c) => (
            <li key={c.id} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {c.need} ({c.familyName}) <CommissionStatus c={c} />
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1 hearth-secondary">
                Asked by {c.askedByName}, {c.teamName}, {since(c.askedAt)} · {c.weeks} weeks · budget{' '}
                {pounds(c.budgetPence)}
              </p>
              <p className="govuk-body hearth-prewrap govuk-!-margin-bottom-1">{c.why}</p>
              <p className="govuk-body govuk-!-margin-bottom-2">The family: {c.familyView}</p>
              {c.status === 'commissioned' && (
                <p className="govuk-body">
                  {c.providerName}: {pounds(c.weeklyPence ?? 0)} a week, {c.startDate ? longDate(c.startDate) : ''} to{' '}
                  {c.endDate ? longDate(c.endDate) : ''}, {pounds(c.totalPence ?? 0)} in all
                  {c.overBudget ? ' (over the budget)' : ''}.{' '}
                  {c.route === 'strategy'
                    ? 'Sent to strategy for sign-off.'
                    : 'Agreed by the team (below the sign-off threshold).'}
                </p>
              )}
              {view === 'waiting' && (
                <button
                  type="button"
                  className="govuk-button govuk-!-margin-bottom-0"
                  aria-label={`Take this request: ${c.need}, ${c.familyName}`}
                  onClick={() => take.mutate(c.id)}
                >
                  Take this request
                </button>
              )}
              {view === 'mine' && (
                <form
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault()
                    const f = new FormData(e.currentTarget)
                    record.mutate({
                      id: c.id,
                      body: {
                        providerName: f.get('providerName'),
                        serviceId: f.get('serviceId') || null,
                        weeklyPence: toPence(f.get('weekly')),
                        startDate: f.get('startDate'),
                        endDate: f.get('endDate'),
                      },
                    })
                  }}
                >
                  <ErrorSummary error={record.error} />
                  <TextField name="providerName" label="Provider" error={record.error} width="govuk-input--width-30" />
                  <SelectField
                    name="serviceId"
                    label="Their service in the directory (optional)"
                    options={[
                      { value: '', label: 'Not listed' },
                      ...(services.data ?? []).map((s) => ({
                        value: s.id,
                        label: `${s.name} (${s.organisation.name})`,
                      })),
                    ]}
                    error={record.error}
                  />
                  <TextField
                    name="weekly"
                    field="weeklyPence"
                    kind="money"
                    inputMode="decimal"
                    label="Cost per week in pounds"
                    error={record.error}
                    width="govuk-input--width-10"
                  />
                  <div className="hearth-actions">
                    <TextField
                      name="startDate"
                      label="Starts"
                      hint="For example, 2027-01-04"
                      error={record.error}
                      width="govuk-input--width-10"
                    />
                    <TextField name="endDate" label="Ends" error={record.error} width="govuk-input--width-10" />
                  </div>
                  <div className="hearth-actions">
                    <Button disabled={record.isPending}>Record the commission</Button>
                    <button
                      type="button"
                      className="govuk-link hearth-link-button"
                      onClick={() => handBack.mutate(c.id)}
                    >
                      Hand it back to the queue
                    </button>
                  </div>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** The insight team's commissioning queue: take a request, find a provider, record cost and dates. */
export function CommissioningPage() {
  return (
    <>
      <h1 className="govuk-heading-l">Commissioning</h1>
      <p className="govuk-body">
        When no listed service fits, a team asks you to buy one. Record the provider, the cost and the dates: that makes
        the proposal, which goes to strategy at or above the sign-off threshold and is agreed by the team below it.
      </p>
      <CommissioningQueue />
    </>
  )
}
