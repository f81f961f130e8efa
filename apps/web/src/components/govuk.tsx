import { useEffect, useId, useRef, type ReactNode } from 'react'
import { Link } from 'react-router'
import { ApiError } from '../api'

/** GOV.UK Frontend markup rendered from React. */

export function ErrorSummary({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null)
  // Focus the summary once for each failed submit, never on a re-render: typing into a field
  // re-renders the form, and stealing focus then would eat every character after the first.
  useEffect(() => {
    if (error) ref.current?.focus()
  }, [error])
  if (!error) return null
  const apiError = error instanceof ApiError ? error : null
  const message = error instanceof Error ? error.message : 'Something went wrong.'
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {apiError && apiError.details.length > 0 ? (
            apiError.details.map((d) => (
              <li key={d.field}>
                <a href={`#${d.field.split('.').slice(1).join('-') || d.field}`}>
                  {fieldLabel(d.field)}: {d.message}
                </a>
              </li>
            ))
          ) : (
            <li>{message}</li>
          )}
        </ul>
      </div>
    </div>
  )
}

function fieldLabel(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path
  return last.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase())
}

interface FieldProps {
  name: string
  label: string
  hint?: string
  error?: unknown
  type?: string
  defaultValue?: string
  autoComplete?: string
  width?: 'govuk-input--width-4' | 'govuk-input--width-10' | 'govuk-input--width-20' | 'govuk-input--width-30' | ''
  required?: boolean
  /** The API's name for the field, when the form's own name differs (to keep ids unique on a page). */
  field?: string
}

export function TextField({
  name,
  label,
  hint,
  error,
  type = 'text',
  defaultValue,
  autoComplete,
  width = '',
  required,
  field,
}: FieldProps) {
  const problem = error instanceof ApiError ? error.forField(field ?? name) : undefined
  const hintId = `${name}-hint`
  const errId = `${name}-error`
  return (
    <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {problem && (
        <p id={errId} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <input
        className={`govuk-input ${width}${problem ? ' govuk-input--error' : ''}`}
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        aria-describedby={[hint ? hintId : '', problem ? errId : ''].filter(Boolean).join(' ') || undefined}
      />
    </div>
  )
}

export function SelectField({
  name,
  label,
  options,
  error,
  defaultValue,
  hint,
}: {
  name: string
  label: string
  options: { value: string; label: string }[]
  error?: unknown
  defaultValue?: string
  hint?: string
}) {
  const problem = error instanceof ApiError ? error.forField(name) : undefined
  return (
    <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      {hint && <div className="govuk-hint">{hint}</div>}
      {problem && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <select className="govuk-select" id={name} name={name} defaultValue={defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function Checkboxes({
  name,
  legend,
  options,
  error,
  defaultChecked = [],
}: {
  name: string
  legend: string
  options: { value: string; label: string }[]
  error?: unknown
  defaultChecked?: string[]
}) {
  const problem = error instanceof ApiError ? error.forField(name) : undefined
  const id = useId()
  return (
    <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`} id={name}>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {problem && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {problem}
          </p>
        )}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((o) => (
            <div className="govuk-checkboxes__item" key={o.value}>
              <input
                className="govuk-checkboxes__input"
                id={`${id}-${o.value}`}
                name={name}
                type="checkbox"
                value={o.value}
                defaultChecked={defaultChecked.includes(o.value)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-${o.value}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

export function Button({
  children,
  secondary,
  disabled,
  type = 'submit',
  onClick,
}: {
  children: ReactNode
  secondary?: boolean
  disabled?: boolean
  type?: 'submit' | 'button'
  onClick?: () => void
}) {
  return (
    <button
      type={type}
      className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`}
      data-module="govuk-button"
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  )
}

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  )
}

export function Loading() {
  return (
    <p className="govuk-body" aria-live="polite">
      Loading…
    </p>
  )
}

export function SummaryList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([k, v]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{k}</dt>
          <dd className="govuk-summary-list__value">{v ?? 'Not recorded'}</dd>
        </div>
      ))}
    </dl>
  )
}

export function Panel({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title">Done</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  )
}

export function TextArea({
  name,
  label,
  hint,
  error,
  rows = 4,
  defaultValue,
  field,
}: {
  name: string
  label: string
  hint?: string
  error?: unknown
  rows?: number
  defaultValue?: string
  field?: string
}) {
  const problem = error instanceof ApiError ? error.forField(field ?? name) : undefined
  const hintId = `${name}-hint`
  const errId = `${name}-error`
  return (
    <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {problem && (
        <p id={errId} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <textarea
        className={`govuk-textarea${problem ? ' govuk-textarea--error' : ''}`}
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={[hint ? hintId : '', problem ? errId : ''].filter(Boolean).join(' ') || undefined}
      />
    </div>
  )
}
