import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { z } from 'zod'
import type { DirectoryImportResult, Patch, ServiceSearchResult, ServiceView } from '@hearth/contracts'
import { COST_OPTIONS, pounds, SERVICE_NEEDS } from '@hearth/domain'
import { api, ApiError } from '../../api'
import { Button, Checkboxes, ErrorSummary, Loading, SelectField, TextArea, TextField } from '../../components/govuk'
import { hasRole, useMe } from '../../session'

export type Service = z.infer<typeof ServiceView>

export function costText(s: Service): string {
  return (
    s.costOptions
      .map(
        (c) =>
          `${c.option}${c.amountPence !== null ? `: ${pounds(c.amountPence)}${c.amountDescription ? ` ${c.amountDescription}` : ''}` : c.amountDescription ? ` (${c.amountDescription})` : ''}`,
      )
      .join('; ') || 'Not given'
  )
}

export function ageText(s: Service): string {
  const e = s.eligibility.find((x) => x.minimumAge !== null || x.maximumAge !== null)
  if (!e) return 'Any age'
  if (e.minimumAge !== null && e.maximumAge !== null) return `${e.minimumAge} to ${e.maximumAge}`
  return e.minimumAge !== null ? `${e.minimumAge} and over` : `Up to ${e.maximumAge}`
}

/** One service as a GOV.UK summary card. */
export function ServiceCard({ s, action }: { s: Service; action?: React.ReactNode }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">
          {s.name}
          {s.status !== 'active' && (
            <>
              {' '}
              <strong className="govuk-tag govuk-tag--yellow">
                {s.status === 'temporarily closed' ? 'Temporarily closed' : s.status}
              </strong>
            </>
          )}
        </h2>
        {action && <div className="govuk-summary-card__actions">{action}</div>}
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body">{s.description}</p>
        <dl className="govuk-summary-list">
          {(
            [
              ['Run by', s.organisation.name],
              ['For', `${ageText(s)}${s.eligibility[0] ? ` · ${s.eligibility[0].eligibility}` : ''}`],
              [
                'Needs',
                s.needs.map((n) => SERVICE_NEEDS[n as keyof typeof SERVICE_NEEDS] ?? n).join(', ') || 'Not given',
              ],
              [
                'Where',
                `${s.areas.length ? s.areas.join(', ') : 'The whole council'}${s.locations[0] ? ` · ${[s.locations[0].name, s.locations[0].address1, s.locations[0].postalCode].filter(Boolean).join(', ')}` : ''}`,
              ],
              ['Cost', costText(s)],
              ['How to refer', s.howToRefer ?? 'Not given'],
              [
                'Waiting time',
                s.waitingWeeks === null
                  ? 'Not known'
                  : s.waitingWeeks === 0
                    ? 'No wait'
                    : `About ${s.waitingWeeks} week${s.waitingWeeks === 1 ? '' : 's'}${s.capacityNote ? `. ${s.capacityNote}` : ''}`,
              ],
            ] as [string, string][]
          ).map(([k, v]) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{k}</dt>
              <dd className="govuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  )
}

const PAGE = 20

/** Search form + results, a page at a time; used on the directory page and on a family's plan. */
export function ServiceSearch({ action }: { action?: (s: Service) => React.ReactNode }) {
  const [qs, setQs] = useState('')
  const [offset, setOffset] = useState(0)
  const patches = useQuery({
    queryKey: ['patches'],
    queryFn: () => api<z.infer<typeof Patch>[]>('GET', '/api/patches'),
  })
  const results = useQuery({
    queryKey: ['directory', qs, offset],
    queryFn: () =>
      api<z.infer<typeof ServiceSearchResult>>(
        'GET',
        `/api/directory/services?${qs}${qs ? '&' : ''}limit=${PAGE}&offset=${offset}`,
      ),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const p = new URLSearchParams()
    for (const k of ['q', 'need', 'age', 'patchId', 'cost']) {
      const v = String(f.get(k) ?? '').trim()
      if (v) p.set(k, v)
    }
    setQs(p.toString())
    setOffset(0)
  }
  const total = results.data?.total ?? 0
  const shown = results.data?.services.length ?? 0
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: GOV.UK search pattern; a form with role=search is announced everywhere */}
      <form onSubmit={submit} noValidate role="search" aria-label="Search the directory">
        <div className="hearth-actions">
          <TextField name="q" label="Words" hint="Name, what it does, or who runs it" width="govuk-input--width-20" />
          <SelectField
            name="need"
            label="Need"
            options={[
              { value: '', label: 'Any need' },
              ...Object.entries(SERVICE_NEEDS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <TextField name="age" label="Child’s age" width="govuk-input--width-4" error={results.error} />
          <SelectField
            name="patchId"
            label="Patch"
            options={[
              { value: '', label: 'Anywhere' },
              ...(patches.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <SelectField
            name="cost"
            label="Cost"
            options={[{ value: '', label: 'Any cost' }, ...COST_OPTIONS.map((c) => ({ value: c, label: c }))]}
          />
        </div>
        <Button secondary>Search</Button>
      </form>
      <ErrorSummary error={results.error} />
      {results.isLoading ? (
        <Loading />
      ) : (
        <>
          <p className="govuk-body" role="status">
            {total} service{total === 1 ? '' : 's'} found
            {total > shown ? `, showing ${offset + 1} to ${offset + shown}` : ''}
          </p>
          {results.data?.services.map((s) => (
            <ServiceCard key={s.id} s={s} action={action?.(s)} />
          ))}
          {total > PAGE && (
            <nav className="govuk-pagination" aria-label="Pages of results">
              {offset > 0 && (
                <div className="govuk-pagination__prev">
                  <button
                    type="button"
                    className="govuk-link govuk-pagination__link hearth-link-button"
                    onClick={() => setOffset(Math.max(0, offset - PAGE))}
                  >
                    Previous page
                  </button>
                </div>
              )}
              {offset + shown < total && (
                <div className="govuk-pagination__next">
                  <button
                    type="button"
                    className="govuk-link govuk-pagination__link hearth-link-button"
                    onClick={() => setOffset(offset + PAGE)}
                  >
                    Next page
                  </button>
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </>
  )
}

function ImportDirectory() {
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

function AddService() {
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
            legend="Needs it meets"
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

export function DirectoryPage() {
  const { data: me } = useMe()
  return (
    <>
      <h1 className="govuk-heading-l">Service directory</h1>
      <p className="govuk-body">
        Services a family can use or be referred to: local voluntary and community services, council services and
        specialist providers.
      </p>
      {hasRole(me, 'insight_adviser') && <ImportDirectory />}
      {hasRole(me, 'insight_adviser') && <AddService />}
      <ServiceSearch />
    </>
  )
}
