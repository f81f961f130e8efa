import { and, eq } from 'drizzle-orm'
import { people } from '@hearth/db/schema/organisation'
import { proposalDecisions, proposals } from '@hearth/db/schema/sign-off'
import { pounds } from '@hearth/domain/sign-off'
import { chronologyPart } from '../families/chronology-parts'

const OUTCOME_WORDS: Record<string, string> = {
  approve: 'approved',
  decline: 'declined',
}

/** High-cost proposals for the family and strategy's decisions on them. */
export const chronology = chronologyPart({
  kinds: { proposal: 'Proposal', decision: 'Strategy decision' },
  async entries({ deps, caller, familyId }) {
    const c = caller.councilId
    const [asked, decided] = await Promise.all([
      deps.db
        .select({ p: proposals, name: people.name })
        .from(proposals)
        .innerJoin(people, and(eq(people.id, proposals.proposedBy), eq(people.councilId, proposals.councilId)))
        .where(and(eq(proposals.councilId, c), eq(proposals.familyId, familyId))),
      deps.db
        .select({ d: proposalDecisions, name: people.name, what: proposals.what })
        .from(proposalDecisions)
        .innerJoin(
          proposals,
          and(eq(proposals.id, proposalDecisions.proposalId), eq(proposals.councilId, proposalDecisions.councilId)),
        )
        .innerJoin(
          people,
          and(eq(people.id, proposalDecisions.decidedBy), eq(people.councilId, proposalDecisions.councilId)),
        )
        .where(and(eq(proposalDecisions.councilId, c), eq(proposals.familyId, familyId))),
    ])
    return [
      ...asked.map(({ p, name }) => ({
        at: p.createdAt,
        kind: 'proposal' as const,
        title: `Proposed: ${p.what} (${pounds(p.totalPence)})`,
        detail: p.why,
        byName: name,
        link: `/proposals/${p.id}`,
      })),
      ...decided.map(({ d, name, what }) => ({
        at: d.decidedAt,
        kind: 'decision' as const,
        title: `Strategy ${OUTCOME_WORDS[d.outcome] ?? 'asked for more information on'}: ${what}`,
        detail: d.reasonsForTeam,
        byName: name,
        link: null,
      })),
    ]
  },
})
