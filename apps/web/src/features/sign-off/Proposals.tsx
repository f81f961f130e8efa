import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { ProposalView } from '@hearth/contracts/sign-off'
import { CONVERSATION_STAGES } from '@hearth/domain/allocation'
import { longDate } from '@hearth/domain/dates'
import { conversationOf, pounds } from '@hearth/domain/sign-off'
import { api } from '../../api'
import { Button, ErrorSummary, SelectField, TextArea, TextField, FormScope } from '../../components/govuk'

export type Proposal = z.infer<typeof ProposalView>

export function ProposalStatus({ p }: { p: Proposal }) {
  switch (p.status) {
    case 'approved':
      return <strong className="govuk-tag govuk-tag--green">Approved</strong>
    case 'declined':
      return <strong className="govuk-tag govuk-tag--red">Declined</strong>
    case 'more_info':
      return <strong className="govuk-tag govuk-tag--yellow">Strategy asked for more information</strong>
    case 'team_decided':
      return <strong className="govuk-tag govuk-tag--green">Agreed by the team</strong>
    default:
      return (
        <strong className={`govuk-tag ${p.overdue ? 'govuk-tag--red' : 'govuk-tag--blue'}`}>
          {p.overdue
            ? 'Strategy decision overdue'
            : `With strategy, due ${p.decisionDueDate ? longDate(p.decisionDueDate) : ''}`}
        </strong>
      )
  }
}

function Area({ name, label, error }: { name: string; label: string; error?: unknown }) {
  return <TextArea name={name} label={label} rows={3} error={error} />
}

/** On the family page: the team's proposals for the family, and a form to propose one. */
export function FamilyProposals({ familyId, stage }: { familyId: string; stage: number }) {
  const conversation = conversationOf(stage)
  const queryClient = useQueryClient()
  const list = useQuery({
    queryKey: ['proposals', 'family', familyId],
    queryFn: () => api<Proposal[]>('GET', `/api/families/${familyId}/proposals`),
  })
  const services = useQuery({
    queryKey: ['directory', 'all'],
    queryFn: () =>
      api<{ services: { id: string; name: string; organisation: { name: string } }[] }>(
        'GET',
        '/api/directory/services?limit=100',
      ).then((r) => r.services),
  })
  const propose = useMutation({
    mutationFn: (body: unknown) => api<Proposal>('POST', `/api/families/${familyId}/proposals`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['proposals'] }),
  })
  const thresholds = useQuery({
    queryKey: ['spend-thresholds'],
    queryFn: () => api<{ current: { signOffPence: number } }>('GET', '/api/spend-thresholds'),
  })
  // what the proposal will cost in all and who decides, shown before "Propose"
  const [preview, setPreview] = useState<{ total: number } | null>(null)
  const onInput = (e: FormEvent<HTMLFormElement>) => {
    const f = new FormData(e.currentTarget)
    const weekly = Math.round(Number(String(f.get('weekly') ?? '').replace(/[£,\s]/g, '')) * 100)
    const weeks = Number(f.get('weeks'))
    setPreview(weekly > 0 && weeks > 0 ? { total: weekly * weeks } : null)
  }
  const signOff = thresholds.data?.current.signOffPence
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    propose.mutate(
      {
        what: f.get('what'),
        forWhom: f.get('forWhom'),
        why: f.get('why'),
        alternatives: f.get('alternatives'),
        familyView: f.get('familyView'),
        weeklyPence: Math.round(Number(String(f.get('weekly') ?? '').replace(/[£,\s]/g, '')) * 100),
        weeks: Number(f.get('weeks')),
        serviceId: f.get('serviceId') || null,
      },
      {
        onSuccess: () => {
          form.reset()
          setPreview(null)
        },
      },
    )
  }
  return (
    <>
      <h2 className="govuk-heading-m">Interventions and packages</h2>
      {(list.data ?? []).length === 0 ? (
        <p className="govuk-body">Nothing proposed yet.</p>
      ) : (
        <ul className="govuk-list">
          {list.data?.map((p) => (
            <li key={p.id} className="govuk-!-margin-bottom-4">
              <Link className="govuk-link" to={`/proposals/${p.id}`}>
                {p.what}
              </Link>
              {p.serviceName ? ` (${p.serviceName})` : ''} · {pounds(p.totalPence)} · <ProposalStatus p={p} />
              {p.decisions.map((d) => (
                <p className="govuk-body-s govuk-!-margin-bottom-0" key={`${d.round}:${d.decidedAt}:${d.byName}`}>
                  {d.byName}: {d.reasonsForTeam}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
      <FormScope name="proposal">
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Propose an intervention or package</span>
          </summary>
          <div className="govuk-details__text">
            <ErrorSummary error={propose.error} />
            {propose.data && (
              <p className="govuk-body">
                <strong>
                  {propose.data.route === 'team'
                    ? 'Recorded as a team decision.'
                    : `Sent to the strategy team: they decide by ${propose.data.decisionDueDate ? longDate(propose.data.decisionDueDate) : 'their deadline'}.`}
                </strong>
              </p>
            )}
            <form onSubmit={submit} onInput={onInput} noValidate>
              <TextField name="what" label="What is proposed" error={propose.error} width="govuk-input--width-30" />
              <TextField name="forWhom" label="Who it is for" error={propose.error} width="govuk-input--width-30" />
              <SelectField
                name="serviceId"
                label="Service from the directory (optional)"
                options={[
                  { value: '', label: 'None, or not listed' },
                  ...(services.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.organisation.name})` })),
                ]}
                error={propose.error}
              />
              <Area error={propose.error} name="why" label="Why" />
              <TextField
                name="weekly"
                field="weeklyPence"
                kind="money"
                inputMode="decimal"
                label="Cost per week in pounds"
                error={propose.error}
                width="govuk-input--width-10"
              />
              <TextField name="weeks" label="For how many weeks" error={propose.error} width="govuk-input--width-4" />
              <Area error={propose.error} name="alternatives" label="Alternatives considered" />
              <Area error={propose.error} name="familyView" label="What the family thinks, in their words" />
              <p className="govuk-body">
                The family is in {CONVERSATION_STAGES[conversation].replace(/^Conversation/, 'conversation')}.{' '}
                {conversation === 3
                  ? 'At or above the sign-off amount, the strategy team decides.'
                  : 'In this conversation the team decides, whatever the cost.'}{' '}
                If that has changed, move the family to another conversation first (a team decision).
              </p>
              {preview && (
                <div className="govuk-inset-text" aria-live="polite">
                  In all: <strong>{pounds(preview.total)}</strong>.{' '}
                  {signOff !== undefined && conversation === 3 && preview.total >= signOff
                    ? `It goes to the strategy team to decide (conversation 3, at or above ${pounds(signOff)}).`
                    : 'The team decides it, and it is recorded in the team’s decisions.'}
                </div>
              )}
              <Button disabled={propose.isPending}>Propose</Button>
            </form>
          </div>
        </details>
      </FormScope>
    </>
  )
}
