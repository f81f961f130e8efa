import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { CommissionView } from '@hearth/contracts/insight'
import { pounds } from '@hearth/domain/sign-off'
import { api } from '../../api'
import { Button, ErrorSummary, TextArea, TextField, FormScope } from '../../components/govuk'

export type Commission = z.infer<typeof CommissionView>
export const toPence = (v: FormDataEntryValue | null) => {
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
      <FormScope name="commission">
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
                  kind="money"
                  inputMode="decimal"
                  label="Budget in all, in pounds"
                  error={ask.error}
                  width="govuk-input--width-10"
                />
              </div>
              <Button disabled={ask.isPending}>Ask the insight team</Button>
            </form>
          </div>
        </details>
      </FormScope>
    </>
  )
}
