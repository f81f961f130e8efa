import { type FormEvent, useState } from 'react'
import { londonDateOf } from '@hearth/domain/working-days'

/**
 * For the council's audit of its information sharing: every decision in a period, as CSV. The
 * download is itself written to the audit trail.
 */
export function SharingExportPage() {
  const today = londonDateOf(new Date())
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    window.location.assign(`/api/sharing-decisions.csv?from=${from}&to=${to}`)
  }
  return (
    <>
      <h1 className="govuk-heading-l">Information-sharing decisions</h1>
      <p className="govuk-body">
        Every decision to share, or not to share, information about a child with another agency, recorded on the child’s
        page (Children’s Wellbeing and Schools Act 2026, section 4). Download a period as a spreadsheet (CSV) for the
        council’s audit.
      </p>
      <form onSubmit={submit}>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="sharing-from">
            From (YYYY-MM-DD)
          </label>
          <input
            className="govuk-input govuk-input--width-10"
            id="sharing-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="sharing-to">
            To (YYYY-MM-DD)
          </label>
          <input
            className="govuk-input govuk-input--width-10"
            id="sharing-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <button type="submit" className="govuk-button">
          Download the decisions
        </button>
      </form>
    </>
  )
}
