import { and, eq } from 'drizzle-orm'
import { referrals } from '@hearth/db/schema/referrals'
import { REFERRAL_DECISIONS, type ReferralDecision } from '@hearth/domain/referrals'
import { chronologyPart } from '../families/chronology-parts'

/** Each referral: when it came in, what worried the referrer, and the front door's decision. */
export const chronology = chronologyPart({
  kinds: { referral: 'Referral' },
  async entries({ deps, caller, familyId }) {
    const rows = await deps.db
      .select()
      .from(referrals)
      .where(and(eq(referrals.councilId, caller.councilId), eq(referrals.familyId, familyId)))
    return rows.flatMap((r) => [
      {
        at: r.receivedAt,
        kind: 'referral' as const,
        title: `Referral ${r.reference} received`,
        detail: r.worries,
        byName: r.referrerName,
        link: null,
      },
      ...(r.decidedAt && r.decision
        ? [
            {
              at: r.decidedAt,
              kind: 'referral' as const,
              title: `Referral decided: ${REFERRAL_DECISIONS[r.decision as ReferralDecision] ?? r.decision}`,
              detail: r.decisionReasons,
              byName: null,
              link: null,
            },
          ]
        : []),
    ])
  },
})
