import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { SharingDecisionsView, SharingDecisionView } from '@hearth/contracts/sharing'
import { longDate } from '@hearth/domain/dates'
import { SHARING_DECISIONS, SHARING_RECIPIENT_KIND_LIST, SHARING_RECIPIENT_KINDS } from '@hearth/domain/sharing'
import { api } from '../../api'
import {
  Button,
  DateInput,
  dateFromForm,
  ErrorSummary,
  FormScope,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../components/govuk'

type Decisions = z.infer<typeof SharingDecisionsView>
type Decision = z.infer<typeof SharingDecisionView>

/**
 * On the child's page: decisions to share, or not to share, information about the child with
 * other agencies (Children's Wellbeing and Schools Act 2026, s.4), and a short form to record one.
 */
export function ChildSharing({ childId }: { childId: string }) {
  const queryClient = useQueryClient()
  const list = useQuery({
    queryKey: ['sharing', childId],
    queryFn: () => api<Decisions>('GET', `/api/children/${childId}/sharing-decisions`),
  })
  const [formKey, setFormKey] = useState(0)
  const [said, setSaid] = useState<string | null>(null)
  const record = useMutation({
    mutationFn: (body: unknown) => api<Decision>('POST', `/api/children/${childId}/sharing-decisions`, body),
    onSuccess: (d) => {
      setSaid(`Recorded: ${SHARING_DECISIONS[d.decision].toLowerCase()} with ${d.recipient}.`)
      setFormKey((k) => k + 1)
      void queryClient.invalidateQueries({ queryKey: ['sharing', childId] })
      void queryClient.invalidateQueries({ queryKey: ['chronology'] })
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setSaid(null)
    const f = new FormData(e.currentTarget)
    record.mutate({
      decision: f.get('decision') ?? undefined,
      information: f.get('information'),
      recipientKind: f.get('recipientKind') || undefined,
      recipient: f.get('recipient'),
      reason: f.get('reason'),
      decidedOn: dateFromForm(f, 'decidedOn'),
    })
  }
  const decisions = list.data?.decisions ?? []
  return (
    <section aria-labelledby="sharing-heading">
      <h2 className="govuk-heading-m" id="sharing-heading">
        Sharing information with other agencies
      </h2>
      <ErrorSummary error={list.error} />
      {decisions.length === 0 ? (
        <p className="govuk-body">No decision recorded yet.</p>
      ) : (
        <ul className="govuk-list">
          {decisions.map((d) => (
            <li key={d.id} className="hearth-card govuk-!-margin-bottom-3">
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                {SHARING_DECISIONS[d.decision]} with {d.recipient} ({SHARING_RECIPIENT_KINDS[d.recipientKind]}),{' '}
                {longDate(d.decidedOn)}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-1">What: {d.information}</p>
              <p className="govuk-body govuk-!-margin-bottom-1">Why, for the child: {d.reason}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">Decided by {d.decidedByName}</p>
            </li>
          ))}
        </ul>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Record a decision to share, or not to share</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body" role="status">
            {said}
          </p>
          <FormScope name="sharing">
            <ErrorSummary error={record.error} />
            <form onSubmit={submit} noValidate key={formKey}>
              <Radios
                name="decision"
                label="What did you decide?"
                options={[
                  { value: 'share', label: 'To share the information' },
                  { value: 'withhold', label: 'Not to share it' },
                ]}
                error={record.error}
              />
              <TextArea name="information" label="What information" rows={2} error={record.error} />
              <SelectField
                name="recipientKind"
                label="Kind of agency"
                options={[
                  { value: '', label: 'Choose' },
                  ...SHARING_RECIPIENT_KIND_LIST.map((k) => ({ value: k, label: SHARING_RECIPIENT_KINDS[k] })),
                ]}
                error={record.error}
              />
              <TextField
                name="recipient"
                label="With whom"
                hint="The agency, and the person there if you know them"
                error={record.error}
                width="govuk-input--width-30"
              />
              <TextArea
                name="reason"
                label="Why, for the child"
                hint="How sharing (or not sharing) keeps the child safe or promotes their welfare"
                rows={3}
                error={record.error}
              />
              <DateInput
                name="decidedOn"
                label="When it was decided"
                hint="For example, 27 11 2026"
                error={record.error}
              />
              <Button disabled={record.isPending}>Record the decision</Button>
            </form>
          </FormScope>
        </div>
      </details>
    </section>
  )
}
