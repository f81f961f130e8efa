import { and, asc, desc, eq, gte, lte } from 'drizzle-orm'
import { children, families, people, sharingDecisions, writeAudit } from '@hearth/db'
import { londonDateOf, SHARING_DECISIONS, SHARING_RECIPIENT_KINDS, toCsv } from '@hearth/domain'
import type { SharingDecisionInput } from '@hearth/contracts'
import type { Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import { getChild } from '../families/get-child'
import { decisionViews } from './sharing-queries'
import type { Caller } from '../../kernel/caller'

/** A child's information-sharing decisions, newest first. */
export async function listSharingDecisions(deps: Deps, caller: Caller, childId: string) {
  const child = await getChild(deps, caller, childId)
  const rows = await deps.db
    .select()
    .from(sharingDecisions)
    .where(and(eq(sharingDecisions.councilId, caller.councilId), eq(sharingDecisions.childId, childId)))
    .orderBy(desc(sharingDecisions.decidedOn), desc(sharingDecisions.recordedAt))
  return { childId, familyId: child.familyId, decisions: await decisionViews(deps.db, caller.councilId, rows) }
}

/** Records a decision to share or not to share; kept as recorded, on the family's chronology. */
export async function recordSharingDecision(deps: Deps, caller: Caller, childId: string, input: SharingDecisionInput) {
  const child = await getChild(deps, caller, childId)
  if (input.decidedOn > londonDateOf(new Date())) throw invalid('body.decidedOn', 'must be today or before')
  const row = await deps.db.transaction(async (tx) => {
    const [made] = await tx
      .insert(sharingDecisions)
      .values({
        councilId: caller.councilId,
        familyId: child.familyId,
        childId,
        ...input,
        decidedBy: caller.personId,
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'sharing.record',
      recordType: 'sharing_decision',
      recordId: made!.id,
      familyId: child.familyId,
      childId,
      details: { decision: input.decision, recipientKind: input.recipientKind },
    })
    return made!
  })
  return (await decisionViews(deps.db, caller.councilId, [row]))[0]!
}

/** Every decision in a period, for the council's audit of its information sharing (CSV). */
export async function sharingDecisionsCsv(deps: Deps, caller: Caller, from: string, to: string) {
  if (to < from) throw invalid('query.to', 'must be on or after the first day')
  const rows = await deps.db
    .select({
      d: sharingDecisions,
      laChildId: children.laChildId,
      reference: families.reference,
      by: people.name,
    })
    .from(sharingDecisions)
    .innerJoin(
      children,
      and(eq(children.councilId, sharingDecisions.councilId), eq(children.id, sharingDecisions.childId)),
    )
    .innerJoin(
      families,
      and(eq(families.councilId, sharingDecisions.councilId), eq(families.id, sharingDecisions.familyId)),
    )
    .innerJoin(people, and(eq(people.councilId, sharingDecisions.councilId), eq(people.id, sharingDecisions.decidedBy)))
    .where(
      and(
        eq(sharingDecisions.councilId, caller.councilId),
        gte(sharingDecisions.decidedOn, from),
        lte(sharingDecisions.decidedOn, to),
      ),
    )
    .orderBy(asc(sharingDecisions.decidedOn), asc(sharingDecisions.recordedAt))
  return toCsv(
    [
      'Decided on',
      'Decision',
      'Child (LAchildID)',
      'Family',
      'Kind of agency',
      'With whom',
      'What information',
      'Why, for the child',
      'Decided by',
      'Recorded at',
    ],
    rows.map((r) => [
      r.d.decidedOn,
      SHARING_DECISIONS[r.d.decision],
      r.laChildId,
      r.reference,
      SHARING_RECIPIENT_KINDS[r.d.recipientKind],
      r.d.recipient,
      r.d.information,
      r.d.reason,
      r.by,
      r.d.recordedAt.toISOString(),
    ]),
  )
}

/** On the family's chronology: each decision, in words. */
export async function sharingChronology(deps: Deps, councilId: string, familyId: string) {
  const rows = await deps.db
    .select({ d: sharingDecisions, first: children.firstName, by: people.name })
    .from(sharingDecisions)
    .innerJoin(
      children,
      and(eq(children.councilId, sharingDecisions.councilId), eq(children.id, sharingDecisions.childId)),
    )
    .innerJoin(people, and(eq(people.councilId, sharingDecisions.councilId), eq(people.id, sharingDecisions.decidedBy)))
    .where(and(eq(sharingDecisions.councilId, councilId), eq(sharingDecisions.familyId, familyId)))
  return rows.map((r) => ({
    at: new Date(`${r.d.decidedOn}T12:00:00Z`),
    title: `${r.d.decision === 'share' ? 'Information shared' : 'Information not shared'} about ${r.first} with ${r.d.recipient}`,
    detail: `${r.d.information}. Why: ${r.d.reason}`,
    byName: r.by,
    childIds: [r.d.childId],
  }))
}
