import type { NoteDraft, NoteView, SimilarNote } from '@hearth/contracts/recording'
import type { z } from 'zod'
import {
  APPOINTMENT_KEPT,
  APPOINTMENT_KEPT_LIST,
  CHANGED_BY,
  CHANGED_BY_LIST,
  CHILD_SEEN,
  CHILD_SEEN_LIST,
  MAX_DIRECT_MINUTES,
  NOTE_KIND_LIST,
  NOTE_KINDS,
  NOTE_PART_LIST,
  NOTE_PARTS,
} from '@hearth/domain/recording'
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, api, type FieldProblem, newKey } from '../../api'
import {
  Button,
  DateTimeInput,
  dateTimeFromForm,
  ErrorSummary,
  FormScope,
  localDateTime,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from '../../components/govuk'
import { dateTime } from '../../components/time'

/**
 * What is kept on this device for a note being written: the fields, the server's draft id once
 * it has one, and the Idempotency-Key of the request that makes the draft, so that a draft begun
 * offline and sent after the tab was closed and opened again is made once, not twice.
 */
interface Kept {
  id: string | null
  key: string
  visitId: string | null
  body: NoteDraft
  savedAt: string | null
}

const keptKey = (familyId: string) => `hearth.note.${familyId}`
export const keptDraft = (familyId: string): Kept | null => {
  try {
    return JSON.parse(localStorage.getItem(keptKey(familyId)) ?? 'null') as Kept | null
  } catch {
    return null
  }
}
const keep = (familyId: string, k: Kept) => localStorage.setItem(keptKey(familyId), JSON.stringify(k))
const forget = (familyId: string) => localStorage.removeItem(keptKey(familyId))

/** The form as a draft: only what can be sent (a half-typed number waits until it is a number). */
function draftFrom(form: HTMLFormElement, kids: { id: string }[]): NoteDraft {
  const f = new FormData(form)
  const text = (name: string) => String(f.get(name) ?? '')
  const when = dateTimeFromForm(f, 'happenedAt')
  const minutes = text('directMinutes').trim()
  const late = text('lateMinutes').trim()
  const notice = text('noticeHours').trim()
  const whenDate = when ? new Date(when) : null
  return {
    kind: (text('kind') || undefined) as NoteDraft['kind'],
    ...(whenDate && !Number.isNaN(whenDate.getTime()) ? { happenedAt: whenDate.toISOString() } : {}),
    place: text('place'),
    ...(/^\d{1,4}$/.test(minutes) && Number(minutes) <= MAX_DIRECT_MINUTES ? { directMinutes: Number(minutes) } : {}),
    appointment: (text('appointment') || undefined) as NoteDraft['appointment'],
    lateMinutes: text('appointment') === 'late' && /^\d{1,4}$/.test(late) && Number(late) > 0 ? Number(late) : null,
    changedBy: ['rearranged', 'missed'].includes(text('appointment'))
      ? ((text('changedBy') || null) as NoteDraft['changedBy'])
      : null,
    noticeHours: text('appointment') === 'rearranged' && /^\d{1,4}$/.test(notice) ? Number(notice) : null,
    missedReason: text('appointment') === 'missed' ? text('missedReason') : '',
    children: kids.map((k) => ({
      childId: k.id,
      seen: (text(`seen-${k.id}`) || null) as 'seen' | 'seen_alone' | 'not_seen' | null,
      notSeenReason: text(`reason-${k.id}`),
    })),
    othersPresent: text('othersPresent'),
    workingWell: text('workingWell'),
    worries: text('worries'),
    needsToHappen: text('needsToHappen'),
    familyWords: text('familyWords'),
  }
}

/** The note's number boxes, and how each is worded when it is not a whole number. */
const NUMBER_BOXES: Record<string, string> = {
  directMinutes: 'Enter minutes with the family as a whole number, like 45',
  lateMinutes: 'Enter how many minutes late as a whole number, like 10',
  noticeHours: 'Enter the hours of notice as a whole number, like 24',
}

/** The number boxes (those shown) holding something other than a whole number. */
function notWholeNumbers(form: HTMLFormElement): FieldProblem[] {
  const f = new FormData(form)
  return Object.entries(NUMBER_BOXES).flatMap(([name, message]) => {
    const v = String(f.get(name) ?? '').trim()
    return v && !/^\d{1,4}$/.test(v) ? [{ field: `body.${name}`, message }] : []
  })
}

type SaveState = 'idle' | 'saving' | 'saved' | 'device'
type SimilarNoteView = z.infer<typeof SimilarNote>

/**
 * Writing a note. Every change is kept on this device at once and sent to the server a moment
 * after typing stops (a draft only its author sees); without a connection it waits, and goes
 * when the connection is back. "Save the note" finalises it: from then on it is kept as written.
 */
export function NoteEditor({
  familyId,
  kids,
  start,
  onDone,
  focusOnOpen = false,
}: {
  familyId: string
  kids: { id: string; name: string }[]
  /** Opened by the person (from a visit, or "Record a visit"): the form comes into view, focused. */
  focusOnOpen?: boolean
  /** A draft to carry on with (from the server, or kept on this device), or a visit to begin from. */
  start: { kept?: Kept; draft?: NoteView; visitId?: string | null }
  onDone(message: string): void
}) {
  const formRef = useRef<HTMLFormElement>(null)
  const [state, setState] = useState<SaveState>('idle')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const kept = useRef<Kept>(
    start.kept ?? {
      id: start.draft?.id ?? null,
      key: newKey(),
      visitId: start.draft?.visitId ?? start.visitId ?? null,
      body: (start.draft as NoteDraft | undefined) ?? {},
      savedAt: null,
    },
  )
  const [initial] = useState<NoteDraft>(() => kept.current.body)
  // The page above the notes is still loading when the form opens: bring the form into view once
  // now and again as each part above arrives, until the person scrolls or types themselves.
  useEffect(() => {
    if (!focusOnOpen) return
    const form = formRef.current
    if (!form) return
    const first = form.querySelector<HTMLElement>('select, input, textarea')
    first?.focus({ preventScroll: true })
    let settled = false
    const show = () => {
      if (!settled) form.scrollIntoView({ block: 'start' })
    }
    const stop = () => {
      settled = true
    }
    show()
    const watch = new ResizeObserver(show)
    watch.observe(document.body)
    const until = window.setTimeout(stop, 5000)
    window.addEventListener('wheel', stop, { once: true })
    window.addEventListener('touchmove', stop, { once: true })
    form.addEventListener('input', stop, { once: true })
    return () => {
      stop()
      watch.disconnect()
      window.clearTimeout(until)
      window.removeEventListener('wheel', stop)
      window.removeEventListener('touchmove', stop)
      form.removeEventListener('input', stop)
    }
  }, [focusOnOpen])
  const [appointment, setAppointment] = useState<string>(initial.appointment ?? 'on_time')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const sending = useRef<Promise<void> | null>(null)

  /** Sends what is kept to the server: makes the draft (once) or saves it. */
  const send = useCallback(async () => {
    if (sending.current) await sending.current
    const k = kept.current
    const run = (async () => {
      setState('saving')
      try {
        if (!k.id) {
          const made = await api<NoteView>(
            'POST',
            `/api/families/${familyId}/notes`,
            { ...k.body, visitId: k.visitId },
            { 'idempotency-key': k.key },
          )
          k.id = made.id
        } else {
          await api<NoteView>('PUT', `/api/notes/${k.id}`, k.body)
        }
        k.savedAt = new Date().toISOString()
        keep(familyId, k)
        setState('saved')
      } catch (err) {
        // no connection, or the server away: it stays on this device and goes later
        setState(err instanceof ApiError && err.status < 500 ? 'saved' : 'device')
      }
    })()
    sending.current = run
    await run
    sending.current = null
  }, [familyId])

  const changed = () => {
    if (!formRef.current) return
    kept.current.body = draftFrom(formRef.current, kids)
    keep(familyId, kept.current)
    setState('device')
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void send(), 800)
  }

  useEffect(() => {
    const online = () => void send()
    window.addEventListener('online', online)
    // a draft kept on this device but never sent (the tab was closed offline) goes now
    if (start.kept && !start.kept.savedAt) void send()
    return () => {
      window.removeEventListener('online', online)
      if (timer.current) clearTimeout(timer.current)
    }
  }, [send, start.kept])

  const [similar, setSimilar] = useState<SimilarNoteView[] | null>(null)
  const [names, setNames] = useState<string[]>([])
  const finalise = async (keepSimilar: boolean) => {
    if (!formRef.current) return
    setBusy(true)
    setError(null)
    kept.current.body = draftFrom(formRef.current, kids)
    keep(familyId, kept.current)
    if (timer.current) clearTimeout(timer.current)
    try {
      // a number box with something in it that is not a whole number is an error, never left out
      const notNumbers = notWholeNumbers(formRef.current)
      if (notNumbers.length) throw new ApiError(400, 'validation_failed', 'Check the numbers.', notNumbers)
      await send()
      const id = kept.current.id
      if (!id)
        throw new ApiError(
          503,
          'unavailable',
          'Hearth cannot be reached. Your note is kept on this device: try again when you are back online.',
        )
      // the copy-paste check: shown before saving, never after
      // and names of people who are in nobody of this family's network (a passage from another record)
      if (!keepSimilar) {
        const [alike, elsewhere] = await Promise.all([
          api<SimilarNoteView[]>('GET', `/api/notes/${id}/similar`),
          api<{ names: string[] }>('GET', `/api/notes/${id}/names-elsewhere`),
        ])
        if (alike.length || elsewhere.names.length) {
          setSimilar(alike)
          setNames(elsewhere.names)
          return
        }
      }
      await api<NoteView>('POST', `/api/notes/${id}/finalise`, { keepSimilar })
      forget(familyId)
      onDone('The note is saved. The team holding the family can read it.')
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  // the author may throw a draft away (never a saved note): on the server and on this device
  const [discarding, setDiscarding] = useState(false)
  const discard = async () => {
    setBusy(true)
    setError(null)
    if (timer.current) clearTimeout(timer.current)
    try {
      const id = kept.current.id
      if (id) await api('DELETE', `/api/notes/${id}`)
      forget(familyId)
      onDone('The draft is discarded.')
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    void finalise(false)
  }

  const childAnswer = (id: string) => initial.children?.find((c) => c.childId === id)
  return (
    <FormScope name="note">
      <ErrorSummary error={error} />
      <form ref={formRef} onSubmit={submit} onInput={changed} onChange={changed} noValidate>
        <SelectField
          name="kind"
          label="What was it"
          defaultValue={initial.kind ?? 'home_visit'}
          options={NOTE_KIND_LIST.map((k) => ({ value: k, label: NOTE_KINDS[k] }))}
          error={error}
        />
        <DateTimeInput name="happenedAt" label="When" defaultValue={localDateTime(initial.happenedAt)} error={error} />
        <TextField
          name="place"
          label="Where (optional)"
          defaultValue={initial.place ?? ''}
          error={error}
          width="govuk-input--width-30"
        />
        <TextField
          name="directMinutes"
          label="Minutes with the family"
          hint="Time in direct contact: face to face, or on the phone or a video call."
          inputMode="numeric"
          defaultValue={initial.directMinutes === undefined ? '' : String(initial.directMinutes)}
          error={error}
          width="govuk-input--width-4"
        />
        <SelectField
          name="appointment"
          label="Was the appointment kept?"
          value={appointment}
          onChange={setAppointment}
          options={APPOINTMENT_KEPT_LIST.map((a) => ({ value: a, label: APPOINTMENT_KEPT[a] }))}
          error={error}
        />
        {appointment === 'late' && (
          <TextField
            name="lateMinutes"
            label="How many minutes late were we"
            errorName="Minutes late"
            inputMode="numeric"
            defaultValue={initial.lateMinutes ? String(initial.lateMinutes) : ''}
            error={error}
            width="govuk-input--width-4"
          />
        )}
        {(appointment === 'rearranged' || appointment === 'missed') && (
          <Radios
            name="changedBy"
            label={appointment === 'missed' ? 'Who missed it' : 'Who rearranged it'}
            defaultValue={initial.changedBy ?? undefined}
            options={CHANGED_BY_LIST.map((c) => ({ value: c, label: CHANGED_BY[c] }))}
            error={error}
          />
        )}
        {appointment === 'rearranged' && (
          <TextField
            name="noticeHours"
            label="How many hours’ notice was there"
            errorName="Hours’ notice"
            inputMode="numeric"
            defaultValue={
              initial.noticeHours === null || initial.noticeHours === undefined ? '' : String(initial.noticeHours)
            }
            error={error}
            width="govuk-input--width-4"
          />
        )}
        {appointment === 'missed' && (
          <TextField
            name="missedReason"
            label="Why was it missed"
            defaultValue={initial.missedReason ?? ''}
            error={error}
            width="govuk-input--width-30"
          />
        )}
        {kids.map((k, i) => (
          <div key={k.id}>
            <Radios
              name={`seen-${k.id}`}
              field={`children.${i}.seen`}
              label={`Was ${k.name} seen?`}
              defaultValue={childAnswer(k.id)?.seen ?? undefined}
              options={CHILD_SEEN_LIST.map((s) => ({ value: s, label: CHILD_SEEN[s] }))}
              error={error}
            />
            <TextField
              name={`reason-${k.id}`}
              field={`children.${i}.notSeenReason`}
              label={`If ${k.name} was not seen, why (optional otherwise)`}
              defaultValue={childAnswer(k.id)?.notSeenReason ?? ''}
              error={error}
              width="govuk-input--width-30"
            />
          </div>
        ))}
        <TextField
          name="othersPresent"
          label="Who else was there (optional)"
          defaultValue={initial.othersPresent ?? ''}
          error={error}
          width="govuk-input--width-30"
        />
        <p className="govuk-body">The story, strengths first. Any part may be short; write at least one.</p>
        {NOTE_PART_LIST.map((p) => (
          <TextArea key={p} name={p} label={NOTE_PARTS[p]} rows={3} defaultValue={initial[p] ?? ''} error={error} />
        ))}
        <p className="govuk-body-s" role="status">
          {state === 'saving'
            ? 'Saving your draft…'
            : state === 'saved'
              ? `Draft saved${kept.current.savedAt ? ` at ${dateTime(kept.current.savedAt)}` : ''}. Only you can see it.`
              : state === 'device'
                ? 'Kept on this device; it will be saved to Hearth when you are connected.'
                : 'Your draft is saved as you type. Only you can see it until you save the note.'}
        </p>
        {similar ? (
          <div role="alert" className="govuk-!-margin-bottom-6">
            {names.length > 0 && (
              <>
                <h3 className="govuk-heading-s">This note names people who are not in this family’s network</h3>
                <ul className="govuk-list govuk-list--bullet">
                  {names.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
                <p className="govuk-body">
                  Is this from another family’s record? Take it out. If they do belong in this family’s life, keep it
                  and add them to the network.
                </p>
              </>
            )}
            {similar.length > 0 && <h3 className="govuk-heading-s">This note is very like an earlier one</h3>}
            <ul className="govuk-list">
              {similar.map((s) => (
                <li key={s.noteId}>
                  {s.sameFamily ? 'The note' : 'A note you wrote about another family'} of {dateTime(s.happenedAt)}
                  {s.sameFamily ? ` by ${s.authorName}` : ''} ({Math.round(s.score * 100)}% the same words)
                  {s.passages.map((p) => (
                    <div className="govuk-inset-text govuk-!-margin-top-1 govuk-!-margin-bottom-1" key={p}>
                      “{p}”
                    </div>
                  ))}
                </li>
              ))}
            </ul>
            {similar.length > 0 && (
              <p className="govuk-body">A note tells what happened this time. Rewrite it, or keep it as it is.</p>
            )}
            <div className="hearth-actions">
              <Button
                type="button"
                onClick={() => {
                  setSimilar(null)
                  document.getElementById('note-workingWell')?.focus()
                }}
              >
                Rewrite it
              </Button>
              <Button type="button" secondary disabled={busy} onClick={() => void finalise(true)}>
                Keep it and save
              </Button>
            </div>
          </div>
        ) : (
          <>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Saving is final: the note is then kept as written. A correction is added beside it, never over it.
              </strong>
            </div>
            <div className="govuk-button-group">
              <Button disabled={busy}>Save the note</Button>
              {!discarding && (
                <Button type="button" secondary disabled={busy} onClick={() => setDiscarding(true)}>
                  Discard this draft
                </Button>
              )}
            </div>
            {discarding && (
              <div className="govuk-inset-text" role="alert">
                <p className="govuk-body">Discard the draft? What is written in it cannot be brought back.</p>
                <div className="govuk-button-group">
                  <Button type="button" warning disabled={busy} onClick={() => void discard()}>
                    Yes, discard it
                  </Button>
                  <Button type="button" secondary onClick={() => setDiscarding(false)}>
                    Keep writing
                  </Button>
                </div>
              </div>
            )}
          </>
        )}
      </form>
    </FormScope>
  )
}
