import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { DueClockView } from '@hearth/contracts'
import { api } from '../../api'
import { ErrorSummary } from '../../components/govuk'

export type DueClock = z.infer<typeof DueClockView>

export const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/** Where a clock stands, as a tag: overdue in red, due soon in yellow. */
export function DueTag({ state }: { state: DueClock['state'] }) {
  if (state === 'overdue') return <strong className="govuk-tag govuk-tag--red">Overdue</strong>
  if (state === 'due_soon') return <strong className="govuk-tag govuk-tag--yellow">Due soon</strong>
  return <strong className="govuk-tag govuk-tag--grey">On track</strong>
}

function ClockLine({ c, withFamily }: { c: DueClock; withFamily: boolean }) {
  return (
    <li>
      <Link className="govuk-link" to={`/families/${c.familyId}#case-process`}>
        {c.childName}
      </Link>
      {withFamily ? ` (${c.familyName})` : ''}: {c.label.charAt(0).toLowerCase() + c.label.slice(1)} by{' '}
      {longDate(c.dueOn)} <DueTag state={c.state} />
      {c.alertedOn && <span className="govuk-body-s hearth-secondary"> Team told {longDate(c.alertedOn)}.</span>}
    </li>
  )
}

/**
 * What is due, for My day or the team board: every statutory clock running for the families, the
 * overdue and the due soon first and in full, the rest folded away. Nothing is hidden; nobody is
 * ranked.
 */
export function DueClocks({ path, queryKey, heading }: { path: string; queryKey: unknown[]; heading: string }) {
  const list = useQuery({ queryKey, queryFn: () => api<DueClock[]>('GET', path) })
  const all = list.data ?? []
  const urgent = all.filter((c) => c.state !== 'on_track')
  const later = all.filter((c) => c.state === 'on_track')
  const overdue = all.filter((c) => c.state === 'overdue').length
  return (
    <section aria-labelledby="due-clocks">
      <h2 className="govuk-heading-m" id="due-clocks">
        {heading} ({overdue} overdue, {urgent.length - overdue} due soon)
      </h2>
      <ErrorSummary error={list.error} />
      {list.data && all.length === 0 && <p className="govuk-body">No statutory timescales are running.</p>}
      {list.data && all.length > 0 && urgent.length === 0 && (
        <p className="govuk-body">Nothing is overdue or due in the next few working days.</p>
      )}
      {urgent.length > 0 && (
        <ul className="govuk-list">
          {urgent.map((c) => (
            <ClockLine key={c.key} c={c} withFamily />
          ))}
        </ul>
      )}
      {later.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Coming up later ({later.length})</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {later.map((c) => (
                <ClockLine key={c.key} c={c} withFamily />
              ))}
            </ul>
          </div>
        </details>
      )}
    </section>
  )
}
