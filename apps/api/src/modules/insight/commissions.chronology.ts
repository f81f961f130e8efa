import { and, eq } from 'drizzle-orm'
import { commissions } from '@hearth/db/schema/insight'
import { people } from '@hearth/db/schema/organisation'
import { chronologyPart } from '../families/chronology-parts'

/** What the team asked insight to commission for the family, and what was commissioned. */
export const chronology = chronologyPart({
  kinds: { commission: 'Commissioning' },
  async entries({ deps, caller, familyId }) {
    const rows = await deps.db
      .select({ m: commissions, name: people.name })
      .from(commissions)
      .innerJoin(people, and(eq(people.id, commissions.askedBy), eq(people.councilId, commissions.councilId)))
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.familyId, familyId)))
    return rows.map(({ m, name }) => ({
      at: m.commissionedAt ?? m.askedAt,
      kind: 'commission' as const,
      title:
        m.status === 'commissioned'
          ? `Commissioned: ${m.need} from ${m.providerName}`
          : m.status === 'withdrawn'
            ? `Asked insight to commission, then withdrawn: ${m.need}`
            : `Asked insight to commission: ${m.need}`,
      detail: m.why,
      byName: name,
      link: m.proposalId ? `/proposals/${m.proposalId}` : null,
    }))
  },
})
