import type { ReactNode } from 'react'
import { Link } from 'react-router'

/** GOV.UK Frontend markup rendered from React. Form fields and the error summary: `form.tsx`. */
export {
  Checkboxes,
  DateInput,
  DateTimeInput,
  dateFromForm,
  dateTimeFromForm,
  localDateTime,
  ErrorSummary,
  FormScope,
  Radios,
  SelectField,
  TextArea,
  TextField,
} from './form'

export function Button({
  children,
  secondary,
  warning,
  disabled,
  type = 'submit',
  onClick,
}: {
  children: ReactNode
  secondary?: boolean
  /** Something that cannot be undone (discarding a draft). */
  warning?: boolean
  disabled?: boolean
  type?: 'submit' | 'button'
  onClick?: () => void
}) {
  const kind = warning ? ' govuk-button--warning' : secondary ? ' govuk-button--secondary' : ''
  return (
    <button
      type={type}
      className={`govuk-button${kind}`}
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
