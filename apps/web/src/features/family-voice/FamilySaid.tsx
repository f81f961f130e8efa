import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { api } from '../../api'
import {
  Button,
  DateTimeInput,
  ErrorSummary,
  FormScope,
  localDateTime,
  TextArea,
  TextField,
} from '../../components/govuk'
import { dateTime } from '../../components/time'
import { LINK_LANGUAGES } from '@hearth/domain/family-voice'
import { type Message, saidTitle, when } from './voice-api'

/**
 * One thing a family said through their link, in their own words, with what the team did:
 * mark it seen, or tell the family what happened (they read it on their link).
 */
export function FamilySaid({
  m,
  familyName,
  onDone,
}: {
  m: Message
  familyName?: string
  /** Told what was done when the card may leave the list (the board lists only what is new). */
  onDone?: (message: string) => void
}) {
  const queryClient = useQueryClient()
  const [answering, setAnswering] = useState<false | 'answer' | 'move'>(false)
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['family-voice'] })
    void queryClient.invalidateQueries({ queryKey: ['family-messages'] })
    void queryClient.invalidateQueries({ queryKey: ['chronology'] })
    void queryClient.invalidateQueries({ queryKey: ['visits'] })
    void queryClient.invalidateQueries({ queryKey: ['my-day'] })
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
  // an ask to move a visit is answered by moving it, in one place: the family reads why on their link
  const move = useMutation({
    mutationFn: (body: { startsAt?: string; reason: FormDataEntryValue | null }) =>
      api<{ startsAt: string }>('PATCH', `/api/visits/${m.visit!.id}`, body),
    onSuccess: (v) => {
      setAnswering(false)
      onDone?.(`The visit is moved to ${dateTime(v.startsAt)}, and the family is told why.`)
      refresh()
    },
  })
  const submitMove = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const local = String(f.get('startsAt') ?? '')
    const startsAt = local ? new Date(local).toISOString() : ''
    move.mutate({
      ...(startsAt && startsAt !== new Date(m.visit!.startsAt).toISOString() ? { startsAt } : {}),
      reason: f.get('reason'),
    })
  }
  const canMove = m.kind === 'move_visit' && !!m.visit && !m.answer
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    answer.mutate({ answer: new FormData(e.currentTarget).get('answer') })
  }
  // words sent from pages in another language: said on the card, with a translation through the enablers
  const ask = useMutation({
    mutationFn: () =>
      api('POST', `/api/families/${m.familyId}/ask-enabler`, {
        request:
          `Please arrange a translation from ${LINK_LANGUAGES[m.language].name} of what the family said ` +
          `through their link on ${when(m.at)}. Read it on the family’s page (Family link).`,
      }),
  })
  const urgent = m.kind === 'worry' || m.kind === 'complaint'
  return (
    <div className={`hearth-card govuk-!-margin-bottom-4${urgent ? ' hearth-card--urgent' : ''}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {familyName ? `${familyName}: ` : ''}
        {saidTitle(m)}
        {m.kind === 'complaint' && <strong className="govuk-tag govuk-tag--red hearth-tag-gap">Complaint</strong>}
        {m.kind === 'worry' && <strong className="govuk-tag govuk-tag--red hearth-tag-gap">A worry</strong>}
        {m.language !== 'en' && (
          <strong className="govuk-tag govuk-tag--blue hearth-tag-gap">{LINK_LANGUAGES[m.language].name}</strong>
        )}
      </h3>
      {m.language !== 'en' && m.words && (
        <div className="govuk-!-margin-bottom-1">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            Sent from their pages in {LINK_LANGUAGES[m.language].name}: the words may need translating.
          </p>
          <ErrorSummary error={ask.error} />
          {ask.isSuccess ? (
            <p className="govuk-body-s" role="status">
              The enablers are asked to arrange a translation.
            </p>
          ) : (
            <Button secondary type="button" disabled={ask.isPending} onClick={() => ask.mutate()}>
              Ask the enablers for a translation
            </Button>
          )}
        </div>
      )}
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
      ) : answering === 'move' ? (
        <FormScope name={`move-${m.id}`}>
          <ErrorSummary error={move.error} />
          <form onSubmit={submitMove} noValidate>
            <DateTimeInput
              name="startsAt"
              label="New date and time"
              defaultValue={localDateTime(m.visit!.startsAt)}
              error={move.error}
            />
            <TextField
              name="reason"
              label="Why it is moving (the family is told)"
              hint="This answers what they asked: they read it on their link, with the new time."
              error={move.error}
              width="govuk-input--width-30"
            />
            <Button disabled={move.isPending}>Move the visit and tell the family</Button>{' '}
            <Button secondary type="button" onClick={() => setAnswering(false)}>
              Cancel
            </Button>
          </form>
        </FormScope>
      ) : answering === 'answer' ? (
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
          {canMove && (
            <Button type="button" onClick={() => setAnswering('move')}>
              Move the visit
            </Button>
          )}
          <Button secondary type="button" onClick={() => setAnswering('answer')}>
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
