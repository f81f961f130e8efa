import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { z } from 'zod'
import type { ServiceSearchResult, ServiceView } from '@hearth/contracts/directory'
import type { Patch } from '@hearth/contracts/organisation'
import { COST_OPTIONS, SERVICE_NEEDS } from '@hearth/domain/insight'
import { pounds } from '@hearth/domain/sign-off'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, SelectField, TextField } from '../../components/govuk'
import { hasRole, useMe } from '../../session'
import { ImportDirectory, AddService } from './DirectoryAdmin'

/** A service as the directory shows it. */
export type Service = ServiceView

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
