import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { OfferView } from '@hearth/contracts'
import { REFERRAL_DECISIONS, type ReferralDecision } from '@hearth/domain'
import { api } from '../api'
import { Loading } from './govuk'

export function since(iso: string): string {
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`
  return `${Math.round(hours / 24)} days ago`
}

/** Families offered to a team and not yet held: what the team board (next issue) builds on. */
export function TeamOffers({ teamId, teamName }: { teamId: string; teamName: string }) {
  const offers = useQuery({ queryKey: ['offers', teamId], queryFn: () => api<z.infer<typeof OfferView>[]>('GET', `/api/teams/${teamId}/offers`) })
  return (
    <section aria-labelledby={`offers-${teamId}`} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id={`offers-${teamId}`}>Families offered to {teamName}</h2>
      {offers.isLoading ? <Loading /> : offers.data?.length === 0 ? (
        <p className="govuk-body">No families are waiting for your team.</p>
      ) : (
        <ul className="govuk-list" aria-live="polite">
          {offers.data?.map((o) => (
            <li key={o.id} className="govuk-!-margin-bottom-4">
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/families/${o.familyId}`}>{o.familyName}</Link>{' '}
              {o.openCase && <strong className="govuk-tag govuk-tag--purple">Already known to your team</strong>}
              <br />
              <span className="govuk-body-s">
                {o.decision ? REFERRAL_DECISIONS[o.decision as ReferralDecision] : ''} · {o.childCount} {o.childCount === 1 ? 'child' : 'children'} · {o.postcode} · arrived {since(o.offeredAt)}
              </span>
              {o.decisionReasons && <p className="govuk-body govuk-!-margin-bottom-0">{o.decisionReasons}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
