import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { NoteView } from '@hearth/contracts/recording'
import { CHILD_SEEN, NOTE_KINDS, NOTE_PART_LIST, NOTE_PARTS } from '@hearth/domain/recording'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, Loading, Panel, TextArea, TextField } from '../../components/govuk'
import { dateTime } from '../../components/time'
import { keptDraft, NoteEditor } from './NoteEditor'

/** One finalised note as the team reads it: the story, who was seen, and any addenda beside it. */
function NoteCard({ n, onAdded }: { n: NoteView; onAdded(): void }) {
  const add = useMutation({
    mutationFn: (body: unknown) => api<NoteView>('POST', `/api/notes/${n.id}/addenda`, body),
    onSuccess: onAdded,
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    add.mutate({ reason: f.get('reason'), text: f.get('text') })
  }
  return (
    <article className="govuk-!-margin-bottom-6" aria-labelledby={`note-${n.id}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`note-${n.id}`}>
        {NOTE_KINDS[n.kind]}, {dateTime(n.happenedAt)}
        {n.place ? `, ${n.place}` : ''}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        By {n.authorName} · {n.directMinutes} minutes with the family
        {n.children.length > 0 &&
          ` · ${n.children.map((c) => `${c.name}: ${c.seen ? CHILD_SEEN[c.seen].toLowerCase() : 'not recorded'}${c.notSeenReason ? ` (${c.notSeenReason})` : ''}`).join('; ')}`}
      </p>
      {NOTE_PART_LIST.filter((p) => n[p]).map((p) => (
        <div key={p}>
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{NOTE_PARTS[p]}</h4>
          <p className="govuk-body hearth-story">{n[p]}</p>
        </div>
      ))}
      {n.addenda.map((a) => (
        <div className="govuk-inset-text" key={a.id}>
          <strong>
            Added by {a.authorName}, {dateTime(a.createdAt)}:
          </strong>{' '}
          {a.text}
          <br />
          <span className="govuk-body-s">Why: {a.reason}</span>
        </div>
      ))}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Add a correction or addition</span>
        </summary>
        <div className="govuk-details__text">
          <FormScope name={`addendum-${n.id}`}>
            <ErrorSummary error={add.error} />
            <form onSubmit={submit} noValidate>
              <TextField
                name="reason"
                label="Why you are adding to it"
                error={add.error}
                width="govuk-input--width-30"
              />
              <TextArea name="text" label="What to add" rows={3} error={add.error} />
              <Button disabled={add.isPending}>Add to the note</Button>
            </form>
          </FormScope>
        </div>
      </details>
    </article>
  )
}

/**
 * The family's notes: record a visit, call or contact (a draft saved as you type, kept on this
 * device too), carry on with a draft, and read the team's finalised notes with their addenda.
 */
export function FamilyNotes({ familyId, kids }: { familyId: string; kids: { id: string; name: string }[] }) {
  const queryClient = useQueryClient()
  const notes = useQuery({
    queryKey: ['notes', familyId],
    queryFn: () => api<NoteView[]>('GET', `/api/families/${familyId}/notes`),
  })
  // ?visit=<id>: "Record what happened" from My day or from the visit, filled in from the visit
  const [params, setParams] = useSearchParams()
  const visitId = params.get('visit')
  const [writing, setWriting] = useState<null | { draft?: NoteView; fromDevice?: boolean; opened?: boolean }>(() =>
    keptDraft(familyId) ? { fromDevice: true } : null,
  )
  // begun from a visit: the draft is made at once, filled in from the visit, then written in
  const fromVisit = useMutation({
    mutationFn: (id: string) => api<NoteView>('POST', `/api/families/${familyId}/notes`, { visitId: id }),
    // one note per visit: a visit already recorded answers with its note, shown, not begun again
    onSuccess: (note) => {
      if (note.status === 'final') {
        setDone('This visit is already recorded: its note is below. To add to it, add to the note.')
        document.getElementById(`note-${note.id}`)?.scrollIntoView()
      } else setWriting({ draft: note, opened: true })
    },
  })
  useEffect(() => {
    if (!visitId) return
    setParams({}, { replace: true })
    if (keptDraft(familyId)) return
    fromVisit.mutate(visitId)
  }, [visitId, familyId, setParams, fromVisit.mutate])
  const [done, setDone] = useState<string | null>(null)
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['notes', familyId] })
    void queryClient.invalidateQueries({ queryKey: ['chronology', familyId] })
  }
  const finals = (notes.data ?? []).filter((n) => n.status === 'final')
  const drafts = (notes.data ?? []).filter((n) => n.status === 'draft')
  const kept = keptDraft(familyId)
  return (
    <section aria-labelledby="notes-heading">
      <h2 className="govuk-heading-m" id="notes-heading">
        Notes
      </h2>
      {done && <Panel>{done}</Panel>}
      <ErrorSummary error={fromVisit.error} />
      {writing ? (
        <NoteEditor
          familyId={familyId}
          kids={kids}
          start={writing.fromDevice && kept ? { kept } : { draft: writing.draft }}
          focusOnOpen={!!writing.opened}
          onDone={(message) => {
            setWriting(null)
            setDone(message)
            refresh()
          }}
        />
      ) : (
        <>
          <Button
            type="button"
            onClick={() => {
              setDone(null)
              setWriting({ opened: true })
            }}
          >
            Record a visit or contact
          </Button>
          {drafts.map((d) => (
            <p className="govuk-body" key={d.id}>
              Your draft: {NOTE_KINDS[d.kind]}, {dateTime(d.happenedAt)}.{' '}
              <button
                type="button"
                className="govuk-link hearth-link-button"
                onClick={() => setWriting({ draft: d, opened: true })}
              >
                Carry on writing<span className="govuk-visually-hidden"> the draft of {dateTime(d.happenedAt)}</span>
              </button>
            </p>
          ))}
        </>
      )}
      <ErrorSummary error={notes.error} />
      {notes.isLoading ? (
        <Loading />
      ) : finals.length === 0 ? (
        <p className="govuk-body">No notes yet.</p>
      ) : (
        finals.map((n) => <NoteCard key={n.id} n={n} onAdded={refresh} />)
      )}
    </section>
  )
}
