import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { ApiError } from '../api'
import { type FieldKind, fieldId as baseId, humanMessage } from './errors'
import { Scope } from './form-scope'

/**
 * GOV.UK's error summary: focus once per failed save, one message per field worded from the
 * field's own label (read from the page), each a link that moves focus to its field.
 */
interface Found {
  id: string
  label: string
  kind: FieldKind
}

/** The field on the page for an API field: its element, label and kind, read from the DOM. */
function findField(id: string): Found | null {
  const el = document.getElementById(id) as HTMLInputElement | null
  if (!el) return null
  // a choice, or the day box of a date: the question is the fieldset's legend
  const grouped = el.type === 'radio' || el.type === 'checkbox' || !!el.closest('.govuk-date-input')
  const label =
    el.dataset.errorName ??
    (grouped ? el.closest('fieldset')?.querySelector('legend')?.textContent : null) ??
    document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ??
    el.getAttribute('aria-label') ??
    ''
  const kind: FieldKind =
    el.dataset.kind === 'money' || el.dataset.kind === 'percent'
      ? el.dataset.kind
      : el.tagName === 'SELECT' || el.type === 'radio' || el.type === 'checkbox'
        ? 'choice'
        : el.type === 'date' || el.type === 'datetime-local' || el.dataset.kind === 'date'
          ? 'date'
          : 'text'
  return { id, label: label.replace(/\s+/g, ' ').trim(), kind }
}

export function ErrorSummary({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null)
  const scope = useContext(Scope)
  const [found, setFound] = useState<Record<string, Found | null>>({})
  // Focus the summary once for each failed submit, never on a re-render: typing into a field
  // re-renders the form, and stealing focus then would eat every character after the first.
  useEffect(() => {
    if (error) ref.current?.focus()
  }, [error])
  // ("Error: " before the page's title while this shows: the layout does it, for every page.)
  // The fields are on the page once it has rendered: read their labels for the summary.
  useLayoutEffect(() => {
    if (!(error instanceof ApiError)) return
    const next: Record<string, Found | null> = {}
    for (const d of error.details) next[d.field] = findField(scope ? `${scope}-${baseId(d.field)}` : baseId(d.field))
    setFound(next)
  }, [error, scope])
  if (!error) return null
  const apiError = error instanceof ApiError ? error : null
  const message = error instanceof Error ? error.message : 'Something went wrong.'
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {apiError && apiError.details.length > 0 ? (
            // one message per field, as beside the field: the first problem found
            apiError.details
              .filter((d, i, all) => all.findIndex((x) => x.field === d.field) === i)
              .map((d) => {
                const f = found[d.field]
                const text = humanMessage(f?.label ?? '', d, f?.kind)
                return (
                  <li key={d.field}>
                    {f ? (
                      <a
                        href={`#${f.id}`}
                        onClick={(e) => {
                          e.preventDefault()
                          const el = document.getElementById(f.id)
                          el?.scrollIntoView({ block: 'center' })
                          el?.focus()
                        }}
                      >
                        {text}
                      </a>
                    ) : (
                      text
                    )}
                  </li>
                )
              })
          ) : (
            <li>{message}</li>
          )}
        </ul>
      </div>
    </div>
  )
}
