import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, TextArea } from '../../components/govuk'
import { type Message, saidTitle, when } from './voice-api'

/**
 * One thing a family said through their link, in their own words, with what the team did:
 * mark it seen, or tell the family what happened (they read it on their link).
 */
export function FamilySaid({ m, familyName }: { m: Message; familyName?: string }) {
  const queryClient = useQueryClient()
  const [answering, setAnswering] = useState(false)
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['family-voice'] })
    void queryClient.invalidateQueries({ queryKey: ['family-messages'] })
    void queryClient.invalidateQueries({ queryKey: ['chronology'] })
  }
  const seen = useMutation({
    mutationFn: () => api('POST', `/api/family-messages/${m.id}/seen`),
    onSuccess: refresh,
  })
  const answer = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/family-messages/${m.id}/answer`, body),
    onSuccess: () => {
      setAnswering(false)
      refresh()
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    answer.mutate({ answer: new FormData(e.currentTarget).get('answer') })
  }
  return (
    <div className="hearth-card govuk-!-margin-bottom-4">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {familyName ? `${familyName}: ` : ''}
        {saidTitle(m)}
        {m.kind === 'complaint' && <strong className="govuk-tag govuk-tag--red hearth-tag-gap">Complaint</strong>}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        From {m.fromName}, {when(m.at)}
        {m.dueAt ? `. Stage 1 reply due by ${when(m.dueAt)}` : ''}
      </p>
      {m.visit && <p className="govuk-body govuk-!-margin-bottom-1">About the visit on {when(m.visit.startsAt)}</p>}
      {m.suits && <p className="govuk-body govuk-!-margin-bottom-1">Times that suit them: “{m.suits}”</p>}
      {m.words && <p className="govuk-body hearth-pre-wrap govuk-!-margin-bottom-1">“{m.words}”</p>}
      {m.answer ? (
        <p className="govuk-body govuk-!-margin-bottom-0">
          What happened ({m.answeredByName}, {when(m.answeredAt!)}): {m.answer}
        </p>
      ) : answering ? (
        <FormScope name={`answer-${m.id}`}>
          <ErrorSummary error={answer.error} />
          <form onSubmit={submit} noValidate>
            <TextArea
              name="answer"
              label="What happened"
              hint="The family will read this on their link. Plain words, as you would say it to them."
              rows={3}
              error={answer.error}
            />
            <Button disabled={answer.isPending}>Send to the family</Button>{' '}
            <Button secondary type="button" onClick={() => setAnswering(false)}>
              Cancel
            </Button>
          </form>
        </FormScope>
      ) : (
        <div className="govuk-button-group govuk-!-margin-bottom-0">
          <Button secondary type="button" onClick={() => setAnswering(true)}>
            Tell the family what happened
          </Button>
          {!m.seenAt && (
            <Button secondary type="button" disabled={seen.isPending} onClick={() => seen.mutate()}>
              Mark as seen
            </Button>
          )}
          {m.seenAt && <p className="govuk-body-s">Seen by {m.seenByName}</p>}
        </div>
      )}
    </div>
  )
}
