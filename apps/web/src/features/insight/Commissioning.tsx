import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { CommissionView } from '@hearth/contracts'
import { pounds } from '@hearth/domain'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, SelectField, TextArea, TextField } from '../../components/govuk'
import { since } from '../../components/time'

export type Commission = z.infer<typeof CommissionView>
const toPence = (v: FormDataEntryValue | null) => {
  const s = String(v ?? '').replace(/[£,\s]/g, '')
  return s === '' ? NaN : Math.round(Number(s) * 100)
}

export function CommissionStatus({ c }: { c: Commission }) {
  if (c.status === 'commissioned') {
    return c.route === 'strategy' ? (
      <strong className="govuk-tag govuk-tag--blue">
        Commissioned:{' '}
        {c.proposalStatus === 'approved'
          ? 'approved by strategy'
          : c.proposalStatus === 'declined'
            ? 'declined by strategy'
            : 'with strategy for sign-off'}
      </strong>
    ) : (
      <strong className="govuk-tag govuk-tag--green">Commissioned: agreed by the team</strong>
    )
  }
  if (c.status === 'withdrawn') return <strong className="govuk-tag govuk-tag--grey">Withdrawn by the team</strong>
  if (c.status === 'taken')
    return <strong className="govuk-tag govuk-tag--blue">{c.takenByName} is arranging it</strong>
  return (
    <strong className={`govuk-tag ${c.waitingTooLong ? 'govuk-tag--red' : 'govuk-tag--grey'}`}>
      {c.waitingTooLong ? 'Waiting too long' : 'Waiting'}
    </strong>
  )
}

/** On a family's page: ask insight to commission a service, and follow what was asked. */
export function AskCommission({ familyId }: { familyId: string }) {
  const queryClient = useQueryClient()
  const list = useQuery({
    queryKey: ['insight', 'commissions', 'team'],
    queryFn: () => api<Commission[]>('GET', '/api/commissions?view=team'),
  })
  const ask = useMutation({
    mutationFn: (body: unknown) => api<Commission>('POST', `/api/families/${familyId}/commissions`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['insight'] })
      void queryClient.invalidateQueries({ queryKey: ['chronology', familyId] })
    },
  })
  const withdraw = useMutation({
    mutationFn: (id: string) => api('POST', `/api/commissions/${id}/withdraw`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['insight'] })
      void queryClient.invalidateQueries({ queryKey: ['chronology', familyId] })
    },
  })
  const mine = (list.data ?? []).filter((c) => c.familyId === familyId && c.status !== 'withdrawn')
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    ask.mutate(
      {
        need: f.get('commissionNeed'),
        why: f.get('commissionWhy'),
        familyView: f.get('commissionFamilyView'),
        weeks: Number(f.get('commissionWeeks')),
        budgetPence: toPence(f.get('commissionBudget')),
      },
      { onSuccess: () => form.reset() },
    )
  }
  return (
    <>
      {mine.length > 0 && (
        <ul className="govuk-list">
          {mine.map((c) => (
            <li key={c.id}>
              Commissioning: {c.need} <CommissionStatus c={c} />
              {c.proposalId && (
                <>
                  {' '}
                  ·{' '}
                  <Link className="govuk-link" to={`/proposals/${c.proposalId}`}>
                    {c.providerName}, {pounds(c.totalPence ?? 0)}
                  </Link>
                </>
              )}
              {c.status === 'waiting' && (
                <>
                  {' '}
                  ·{' '}
                  <button
                    type="button"
                    className="govuk-link hearth-link-button"
                    aria-label={`Withdraw the request: ${c.need}`}
                    onClick={() => withdraw.mutate(c.id)}
                  >
                    Withdraw
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary error={withdraw.error} />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            No listed service fits? Ask the insight team to commission one
          </span>
        </summary>
        <div className="govuk-details__text">
          {ask.isSuccess && (
            <div className="govuk-inset-text" role="status">
              Sent to the insight team. When they have found a provider, the cost comes back to you as a proposal.
            </div>
          )}
          <ErrorSummary error={ask.error} />
          <form onSubmit={submit} noValidate>
            <TextField
              name="commissionNeed"
              field="need"
              label="What is needed"
              error={ask.error}
              width="govuk-input--width-30"
            />
            <TextArea
              name="commissionWhy"
              field="why"
              label="Why the family needs it, and why nothing listed fits"
              error={ask.error}
            />
            <TextArea
              name="commissionFamilyView"
              field="familyView"
              label="What the family thinks of it, in their words"
              error={ask.error}
              rows={2}
            />
            <div className="hearth-actions">
              <TextField
                name="commissionWeeks"
                field="weeks"
                label="How many weeks it is needed for"
                error={ask.error}
                width="govuk-input--width-4"
              />
              <TextField
                name="commissionBudget"
                field="budgetPence"
                label="Budget in all (£)"
                error={ask.error}
                width="govuk-input--width-10"
              />
            </div>
            <Button disabled={ask.isPending}>Ask the insight team</Button>
          </form>
        </div>
      </details>
    </>
  )
}

/** The insight team's commissioning queue: take a request, find a provider, record cost and dates. */
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
                  {c.providerName}: {pounds(c.weeklyPence ?? 0)} a week, {c.startDate} to {c.endDate},{' '}
                  {pounds(c.totalPence ?? 0)} in all{c.overBudget ? ' (over the budget)' : ''}.{' '}
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
                    label="Cost per week (£)"
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
