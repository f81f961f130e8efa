import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { z } from 'zod'
import type { DirectoryImportResult, ServiceView as Service } from '@hearth/contracts/directory'
import { COST_OPTIONS, SERVICE_NEEDS } from '@hearth/domain/insight'
import { api, ApiError } from '../../api'
import { Button, Checkboxes, ErrorSummary, SelectField, TextArea, TextField } from '../../components/govuk'

export function ImportDirectory() {
  const queryClient = useQueryClient()
  const [done, setDone] = useState<z.infer<typeof DirectoryImportResult> | null>(null)
  const upload = useMutation({
    mutationFn: async (file: File) =>
      api<z.infer<typeof DirectoryImportResult>>('POST', '/api/directory/import', {
        fileName: file.name,
        content: await file.text(),
      }),
    onSuccess: (r) => {
      setDone(r)
      void queryClient.invalidateQueries({ queryKey: ['directory'] })
    },
  })
  const err = upload.error instanceof ApiError ? upload.error : null
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Load or publish the directory (Open Referral UK)</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          Load the council’s existing directory file in the Open Referral UK format (JSON). If any part of the file is
          wrong nothing is loaded, and you see each line to fix. Loading a file again updates the services it names.
        </p>
        {done && (
          <div className="govuk-inset-text" role="status">
            Loaded {done.services} services from {done.organisations} organisations: {done.created} new, {done.updated}{' '}
            updated.
          </div>
        )}
        {err && (
          <div className="govuk-error-summary" role="alert" tabIndex={-1}>
            <h2 className="govuk-error-summary__title">{err.message}</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                {err.details.map((d) => (
                  <li key={`${d.field}:${d.message}`}>
                    <span className="govuk-error-message govuk-!-margin-bottom-0">
                      {d.message.replace(/^line/, 'Line')} ({d.field})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            const file = new FormData(e.currentTarget).get('file') as File | null
            if (file?.size) upload.mutate(file)
          }}
        >
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="file">
              Open Referral UK file (.json)
            </label>
            <input className="govuk-file-upload" id="file" name="file" type="file" accept=".json,application/json" />
          </div>
          <div className="hearth-actions">
            <Button disabled={upload.isPending}>Load the file</Button>
            <a className="govuk-link" href="/api/directory/export" download>
              Download the directory as Open Referral UK (JSON)
            </a>
          </div>
        </form>
      </div>
    </details>
  )
}

export function AddService() {
  const queryClient = useQueryClient()
  const add = useMutation({
    mutationFn: (body: unknown) => api<Service>('POST', '/api/directory/services', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    const n = (k: string) => (String(f.get(k) ?? '').trim() === '' ? null : Number(f.get(k)))
    add.mutate(
      {
        name: f.get('name'),
        description: f.get('description'),
        organisationName: f.get('organisationName'),
        howToRefer: f.get('howToRefer'),
        needs: f.getAll('needs'),
        areas: String(f.get('areas') ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        minimumAge: n('minimumAge'),
        maximumAge: n('maximumAge'),
        cost: f.get('newCost'),
        amountPence:
          n('amount') === null ? null : Math.round(Number(String(f.get('amount')).replace(/[£,\s]/g, '')) * 100),
        amountDescription: f.get('amountDescription'),
        waitingWeeks: n('waitingWeeks'),
      },
      { onSuccess: () => form.reset() },
    )
  }
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Add a service</span>
      </summary>
      <div className="govuk-details__text">
        {add.isSuccess && (
          <div className="govuk-inset-text" role="status">
            Added {add.data.name}.
          </div>
        )}
        <ErrorSummary error={add.error} />
        <form onSubmit={submit} noValidate>
          <TextField name="name" label="Name of the service" error={add.error} width="govuk-input--width-30" />
          <TextArea name="description" label="What it does" error={add.error} rows={3} />
          <TextField name="organisationName" label="Who runs it" error={add.error} width="govuk-input--width-30" />
          <Checkboxes
            name="needs"
            label="Needs it meets"
            options={Object.entries(SERVICE_NEEDS).map(([value, label]) => ({ value, label }))}
            error={add.error}
          />
          <TextField
            name="areas"
            label="Patches or areas it covers"
            hint="Separate with commas; leave empty for the whole council"
            width="govuk-input--width-30"
          />
          <div className="hearth-actions">
            <TextField name="minimumAge" label="Youngest age" width="govuk-input--width-4" error={add.error} />
            <TextField name="maximumAge" label="Oldest age" width="govuk-input--width-4" error={add.error} />
          </div>
          <SelectField
            name="newCost"
            label="What it costs"
            options={COST_OPTIONS.map((c) => ({ value: c, label: c }))}
            error={add.error}
          />
          <div className="hearth-actions">
            <TextField
              name="amount"
              label="Price (£, for spot purchase)"
              width="govuk-input--width-10"
              error={add.error}
            />
            <TextField
              name="amountDescription"
              label="Per"
              hint="For example: per session"
              width="govuk-input--width-10"
            />
          </div>
          <TextField name="howToRefer" label="How to refer" width="govuk-input--width-30" error={add.error} />
          <TextField name="waitingWeeks" label="Waiting time in weeks" width="govuk-input--width-4" error={add.error} />
          <Button disabled={add.isPending}>Add the service</Button>
        </form>
      </div>
    </details>
  )
}
