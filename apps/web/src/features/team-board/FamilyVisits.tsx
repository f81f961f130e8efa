import { fieldId } from '../../components/errors'
import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { VisitView } from '@hearth/contracts/visits'
import { VISIT_KIND_LIST, VISIT_KINDS, type VisitKind } from '@hearth/domain/allocation'
import { api } from '../../api'
import {
  Button,
  DateTimeInput,
  ErrorSummary,
  FormScope,
  localDateTime,
  SelectField,
  TextField,
} from '../../components/govuk'
import { dateTime } from '../../components/time'

type Visit = z.infer<typeof VisitView>

const toIso = (local: FormDataEntryValue | null) => (local ? new Date(String(local)).toISOString() : '')

/**
 * The family's visits and meetings: book one, move one (a new time or place, with the reason the
 * family will be told), or cancel one. Each action confirms beside itself and closes its form.
 */
export function FamilyVisits(props: { familyId: string; interpreterNeeded: boolean; onChange(): void }) {
  const { familyId, interpreterNeeded, onChange } = props
  const visits = useQuery({
    queryKey: ['visits', familyId],
    queryFn: () => api<Visit[]>('GET', `/api/families/${familyId}/visits`),
  })
  const [acting, setActing] = useState<{ id: string; kind: 'move' | 'cancel' } | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [bookOpen, setBookOpen] = useState(false)
  const [bookKey, setBookKey] = useState(0)
  const [pastBody, setPastBody] = useState<Record<string, unknown> | null>(null)
  const whenId = `book-${fieldId('startsAt')}`
  const finished = (message: string) => {
    setActing(null)
    setDone(message)
    onChange()
  }
  const book = useMutation({
    mutationFn: (body: unknown) => api<Visit>('POST', `/api/families/${familyId}/visits`, body),
    onSuccess: (v) => {
      setBookOpen(false)
      setBookKey((k) => k + 1)
      finished(`Booked: ${VISIT_KINDS[v.kind as VisitKind] ?? v.kind}, ${dateTime(v.startsAt)}, ${v.place}.`)
    },
  })
  const move = useMutation({
    mutationFn: (m: { id: string; body: unknown }) => api<Visit>('PATCH', `/api/visits/${m.id}`, m.body),
    onSuccess: (v) => finished(`Moved to ${dateTime(v.startsAt)}, ${v.place}. The family will be told why.`),
  })
  const cancel = useMutation({
    mutationFn: (v: { id: string; reason: string }) => api('POST', `/api/visits/${v.id}/cancel`, { reason: v.reason }),
    onSuccess: () => finished('The visit is cancelled.'),
  })
  const upcoming = (visits.data ?? [])
    .filter((v) => v.status === 'booked' && new Date(v.startsAt).getTime() >= Date.now() - 3600_000)
    .reverse()

  const submitBook = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const body = {
      kind: f.get('kind'),
      startsAt: toIso(f.get('startsAt')),
      durationMinutes: Number(f.get('durationMinutes') || 60),
      place: f.get('place'),
      othersAttending: f.get('othersAttending'),
      interpreterNeeded: f.get('interpreterNeeded') === 'yes',
    }
    // a time that has passed: ask before sending, rather than book (and write to the family) by mistake
    const at = body.startsAt ? new Date(body.startsAt).getTime() : Number.NaN
    if (!pastBody && at < Date.now()) {
      setPastBody(body)
      return
    }
    setPastBody(null)
    book.mutate(body)
  }
  const submitMove = (v: Visit) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const startsAt = toIso(f.get('moveStartsAt'))
    const place = String(f.get('movePlace') ?? '').trim()
    move.mutate({
      id: v.id,
      body: {
        ...(startsAt && startsAt !== new Date(v.startsAt).toISOString() ? { startsAt } : {}),
        ...(place && place !== v.place ? { place } : {}),
        reason: f.get('moveReason'),
      },
    })
  }

  return (
    <section aria-labelledby="visits-heading">
      <h2 className="govuk-heading-m" id="visits-heading">
        Visits and meetings
      </h2>
      <ErrorSummary error={visits.error ?? move.error ?? cancel.error} />
      {done && (
        <div className="govuk-inset-text" role="status">
          {done}
        </div>
      )}
      {upcoming.length === 0 ? (
        <p className="govuk-body">Nothing booked.</p>
      ) : (
        <ul className="govuk-list">
          {upcoming.map((v) => (
            <li key={v.id}>
              <strong>{dateTime(v.startsAt)}</strong> {VISIT_KINDS[v.kind as VisitKind] ?? v.kind}, {v.place} ·{' '}
              {v.attendees.map((a) => a.name).join(', ')}
              {v.interpreterNeeded && ' · interpreter needed'}{' '}
              {acting?.id !== v.id && (
                <>
                  <button
                    type="button"
                    className="govuk-link hearth-link-button"
                    onClick={() => setActing({ id: v.id, kind: 'move' })}
                  >
                    Move<span className="govuk-visually-hidden"> the visit on {dateTime(v.startsAt)}</span>
                  </button>{' '}
                  <button
                    type="button"
                    className="govuk-link hearth-link-button"
                    onClick={() => setActing({ id: v.id, kind: 'cancel' })}
                  >
                    Cancel<span className="govuk-visually-hidden"> the visit on {dateTime(v.startsAt)}</span>
                  </button>
                </>
              )}
              {acting?.id === v.id && acting.kind === 'move' && (
                <form className="govuk-!-margin-top-2" noValidate onSubmit={submitMove(v)}>
                  <DateTimeInput
                    name="moveStartsAt"
                    field="startsAt"
                    label="New date and time"
                    defaultValue={localDateTime(v.startsAt)}
                    error={move.error}
                  />
                  <TextField
                    name="movePlace"
                    field="place"
                    label="Where"
                    defaultValue={v.place}
                    error={move.error}
                    width="govuk-input--width-30"
                  />
                  <TextField
                    name="moveReason"
                    field="reason"
                    label="Why it is moving (the family is told)"
                    error={move.error}
                    width="govuk-input--width-30"
                  />
                  <div className="govuk-button-group">
                    <Button disabled={move.isPending}>Move the visit</Button>
                    <button type="button" className="govuk-link hearth-link-button" onClick={() => setActing(null)}>
                      Keep it as it is
                    </button>
                  </div>
                </form>
              )}
              {acting?.id === v.id && acting.kind === 'cancel' && (
                <form
                  className="hearth-actions govuk-!-margin-top-2"
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault()
                    cancel.mutate({ id: v.id, reason: String(new FormData(e.currentTarget).get('reason') ?? '') })
                  }}
                >
                  <TextField
                    name="reason"
                    label="Why is it cancelled?"
                    error={cancel.error}
                    width="govuk-input--width-30"
                  />
                  <Button secondary>Cancel the visit</Button>
                  <button type="button" className="govuk-link hearth-link-button" onClick={() => setActing(null)}>
                    Keep it
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <details
        className="govuk-details"
        open={bookOpen}
        onToggle={(e) => setBookOpen((e.target as HTMLDetailsElement).open)}
      >
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Book a visit or meeting</span>
        </summary>
        <div className="govuk-details__text">
          <FormScope name="book">
            <ErrorSummary error={book.error} />
            <form key={bookKey} onSubmit={submitBook} noValidate>
              <SelectField
                name="kind"
                label="What kind"
                options={VISIT_KIND_LIST.map((k) => ({ value: k, label: VISIT_KINDS[k] }))}
                error={book.error}
              />
              <DateTimeInput name="startsAt" label="When" error={book.error} />
              <TextField
                name="durationMinutes"
                label="How long (minutes)"
                errorName="The length of the visit in minutes"
                defaultValue="60"
                inputMode="numeric"
                error={book.error}
                width="govuk-input--width-10"
              />
              <TextField name="place" label="Where" error={book.error} width="govuk-input--width-30" />
              <TextField
                name="othersAttending"
                label="Who else comes (optional)"
                hint="For example: Mum, Nan and the school nurse"
                error={book.error}
                width="govuk-input--width-30"
              />
              <SelectField
                name="interpreterNeeded"
                label="Interpreter needed?"
                defaultValue={interpreterNeeded ? 'yes' : 'no'}
                options={[
                  { value: 'no', label: 'No' },
                  { value: 'yes', label: 'Yes' },
                ]}
                error={book.error}
              />
              {pastBody ? (
                <div role="alert">
                  <div className="govuk-warning-text">
                    <span className="govuk-warning-text__icon" aria-hidden="true">
                      !
                    </span>
                    <strong className="govuk-warning-text__text">
                      <span className="govuk-visually-hidden">Warning</span>
                      {dateTime(String(pastBody.startsAt))} has passed. Are you recording a visit that has already
                      happened? Nothing will be sent to the family for it.
                    </strong>
                  </div>
                  <div className="hearth-actions">
                    <Button disabled={book.isPending}>Yes, record a visit that has happened</Button>
                    <Button
                      type="button"
                      secondary
                      onClick={() => {
                        setPastBody(null)
                        document.getElementById(whenId)?.focus()
                      }}
                    >
                      No, change the time
                    </Button>
                  </div>
                </div>
              ) : (
                <Button disabled={book.isPending}>Book</Button>
              )}
            </form>
          </FormScope>
        </div>
      </details>
    </section>
  )
}
