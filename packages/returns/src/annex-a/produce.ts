import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { asStep } from '@hearth/db/case-process'
import type { Db, Executor } from '@hearth/db/client'
import { assessments } from '@hearth/db/schema/assessments'
import { caseSteps } from '@hearth/db/schema/case-process'
import { councils } from '@hearth/db/schema/councils'
import { children } from '@hearth/db/schema/families'
import { people, teams } from '@hearth/db/schema/organisation'
import { notes } from '@hearth/db/schema/recording'
import { referrals } from '@hearth/db/schema/referrals'
import { annexRuns } from '@hearth/db/schema/returns'
import { allocations } from '@hearth/db/schema/team-board'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import { type AnnexList, type AnnexPeriod, type AnnexRecords, annexLists } from './lists'
import { annexWorkbook } from './workbook'

const BATCH = 500

/** Children who may be on a list: an episode near the period, or a family referred in it. */
export async function annexCandidates(ex: Executor, councilId: string, p: AnnexPeriod): Promise<string[]> {
  const yearBefore = addCalendarDays(p.from, -365)
  const stepped = await ex
    .selectDistinct({ id: caseSteps.childId })
    .from(caseSteps)
    .where(
      and(
        eq(caseSteps.councilId, councilId),
        lte(caseSteps.onDate, p.to),
        or(isNull(caseSteps.endDate), gte(caseSteps.endDate, yearBefore)),
      ),
    )
  const assessed = await ex
    .selectDistinct({ id: assessments.childId })
    .from(assessments)
    .where(
      and(
        eq(assessments.councilId, councilId),
        lte(assessments.startedOn, p.to),
        or(isNull(assessments.authorisedOn), gte(assessments.authorisedOn, p.from)),
      ),
    )
  const referred = await ex
    .selectDistinct({ id: children.id })
    .from(children)
    .innerJoin(referrals, and(eq(referrals.familyId, children.familyId), eq(referrals.councilId, children.councilId)))
    .where(
      and(
        eq(children.councilId, councilId),
        sql`(${referrals.receivedAt} at time zone 'Europe/London')::date between ${p.from}::date and ${p.to}::date`,
      ),
    )
  return [...new Set([...stepped, ...assessed, ...referred].map((r) => r.id))].sort()
}

/** What the lists read about these children. */
async function annexRecords(ex: Executor, councilId: string, ids: string[], p: AnnexPeriod): Promise<AnnexRecords[]> {
  if (!ids.length) return []
  const kids = await ex
    .select()
    .from(children)
    .where(and(eq(children.councilId, councilId), inArray(children.id, ids)))
  const familyIds = [...new Set(kids.map((k) => k.familyId))]
  const steps = await ex
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, councilId), inArray(caseSteps.childId, ids)))
  const done = await ex
    .select()
    .from(assessments)
    .where(and(eq(assessments.councilId, councilId), inArray(assessments.childId, ids)))
  const refs = await ex
    .select({
      familyId: referrals.familyId,
      at: referrals.receivedAt,
      source: referrals.source,
      decision: referrals.decision,
    })
    .from(referrals)
    .where(and(eq(referrals.councilId, councilId), inArray(referrals.familyId, familyIds)))
  const seen = await ex
    .select({ familyId: notes.familyId, at: notes.happenedAt, children: notes.children })
    .from(notes)
    .where(
      and(
        eq(notes.councilId, councilId),
        inArray(notes.familyId, familyIds),
        eq(notes.status, 'final'),
        lte(notes.happenedAt, new Date(`${addCalendarDays(p.to, 1)}T00:00:00Z`)),
      ),
    )
  const leads = await ex
    .select({ familyId: allocations.familyId, team: teams.name, worker: people.name })
    .from(allocations)
    .innerJoin(teams, and(eq(teams.id, allocations.teamId), eq(teams.councilId, allocations.councilId)))
    .innerJoin(people, and(eq(people.id, allocations.personId), eq(people.councilId, allocations.councilId)))
    .where(
      and(
        eq(allocations.councilId, councilId),
        inArray(allocations.familyId, familyIds),
        eq(allocations.role, 'lead'),
        isNull(allocations.endedAt),
      ),
    )
  return kids
    .sort((a, b) => a.laChildId.localeCompare(b.laChildId))
    .map((k) => {
      const lead = leads.find((l) => l.familyId === k.familyId)
      return {
        child: {
          id: k.id,
          laChildId: k.laChildId,
          sex: k.sex,
          ethnicity: k.ethnicity,
          dateOfBirth: k.dateOfBirth,
          expectedDateOfBirth: k.expectedDateOfBirth,
          disabilities: k.disabilities,
          team: lead?.team ?? null,
          worker: lead?.worker ?? null,
        },
        steps: steps.filter((s) => s.childId === k.id).map(asStep),
        assessments: done
          .filter((a) => a.childId === k.id)
          .map((a) => ({ startedOn: a.startedOn, authorisedOn: a.authorisedOn, factors: a.factors })),
        referrals: refs
          .filter((r) => r.familyId === k.familyId)
          .map((r) => ({ receivedOn: londonDateOf(r.at), source: r.source, nfa: r.decision === 'nfa' }))
          .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn)),
        seen: seen
          .flatMap((n) =>
            n.children
              .filter((c) => c.childId === k.id && (c.seen === 'seen' || c.seen === 'seen_alone'))
              .map((c) => ({ on: londonDateOf(n.at), alone: c.seen === 'seen_alone' })),
          )
          .sort((a, b) => a.on.localeCompare(b.on)),
      }
    })
}

/** Every list for the period, in batches, telling `progress` after each. */
export async function produceAnnexA(
  db: Db,
  councilId: string,
  p: AnnexPeriod,
  progress: (done: number, total: number) => Promise<void> = async () => {},
): Promise<{ lists: AnnexList[]; file: Buffer }> {
  const [council] = await db.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId))
  const ids = await annexCandidates(db, councilId, p)
  await progress(0, ids.length)
  const records: AnnexRecords[] = []
  for (let i = 0; i < ids.length; i += BATCH) {
    records.push(...(await annexRecords(db, councilId, ids.slice(i, i + BATCH), p)))
    await progress(Math.min(i + BATCH, ids.length), ids.length)
  }
  const lists = annexLists(records, p)
  return { lists, file: await annexWorkbook(lists, p, council!.name.replace(/ \(demo\)$/, '')) }
}

/** Runs a queued Annex A: progress as it goes; done with the workbook and row counts in one write. */
export async function runAnnexA(db: Db, councilId: string, runId: string): Promise<'done' | 'skipped'> {
  const where = and(eq(annexRuns.councilId, councilId), eq(annexRuns.id, runId))
  const [run] = await db.select().from(annexRuns).where(where)
  if (!run || run.status === 'done' || run.status === 'failed') return 'skipped'
  await db.update(annexRuns).set({ status: 'running', startedAt: new Date(), childrenDone: 0 }).where(where)
  const { lists, file } = await produceAnnexA(db, councilId, { from: run.fromDate, to: run.toDate }, async (d, t) => {
    await db.update(annexRuns).set({ childrenDone: d, childrenTotal: t }).where(where)
  })
  await db
    .update(annexRuns)
    .set({
      status: 'done',
      finishedAt: new Date(),
      file,
      lists: lists.map((l) => ({ number: l.number, name: l.name, rows: l.rows.length, note: l.note ?? null })),
      childrenDone: sql`${annexRuns.childrenTotal}`,
    })
    .where(where)
  return 'done'
}
