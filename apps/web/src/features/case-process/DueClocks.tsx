import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { BoardDueClock, DueClockView } from '@hearth/contracts/case-process'
import { CLOCKS, type ClockId, NEVER_FOLDED } from '@hearth/domain/clocks'
import { api } from '../../api'
import { ErrorSummary } from '../../components/govuk'

export type DueClock = z.infer<typeof DueClockView>
type ShownClock = z.infer<typeof BoardDueClock>
const labelOf = (clock: string) => {
  const label: string = CLOCKS[clock as ClockId]?.label ?? clock
  return label.charAt(0).toLowerCase() + label.slice(1)
}

export const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/** Where a clock stands, as a tag: overdue in red, due soon in yellow. */
export function DueTag({ state }: { state: DueClock['state'] }) {
  if (state === 'overdue') return <strong className="govuk-tag govuk-tag--red">Overdue</strong>
  if (state === 'due_soon') return <strong className="govuk-tag govuk-tag--yellow">Due soon</strong>
  return <strong className="govuk-tag govuk-tag--grey">On track</strong>
}

function ClockLine({ c, withFamily }: { c: ShownClock; withFamily: boolean }) {
  return (
    <li>
      <Link className="govuk-link" to={`/families/${c.familyId}#case-process`}>
        {c.childName}
      </Link>
      {withFamily ? ` (${c.familyName})` : ''}: {labelOf(c.clock)} by {longDate(c.dueOn)} <DueTag state={c.state} />
      {withFamily && c.leadName && <span className="govuk-body-s"> Lead: {c.leadName}.</span>}
      {c.alertedOn && <span className="govuk-body-s hearth-secondary"> Team told {longDate(c.alertedOn)}.</span>}
    </li>
  )
}

/**
 * What is due, for My day or the team board: every statutory clock running for the families, the
 * overdue and the due soon first and in full, the rest folded away. Nothing is hidden; nobody is
 * ranked. The board passes what is urgent from its own read (`given`); the rest loads when opened.
 */
export function DueClocks({
  path,
  queryKey,
  heading,
  given,
}: {
  path: string
  queryKey: unknown[]
  heading: string
  given?: { urgent: ShownClock[]; later: number }
}) {
  const [opened, setOpened] = useState(false)
  const list = useQuery({
    queryKey,
    queryFn: () => api<DueClock[]>('GET', path),
    enabled: !given || opened,
  })
  const all = list.data ?? []
  // what is shown in full: overdue, due soon, and a child protection conference however far off
  const inFull = (c: { state: string; clock: string }) => c.state !== 'on_track' || NEVER_FOLDED.has(c.clock)
  const urgent = given ? given.urgent : all.filter(inFull)
  const later = all.filter((c) => !inFull(c))
  const laterCount = given ? given.later : later.length
  const overdue = urgent.filter((c) => c.state === 'overdue').length
  const known = given || list.data
  return (
    <section aria-labelledby="due-clocks">
      <h2 className="govuk-heading-m" id="due-clocks">
        {heading} ({overdue} overdue, {urgent.filter((c) => c.state === 'due_soon').length} due soon)
      </h2>
      <ErrorSummary error={list.error} />
      {known && urgent.length + laterCount === 0 && <p className="govuk-body">No statutory timescales are running.</p>}
      {known && urgent.length === 0 && laterCount > 0 && (
        <p className="govuk-body">Nothing is overdue or due in the next few working days.</p>
      )}
      {urgent.length > 0 && (
        <ul className="govuk-list">
          {urgent.map((c) => (
            <ClockLine key={c.key} c={c} withFamily />
          ))}
        </ul>
      )}
      {laterCount > 0 && (
        <details className="govuk-details" onToggle={(e) => setOpened(e.currentTarget.open)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Coming up later ({laterCount})</span>
          </summary>
          <div className="govuk-details__text">
            {list.isLoading && <p className="govuk-body">Loading…</p>}
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
