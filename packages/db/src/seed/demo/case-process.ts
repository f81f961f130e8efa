import { and, asc, eq } from 'drizzle-orm'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import type { Tx } from '../../client'
import { refreshClocks } from '../../case-process'
import { children, caseSteps, type allocations } from '../../schema'

type Lead = typeof allocations.$inferSelect

/** A weekday on or before the date (conferences are not held at weekends). */
function weekday(iso: string): string {
  let d = iso
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addCalendarDays(d, -1)
  return d
}

/**
 * The demo practitioner's first family is on the statutory path, so the family page, My day and
 * the board show timescales: the eldest child on a child protection plan (from a strategy
 * discussion, an enquiry and a conference), a younger one on a child in need plan.
 */
export async function seedCaseProcess(tx: Tx, councilId: string, priya: { id: string }, lead: Lead) {
  const kids = await tx
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.familyId, lead.familyId)))
    .orderBy(asc(children.dateOfBirth), asc(children.firstName))
  if (!kids.length) return
  const today = londonDateOf(new Date())
  const ago = (n: number) => addCalendarDays(today, -n)
  const base = (childId: string) => ({ councilId, familyId: lead.familyId, childId, recordedBy: priya.id })
  const [eldest, younger] = kids
  const icpc = weekday(ago(26))
  const rows: (typeof caseSteps.$inferInsert)[] = [
    { ...base(eldest!.id), kind: 'episode', onDate: ago(60), details: { referralSource: '2A', primaryNeed: 'N1' } },
    {
      ...base(eldest!.id),
      kind: 'strategy_discussion',
      onDate: ago(41),
      details: { agencies: ['social_care', 'police', 'education'], decision: 's47' },
    },
    { ...base(eldest!.id), kind: 's47', onDate: ago(41), endDate: icpc, details: { icpcRequired: true } },
    {
      ...base(eldest!.id),
      kind: 'conference',
      onDate: icpc,
      details: { type: 'initial', decision: 'plan', chair: 'An independent chair (invented)' },
    },
    { ...base(eldest!.id), kind: 'cp_plan', onDate: icpc, details: { category: 'NEG', latestCategory: null } },
    { ...base(eldest!.id), kind: 'core_group', onDate: ago(19), details: {} },
    { ...base(eldest!.id), kind: 'statutory_visit', onDate: ago(12), details: { plan: 'cp', seenAlone: true } },
  ]
  if (younger)
    rows.push(
      { ...base(younger.id), kind: 'episode', onDate: ago(60), details: { referralSource: '2A', primaryNeed: 'N4' } },
      { ...base(younger.id), kind: 'cin_plan', onDate: ago(30), details: {} },
    )
  await tx.insert(caseSteps).values(rows)
  await refreshClocks(
    tx,
    councilId,
    kids.map((k) => k.id),
  )
}
