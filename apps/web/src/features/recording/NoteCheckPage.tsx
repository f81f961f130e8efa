import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { NoteCheckSettings } from '@hearth/contracts/recording'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, Loading, TextField } from '../../components/govuk'

type Settings = z.infer<typeof NoteCheckSettings>

/**
 * The council's copy-paste check: how alike two notes must be before the author is shown the
 * earlier one. An administrator sets it; the audit trail keeps each change.
 */
export function NoteCheckPage() {
  const queryClient = useQueryClient()
  const [saved, setSaved] = useState<string | null>(null)
  const settings = useQuery({
    queryKey: ['note-check'],
    queryFn: () => api<Settings>('GET', '/api/council/note-check'),
  })
  const save = useMutation({
    mutationFn: (body: unknown) => api<Settings>('PUT', '/api/council/note-check', body),
    onSuccess: (s) => {
      setSaved(`Saved. Notes that share ${s.percent}% or more of their phrases are shown to their author.`)
      queryClient.setQueryData(['note-check'], s)
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setSaved(null)
    const raw = String(new FormData(e.currentTarget).get('percent') ?? '')
      .replace(/%\s*$/, '')
      .trim()
    save.mutate({ percent: raw === '' ? undefined : Number(raw) })
  }
  if (settings.isLoading) return <Loading />
  const s = settings.data
  return (
    <>
      <h1 className="govuk-heading-l">The copy-paste check</h1>
      <p className="govuk-body">
        When a practitioner saves a note, Hearth compares it with the same family’s and the same author’s earlier notes.
        If it shares enough of its three-word phrases with one of them, the author sees the earlier note and the
        passages they share, and chooses to rewrite or keep it. Keeping it is recorded.
      </p>
      <p className="govuk-body">
        At the default, {s?.defaultPercent ?? 33}%, every lightly edited copy in Hearth’s test set of 60 invented pairs
        was caught, and no new note about a similar situation was.
      </p>
      <ErrorSummary error={settings.error} />
      {saved && (
        <p className="govuk-body" role="status">
          {saved}
        </p>
      )}
      {s && (
        <FormScope name="note-check">
          <ErrorSummary error={save.error} />
          <form onSubmit={submit} noValidate key={s.percent}>
            <TextField
              name="percent"
              label="Show the earlier note when the two share at least this many of their phrases (%)"
              hint="A whole number from 10 to 90. Lower catches more, and interrupts more."
              defaultValue={String(s.percent)}
              inputMode="numeric"
              kind="percent"
              errorName="The share of phrases"
              width="govuk-input--width-4"
              error={save.error}
            />
            <Button disabled={save.isPending}>Save</Button>
          </form>
        </FormScope>
      )}
    </>
  )
}
