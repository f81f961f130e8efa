import { Link } from 'react-router'
import { longDate, usePlan } from './plan-api'

/** On the family page: what the plan says is still to do, and the way to the whole plan. */
export function FamilyPlan({ familyId }: { familyId: string }) {
  const plan = usePlan(familyId)
  const toDo = (plan.data?.items ?? []).filter((i) => i.status === 'to_do')
  return (
    <section aria-labelledby="plan-heading">
      <h2 className="govuk-heading-m" id="plan-heading">
        The family’s plan
      </h2>
      {plan.data && plan.data.items.length === 0 && <p className="govuk-body">There is no plan yet.</p>}
      {toDo.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {toDo.map((i) => (
            <li key={i.id}>
              {i.what} <span className="govuk-hint govuk-!-display-inline">({i.whoLabel}</span>
              <span className="govuk-hint govuk-!-display-inline">{i.byDate ? `, by ${longDate(i.byDate)}` : ''})</span>
              {i.overdue && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong>}
            </li>
          ))}
        </ul>
      )}
      {plan.data && plan.data.items.length > 0 && toDo.length === 0 && (
        <p className="govuk-body">Everything on the plan is done or closed.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/families/${familyId}/plan`}>
          {plan.data?.items.length ? 'See and change the plan' : 'Write the plan'}
        </Link>
      </p>
    </section>
  )
}
