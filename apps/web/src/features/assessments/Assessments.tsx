import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { AssessmentView } from '@hearth/contracts/case-process'
import { ASSESSMENT_FACTOR_LIST, ASSESSMENT_FACTORS } from '@hearth/domain/assessments'
import { londonDateOf } from '@hearth/domain/working-days'
import { api } from '../../api'
import {
  Button,
  Checkboxes,
  DateInput,
  dateFromForm,
  ErrorSummary,
  FormScope,
  SelectField,
  TextArea,
} from '../../components/govuk'

type Assessment = z.infer<typeof AssessmentView>

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/** Where an assessment stands, as a tag: overdue in red, due soon in yellow. */
export function AssessmentTag({ a }: { a: Assessment }) {
  if (a.state === 'finished') return <strong className="govuk-tag govuk-tag--green">Finished</strong>
  if (a.state === 'overdue') return <strong className="govuk-tag govuk-tag--red">Overdue</strong>
  if (a.state === 'due_soon') return <strong className="govuk-tag govuk-tag--yellow">Due soon</strong>
  return <strong className="govuk-tag govuk-tag--grey">On track</strong>
}

/** On the family page: its assessments, starting one, and finishing it with the factors identified. */
export function FamilyAssessments({ familyId, kids }: { familyId: string; kids: { id: string; name: string }[] }) {
  const queryClient = useQueryClient()
  const key = ['assessments', familyId]
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<Assessment[]>('GET', `/api/families/${familyId}/assessments`),
  })
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: key })
    void queryClient.invalidateQueries({ queryKey: ['my-day'] })
    void queryClient.invalidateQueries({ queryKey: ['board'] })
    void queryClient.invalidateQueries({ queryKey: ['case-process', familyId] })
  }
  const [formKey, setFormKey] = useState(0)
  const start = useMutation({
    mutationFn: (body: unknown) => api<Assessment>('POST', `/api/families/${familyId}/assessments`, body),
    onSuccess: () => {
      setFormKey((k) => k + 1)
      changed()
    },
  })
  const all = list.data ?? []
  return (
    <section aria-labelledby="assessments-heading" id="assessments">
      <h2 className="govuk-heading-m" id="assessments-heading">
        Assessments
      </h2>
      <p className="govuk-body-s hearth-secondary">
        A child and family assessment is due 45 working days after the referral (Working Together 2023).
      </p>
      {all.length === 0 && list.data && <p className="govuk-body">No assessments yet.</p>}
      <ul className="govuk-list">
        {all.map((a) => (
          <li key={a.id} className="hearth-card govuk-!-margin-bottom-4">
            <p className="govuk-body govuk-!-margin-bottom-1">
              <strong>{a.childName}</strong>: started {longDate(a.startedOn)}, due {longDate(a.dueDate)}{' '}
              <AssessmentTag a={a} />
            </p>
            {a.state === 'finished' ? (
              <p className="govuk-body govuk-!-margin-bottom-1">
                Finished {longDate(a.authorisedOn!)}. Factors:{' '}
                {a.factors.map((f) => ASSESSMENT_FACTORS[f as keyof typeof ASSESSMENT_FACTORS] ?? f).join('; ')}.
                {a.summary ? ` ${a.summary}` : ''}
              </p>
            ) : (
              <FinishAssessment a={a} onDone={changed} />
            )}
          </li>
        ))}
      </ul>
      <FormScope name="assessment-start">
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Start an assessment</span>
          </summary>
          <div className="govuk-details__text">
            <ErrorSummary error={start.error} />
            <form
              key={formKey}
              noValidate
              onSubmit={(e: FormEvent<HTMLFormElement>) => {
                e.preventDefault()
                const f = new FormData(e.currentTarget)
                start.mutate({
                  childId: f.get('childId') || undefined,
                  startedOn: dateFromForm(f, 'startedOn') || undefined,
                })
              }}
            >
              <SelectField
                name="childId"
                label="Which child"
                options={[{ value: '', label: 'Choose' }, ...kids.map((k) => ({ value: k.id, label: k.name }))]}
                error={start.error}
              />
              <DateInput
                name="startedOn"
                label="The date it started"
                defaultValue={londonDateOf(new Date())}
                error={start.error}
              />
              <Button disabled={start.isPending}>Start the assessment</Button>
            </form>
          </div>
        </details>
      </FormScope>
    </section>
  )
}

function FinishAssessment({ a, onDone }: { a: Assessment; onDone: () => void }) {
  const finish = useMutation({
    mutationFn: (body: unknown) => api<Assessment>('POST', `/api/assessments/${a.id}/finish`, body),
    onSuccess: onDone,
    onError: onDone,
  })
  return (
    <FormScope name={`assessment-${a.id}`}>
      <details className="govuk-details govuk-!-margin-bottom-0">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Record it as finished</span>
        </summary>
        <div className="govuk-details__text">
          <ErrorSummary error={finish.error} />
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault()
              const f = new FormData(e.currentTarget)
              finish.mutate({
                version: a.version,
                authorisedOn: dateFromForm(f, 'authorisedOn') || undefined,
                factors: f.getAll('factors'),
                summary: f.get('summary'),
              })
            }}
          >
            <DateInput
              name="authorisedOn"
              label="The date it was authorised"
              defaultValue={londonDateOf(new Date())}
              error={finish.error}
            />
            <Checkboxes
              name="factors"
              label="Factors identified"
              hint="Choose all that apply, or “No factors identified” on its own."
              options={ASSESSMENT_FACTOR_LIST.map((c) => ({ value: c, label: ASSESSMENT_FACTORS[c] }))}
              error={finish.error}
            />
            <TextArea name="summary" label="What the assessment found (optional)" rows={3} error={finish.error} />
            <Button disabled={finish.isPending}>Record it as finished</Button>
          </form>
        </div>
      </details>
    </FormScope>
  )
}
