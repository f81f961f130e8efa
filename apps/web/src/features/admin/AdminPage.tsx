import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { Me } from '@hearth/contracts/auth'
import type { RoleGrant } from '@hearth/contracts/organisation'
import { api } from '../../api'
import { count } from '../../components/time'
import { adminNavFor } from '../../feature'

/** Every setting an administrator looks after, grouped, and what waits for their approval. */
export function AdminPage({ me }: { me: Me }) {
  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      <ApprovalsWaiting />
      {adminNavFor(me).map((g) => (
        <section key={g.group} className="govuk-!-margin-bottom-6" aria-labelledby={`admin-${g.items[0]!.order}`}>
          <h2 className="govuk-heading-m" id={`admin-${g.items[0]!.order}`}>
            {g.group}
          </h2>
          <ul className="govuk-list govuk-list--bullet">
            {g.items.map((i) => (
              <li key={i.to}>
                <Link className="govuk-link" to={i.to}>
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}

/**
 * Roles and passwords another administrator asked for, waiting for this one: said wherever an
 * administrator starts (home and this page), so a second administrator is told, not left to find it.
 */
export function ApprovalsWaiting() {
  const grants = useQuery({
    queryKey: ['role-grants'],
    queryFn: () => api<z.infer<typeof RoleGrant>[]>('GET', '/api/role-grants'),
  })
  const mine = (grants.data ?? []).filter((g) => g.canDecide)
  if (!mine.length) return null
  return (
    <section className="govuk-notification-banner" aria-labelledby="approvals-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="approvals-title">
          Waiting for your approval
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {count(mine.length, 'role or password', 'roles or passwords')} asked for by another administrator.{' '}
          <Link className="govuk-notification-banner__link" to="/admin/people">
            Approve or refuse them
          </Link>
        </p>
      </div>
    </section>
  )
}
