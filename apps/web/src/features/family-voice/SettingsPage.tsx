import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, Loading, SelectField, TextField } from '../../components/govuk'
import type { Settings } from './voice-api'

/** The administrator sets how long families' links last and which enablers' team takes complaints. */
export function SettingsPage() {
  const queryClient = useQueryClient()
  const settings = useQuery({
    queryKey: ['family-voice', 'settings'],
    queryFn: () => api<Settings>('GET', '/api/council/family-voice'),
  })
  const [saved, setSaved] = useState(false)
  const save = useMutation({
    mutationFn: (body: unknown) => api<Settings>('PUT', '/api/council/family-voice', body),
    onSuccess: () => {
      setSaved(true)
      void queryClient.invalidateQueries({ queryKey: ['family-voice', 'settings'] })
    },
  })
  if (settings.isLoading) return <Loading />
  const s = settings.data
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setSaved(false)
    const f = new FormData(e.currentTarget)
    save.mutate({ linkDays: Number(f.get('linkDays')), complaintsTeamId: f.get('complaintsTeamId') || null })
  }
  return (
    <>
      <h1 className="govuk-heading-l">Family links and complaints</h1>
      <ErrorSummary error={settings.error} />
      <p className="govuk-body" role="status">
        {saved ? 'Saved.' : ''}
      </p>
      {s && (
        <FormScope name="voice-settings">
          <ErrorSummary error={save.error} />
          <form onSubmit={submit} noValidate>
            <TextField
              name="linkDays"
              label="How many days a new family link works"
              errorName="The number of days a link works"
              hint="Teams can renew a link. Between 7 and 365 days."
              defaultValue={String(s.linkDays)}
              inputMode="numeric"
              error={save.error}
              width="govuk-input--width-4"
            />
            <SelectField
              name="complaintsTeamId"
              label="The team that takes families’ complaints"
              hint="A complaint made through a family’s link becomes a task for this team, due in 10 working days."
              options={[
                { value: '', label: 'The family’s own team' },
                ...s.teams.map((t) => ({ value: t.id, label: t.name })),
              ]}
              defaultValue={s.complaintsTeamId ?? ''}
              error={save.error}
            />
            <Button disabled={save.isPending}>Save</Button>
          </form>
        </FormScope>
      )}
    </>
  )
}
