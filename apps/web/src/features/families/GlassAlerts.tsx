import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { GlassAlerts as Alerts } from '@hearth/contracts/families'
import { api } from '../../api'
import { useLiveEvents } from '../../live'

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })

/**
 * On the home page: a restricted record you are named on (or work with) was opened by
 * break-glass, by whom and why; for information governance, the openings waiting for review.
 */
export function GlassAlerts() {
  const alerts = useQuery({
    queryKey: ['break-glass-alerts'],
    queryFn: () => api<z.infer<typeof Alerts>>('GET', '/api/me/break-glass-alerts'),
  })
  useLiveEvents((type) => {
    if (type === 'break_glass.opened') void alerts.refetch()
  })
  const a = alerts.data
  if (!a || (a.openings.length === 0 && a.toReview === 0)) return null
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {a.toReview > 0 && (
          <p className="govuk-body govuk-!-font-weight-bold">
            <Link className="govuk-link" to="/break-glass-openings">
              {a.toReview === 1 ? '1 break-glass opening' : `${a.toReview} break-glass openings`} to review
            </Link>
          </p>
        )}
        {a.openings.map((o) => (
          <p className="govuk-body govuk-!-font-weight-bold" key={o.id}>
            {o.personName} opened the restricted record {o.familyReference} on {when(o.startedAt)}, saying: “{o.reason}”
            (open until {when(o.expiresAt)}).
          </p>
        ))}
      </div>
    </div>
  )
}
