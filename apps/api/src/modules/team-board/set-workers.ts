import type { Deps } from '../../kernel/context'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { children, families } from '@hearth/db/schema/families'
import { memberships } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { capRefusal, checkWorkers, effectiveCap } from '@hearth/domain/allocation'
import { AppError, notFound } from '../../kernel/errors'
import { leadChildren, letterToFamily, logDecision, myTeam, names, practitioners } from './team-board-queries'
import type { Caller } from '../../kernel/caller'

/**
 * Hand-over and reallocation: the whole set of workers at once, never leaving the family
 * without a lead and a co-worker. A new lead must be under their cap.
 */
export async function setWorkers(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: { leadId: string; coWorkerIds: string[]; reason: string; presentIds: string[] },
) {
  const { db } = deps
  const [lead] = await db
    .select()
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, caller.councilId),
        eq(allocations.familyId, familyId),
        eq(allocations.role, 'lead'),
        isNull(allocations.endedAt),
      ),
    )
  if (!lead || !caller.teams.some((t) => t.id === lead.teamId)) throw notFound('family held by your team')
  const team = await myTeam(db, caller, lead.teamId)
  return db.transaction(async (tx) => {
    // Same lock order as claiming: the (new) lead's membership first, then the family's allocations.
    const [leadMembership] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.councilId, caller.councilId),
          eq(memberships.teamId, team.id),
          eq(memberships.personId, input.leadId),
        ),
      )
      .for('update')
    const current = await tx
      .select()
      .from(allocations)
      .where(
        and(
          eq(allocations.councilId, caller.councilId),
          eq(allocations.familyId, familyId),
          isNull(allocations.endedAt),
        ),
      )
      .for('update')
    const currentLead = current.find((a) => a.role === 'lead')
    if (!currentLead || currentLead.teamId !== team.id)
      throw new AppError('conflict', 'The family’s workers changed meanwhile. Reload and try again.')
    const team_ = await practitioners(tx, caller.councilId, team.id)
    const problems = checkWorkers(input.leadId, input.coWorkerIds, new Set(team_.map((p) => p.personId)))
    if (problems.length || !leadMembership)
      throw new AppError(
        'validation_failed',
        'Check the highlighted answers.',
        problems.length ? problems : [{ field: 'body.leadId', message: 'the lead must be in the team' }],
      )
    if (input.leadId !== currentLead.personId) {
      const [{ n: familyChildren }] = (await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(children)
        .where(and(eq(children.councilId, caller.councilId), eq(children.familyId, familyId)))) as [{ n: number }]
      const person = team_.find((p) => p.personId === input.leadId)!
      const refusal = capRefusal(
        person.name,
        await leadChildren(tx, caller.councilId, input.leadId),
        familyChildren,
        effectiveCap(leadMembership.caseloadCap, team.caseloadCap),
      )
      if (refusal) throw new AppError('over_cap', refusal)
    }
    const wanted = new Map<string, 'lead' | 'co_worker'>([
      [input.leadId, 'lead'],
      ...input.coWorkerIds.map((id) => [id, 'co_worker'] as [string, 'co_worker']),
    ])
    const now = new Date()
    const ending = current.filter((a) => wanted.get(a.personId) !== a.role)
    if (ending.length) {
      await tx
        .update(allocations)
        .set({ endedAt: now, endedReason: input.reason })
        .where(
          and(
            eq(allocations.councilId, caller.councilId),
            inArray(
              allocations.id,
              ending.map((a) => a.id),
            ),
          ),
        )
    }
    const keep = new Set(current.filter((a) => wanted.get(a.personId) === a.role).map((a) => a.personId))
    const adding = [...wanted]
      .filter(([id]) => !keep.has(id))
      .map(([personId, role]) => ({
        councilId: caller.councilId,
        familyId,
        teamId: team.id,
        personId,
        role,
        startedAt: now,
      }))
    if (adding.length) await tx.insert(allocations).values(adding)
    const [family] = await tx
      .select({ name: families.name })
      .from(families)
      .where(and(eq(families.councilId, caller.councilId), eq(families.id, familyId)))
    const n = await names(tx, caller.councilId, [input.leadId, ...input.coWorkerIds])
    await logDecision(tx, {
      councilId: caller.councilId,
      teamId: team.id,
      kind: 'handover',
      summary: `The ${family!.name}: ${n.get(input.leadId)} leads, with ${input.coWorkerIds.map((id) => n.get(id)).join(' and ')}. Why: ${input.reason}`,
      presentIds: input.presentIds,
      recordedBy: caller.personId,
      familyId,
      details: {
        from: current.map((a) => ({ personId: a.personId, role: a.role })),
        to: [...wanted].map(([personId, role]) => ({ personId, role })),
      },
    })
    if (ending.length || adding.length)
      await letterToFamily(tx, caller.councilId, familyId, input.leadId, input.coWorkerIds, team.id)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'allocation.change',
      recordType: 'family',
      recordId: familyId,
      familyId,
      details: { leadId: input.leadId, coWorkerIds: input.coWorkerIds },
    })
    return { teamId: team.id }
  })
}
