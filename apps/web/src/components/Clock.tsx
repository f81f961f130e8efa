import { count } from './time'
/** A decision clock, said plainly: how long is left, or how late it is. */
export function ClockTag({ clock }: { clock: { dueAt: string; dueDate: string; state: string } }) {
  const ms = new Date(clock.dueAt).getTime() - Date.now()
  const hours = Math.abs(ms) / 3600_000
  const span =
    hours < 1
      ? count(Math.max(1, Math.round(hours * 60)), 'minute')
      : hours < 48
        ? count(Math.round(hours), 'hour')
        : count(Math.round(hours / 24), 'day')
  const due = new Date(`${clock.dueDate}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  })
  switch (clock.state) {
    case 'overdue':
      return <strong className="govuk-tag govuk-tag--red">Overdue by {span}</strong>
    case 'due_soon':
      return (
        <strong className="govuk-tag govuk-tag--yellow">
          {span} left · due end of {due}
        </strong>
      )
    case 'met':
      return <strong className="govuk-tag govuk-tag--green">Decided in time</strong>
    case 'missed':
      return <strong className="govuk-tag govuk-tag--orange">Decided late</strong>
    default:
      return (
        <strong className="govuk-tag govuk-tag--blue">
          {span} left · due end of {due}
        </strong>
      )
  }
}
