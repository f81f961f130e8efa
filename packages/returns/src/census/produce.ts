import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { asStep, councilHolidays } from '@hearth/db/case-process'
import type { Db, Executor } from '@hearth/db/client'
import { assessments } from '@hearth/db/schema/assessments'
import { caseSteps } from '@hearth/db/schema/case-process'
import { councils } from '@hearth/db/schema/councils'
import { children } from '@hearth/db/schema/families'
import { referrals } from '@hearth/db/schema/referrals'
import { censusRuns } from '@hearth/db/schema/returns'
import { londonDateOf } from '@hearth/domain/working-days'
import { buildCensusChild, type ChildRecords, censusContext } from './build'
import type { CensusChild, CensusContext } from './model'
import { checkCensus, type Finding } from './rules'
import { censusXml } from './xml'
import { censusYear } from './years'

const BATCH = 500

/**
 * The children who may be in a collection: those with an episode open at some time in the year,
 * and those in a family referred in the year with no further action. Their ids, in a stable order.
 */
export async function censusCandidates(ex: Executor, councilId: string, ctx: CensusContext): Promise<string[]> {
  const withEpisode = await ex
    .selectDistinct({ id: caseSteps.childId })
    .from(caseSteps)
    .where(
      and(
        eq(caseSteps.councilId, councilId),
        eq(caseSteps.kind, 'episode'),
        lte(caseSteps.onDate, ctx.referenceDate),
        or(isNull(caseSteps.endDate), gte(caseSteps.endDate, ctx.periodStart)),
      ),
    )
  const nfa = await ex
    .selectDistinct({ id: children.id })
    .from(children)
    .innerJoin(referrals, and(eq(referrals.familyId, children.familyId), eq(referrals.councilId, children.councilId)))
    .where(
      and(
        eq(children.councilId, councilId),
        eq(referrals.decision, 'nfa'),
        sql`(${referrals.receivedAt} at time zone 'Europe/London')::date between ${ctx.periodStart}::date and ${ctx.referenceDate}::date`,
      ),
    )
  return [...new Set([...withEpisode, ...nfa].map((r) => r.id))].sort()
}

/** Hearth's records of these children, as the census builder reads them. */
export async function childRecords(ex: Executor, councilId: string, ids: string[]): Promise<ChildRecords[]> {
  if (!ids.length) return []
  const kids = await ex
    .select()
    .from(children)
    .where(and(eq(children.councilId, councilId), inArray(children.id, ids)))
    .orderBy(asc(children.laChildId))
  const steps = await ex
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, councilId), inArray(caseSteps.childId, ids)))
  const done = await ex
    .select()
    .from(assessments)
    .where(and(eq(assessments.councilId, councilId), inArray(assessments.childId, ids)))
  const familyIds = [...new Set(kids.map((k) => k.familyId))]
  const nfa = await ex
    .select({
      familyId: referrals.familyId,
      receivedAt: referrals.receivedAt,
      source: referrals.source,
      primaryNeed: referrals.primaryNeedCode,
    })
    .from(referrals)
    .where(
      and(eq(referrals.councilId, councilId), inArray(referrals.familyId, familyIds), eq(referrals.decision, 'nfa')),
    )
  return kids.map((k) => ({
    child: {
      id: k.id,
      familyId: k.familyId,
      laChildId: k.laChildId,
      upn: k.upn,
      upnUnknown: k.upnUnknown,
      dateOfBirth: k.dateOfBirth,
      expectedDateOfBirth: k.expectedDateOfBirth,
      sex: k.sex,
      dateOfDeath: k.dateOfDeath,
      ethnicity: k.ethnicity,
      disabilities: k.disabilities,
    },
    steps: steps.filter((s) => s.childId === k.id).map(asStep),
    assessments: done
      .filter((a) => a.childId === k.id)
      .map((a) => ({ startedOn: a.startedOn, authorisedOn: a.authorisedOn, factors: a.factors })),
    nfaReferrals: nfa
      .filter((r) => r.familyId === k.familyId)
      .map((r) => ({ receivedOn: londonDateOf(r.receivedAt), source: r.source, primaryNeed: r.primaryNeed })),
  }))
}

export interface CensusResult {
  children: CensusChild[]
  findings: Finding[]
  xml: string
}

/**
 * The whole return for a council and year, in batches, telling `progress` after each; what it
 * returns is complete or nothing (the caller writes it in one statement).
 */
export async function produceCensus(
  db: Db,
  councilId: string,
  collectionYear: number,
  progress: (done: number, total: number) => Promise<void> = async () => {},
  now = new Date(),
): Promise<CensusResult> {
  const spec = censusYear(collectionYear)
  if (!spec) throw new Error('census_year_not_held')
  const [council] = await db.select({ laCode: councils.laCode }).from(councils).where(eq(councils.id, councilId))
  const ctx = censusContext(collectionYear, council!.laCode)
  const holidays = await councilHolidays(db, councilId)
  const ids = await censusCandidates(db, councilId, ctx)
  await progress(0, ids.length)
  const out: CensusChild[] = []
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const r of await childRecords(db, councilId, ids.slice(i, i + BATCH))) {
      const c = buildCensusChild(r, ctx, holidays)
      if (c) out.push(c)
    }
    await progress(Math.min(i + BATCH, ids.length), ids.length)
  }
  out.sort((a, b) => a.laChildId.localeCompare(b.laChildId))
  return {
    children: out,
    findings: checkCensus(out, { ...ctx, holidays }, spec.rules),
    xml: censusXml(out, ctx, now, spec),
  }
}

/** Runs a queued census: progress as it goes; done with the XML and report in one write. */
export async function runCensus(db: Db, councilId: string, runId: string): Promise<'done' | 'skipped'> {
  const [run] = await db
    .select()
    .from(censusRuns)
    .where(and(eq(censusRuns.councilId, councilId), eq(censusRuns.id, runId)))
  if (!run || run.status === 'done' || run.status === 'failed') return 'skipped'
  const where = and(eq(censusRuns.councilId, councilId), eq(censusRuns.id, runId))
  await db.update(censusRuns).set({ status: 'running', startedAt: new Date(), childrenDone: 0 }).where(where)
  const result = await produceCensus(db, councilId, run.collectionYear, async (done, total) => {
    await db.update(censusRuns).set({ childrenDone: done, childrenTotal: total }).where(where)
  })
  await db
    .update(censusRuns)
    .set({
      status: 'done',
      finishedAt: new Date(),
      xml: result.xml,
      report: { children: result.children.length, findings: result.findings },
      childrenDone: sql`${censusRuns.childrenTotal}`,
    })
    .where(where)
  return 'done'
}
