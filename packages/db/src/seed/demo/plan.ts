import { and, asc, eq } from 'drizzle-orm'
import type { Tx } from '../../client'
import { adults, children, planChanges, planItems, type PlanSnapshot, type allocations } from '../../schema'

type Lead = typeof allocations.$inferSelect

/**
 * The demo practitioner's first family has a plan: four items in plain words, one done, one
 * changed (with why), so the plan page and the chronology show a history.
 */
export async function seedPlan(tx: Tx, councilId: string, priya: { id: string }, lead: Lead) {
  const familyId = lead.familyId
  const [grownUp] = await tx
    .select({ id: adults.id })
    .from(adults)
    .where(and(eq(adults.councilId, councilId), eq(adults.familyId, familyId)))
    .orderBy(asc(adults.name))
  const [child] = await tx
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.familyId, familyId)))
    .orderBy(asc(children.firstName))
  const day = (d: number) => new Date(Date.now() + d * 86_400_000)
  const iso = (d: number) => day(d).toISOString().slice(0, 10)
  const items: (PlanSnapshot & { at: number; change?: { at: number; to: Partial<PlanSnapshot>; why?: string } })[] = [
    {
      what: 'Visit every week, and see the children on their own each time.',
      whoKind: 'worker',
      whoId: priya.id,
      whoName: null,
      byDate: null,
      status: 'to_do',
      at: -20,
    },
    {
      what: 'Walk the children to school every morning.',
      whoKind: grownUp ? 'family' : 'network',
      whoId: grownUp?.id ?? null,
      whoName: grownUp ? null : 'Their aunt',
      byDate: iso(10),
      status: 'to_do',
      at: -20,
      change: { at: -6, to: { byDate: iso(24) }, why: 'The school is closed for a week for building work.' },
    },
    {
      what: 'Ask the GP for a referral to the sleep clinic.',
      whoKind: child ? 'family' : 'worker',
      whoId: child?.id ?? priya.id,
      whoName: null,
      byDate: iso(-5),
      status: 'to_do',
      at: -20,
      change: { at: -4, to: { status: 'done' } },
    },
    {
      what: 'Have Sunday dinner at their nan’s, as the children asked.',
      whoKind: 'network',
      whoId: null,
      whoName: 'Their nan',
      byDate: null,
      status: 'to_do',
      at: -13,
    },
  ]
  for (const { at, change, ...facts } of items) {
    const [row] = await tx
      .insert(planItems)
      .values({
        councilId,
        familyId,
        ...facts,
        version: 1,
        createdBy: priya.id,
        createdAt: day(at),
        updatedAt: day(at),
      })
      .returning()
    await tx.insert(planChanges).values({
      councilId,
      familyId,
      itemId: row!.id,
      kind: 'added',
      version: 1,
      after: facts,
      changedBy: priya.id,
      changedAt: day(at),
    })
    if (!change) continue
    const after = { ...facts, ...change.to }
    await tx
      .update(planItems)
      .set({ ...change.to, version: 2, updatedAt: day(change.at) })
      .where(eq(planItems.id, row!.id))
    await tx.insert(planChanges).values({
      councilId,
      familyId,
      itemId: row!.id,
      kind: change.to.status === 'done' ? 'done' : 'changed',
      reason: change.why ?? null,
      version: 2,
      before: facts,
      after,
      changedBy: priya.id,
      changedAt: day(change.at),
    })
  }
}
