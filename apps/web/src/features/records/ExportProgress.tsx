import type { RecordExportView } from '@hearth/contracts/records'

const FILE_LABELS = {
  pdf: 'Download the record to read (PDF)',
  json: 'Download the record for another system (JSON)',
  csv: 'Download the record as spreadsheets (CSV files, zipped)',
} as const

/** An export's progress bar while the worker makes it; its files and contents when done. */
export function ExportProgress({ e, showCounts = true }: { e: RecordExportView; showCounts?: boolean }) {
  const working = e.status === 'queued' || e.status === 'running'
  return (
    <>
      {working && (
        <div className="govuk-!-margin-bottom-6">
          <label className="govuk-label" htmlFor={`progress-${e.id}`}>
            {e.status === 'queued'
              ? 'Waiting to start'
              : `Gathering the record: step ${e.stepsDone} of ${e.stepsTotal}`}
          </label>
          <progress id={`progress-${e.id}`} className="hearth-progress" max={100} value={e.percent}>
            {e.percent}%
          </progress>
        </div>
      )}
      {e.status === 'failed' && (
        <p className="govuk-body">This could not be made (code {e.error}). Try again; if it fails again, tell IT.</p>
      )}
      {e.status === 'expired' && (
        <p className="govuk-body">Its files were cleared 30 days after it was made: export the record again.</p>
      )}
      {e.status === 'done' && e.files.length > 0 && (
        <ul className="govuk-list">
          {e.files.map((f) => (
            <li key={f}>
              <a className="govuk-link" href={`/api/record-exports/${e.id}/${f}`} download>
                {FILE_LABELS[f]}
              </a>
            </li>
          ))}
        </ul>
      )}
      {e.status === 'done' && showCounts && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">What it holds</span>
          </summary>
          <div className="govuk-details__text">
            <table className="govuk-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Kind of record
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    How many
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {e.counts.map((c) => (
                  <tr className="govuk-table__row" key={c.kind}>
                    <td className="govuk-table__cell">{c.label}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{c.rows}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  )
}
