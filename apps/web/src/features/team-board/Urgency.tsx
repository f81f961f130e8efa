import { REFERRAL_DECISIONS, type ReferralDecision } from '@hearth/domain/referrals'

/** The decision behind a waiting family, as a tag that says how soon: red for a safeguarding enquiry. */
export function UrgencyTag({ decision }: { decision: string | null }) {
  if (!decision) return null
  const label = REFERRAL_DECISIONS[decision as ReferralDecision] ?? decision
  const colour =
    decision === 'strategy_discussion' ? 'govuk-tag--red' : decision === 'assessment' ? 'govuk-tag--orange' : ''
  return <strong className={`govuk-tag ${colour}`}>{label}</strong>
}

/** "2 children: 7 years, 4 months". */
export function childrenText(ages: string[], count: number) {
  const n = `${count} ${count === 1 ? 'child' : 'children'}`
  return ages.length ? `${n}: ${ages.join(', ')}` : n
}
