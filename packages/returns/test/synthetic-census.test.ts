import { limit } from '@hearth/test-kit/time'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { asStep } from '@hearth/db/case-process'
import { caseSteps } from '@hearth/db/schema/case-process'
import { children } from '@hearth/db/schema/families'
import { seedSyntheticCouncil } from '@hearth/db/seed/synthetic'
import { periodsOfCare } from '@hearth/domain/care-episodes'
import { type CaseStep, stepProblems } from '@hearth/domain/case-steps'
import { collectionYearOf } from '@hearth/domain/census-codes'
import { londonDateOf } from '@hearth/domain/working-days'
import { produceCensus } from '../src/census/produce'
import { makeTestApp, signInAs } from '@hearth/test-kit/app'
import { freshPgDatabase, testPasswordHash } from '@hearth/test-kit/db'
import { runCensus } from '../src/index'

/**
 * A synthetic council (the generator behind `npm run seed:synthetic`, here 900 children in 6
 * teams; 8,000 in the benchmark): its census is valid against the XSD and breaks none of Hearth's
 * own rules, the progress counts every child, and a second run gives the same file.
 */
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let councilId: string
const today = londonDateOf(new Date())
const year = collectionYearOf(today)

beforeAll(async () => {
  dbx = await freshPgDatabase()
  councilId = await seedSyntheticCouncil(dbx.handle.db, {
    children: 900,
    teams: 6,
    passwordHash: await testPasswordHash(),
  })
}, limit(120_000))
afterAll(async () => {
  await dbx.drop()
})

describe('the synthetic council’s census', () => {
  it(
    'is valid, in schema order, with no error from Hearth’s rules',
    async () => {
      const progress: [number, number][] = []
      const now = new Date('2027-04-20T09:00:00Z')
      const r = await produceCensus(dbx.handle.db, councilId, year, async (d, t) => void progress.push([d, t]), now)
      expect(r.children.length).toBeGreaterThan(800)
      expect(progress.at(-1)).toEqual([progress.at(-1)![1], progress.at(-1)![1]])
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([])
      const dir = mkdtempSync(join(tmpdir(), 'hearth-synth-'))
      writeFileSync(join(dir, 'c.xml'), r.xml)
      const xsd = join(import.meta.dirname, '../schema/cin-2026-27.xsd')
      expect(() =>
        execFileSync('xmllint', ['--noout', '--schema', xsd, join(dir, 'c.xml')], { stdio: 'pipe' }),
      ).not.toThrow()
      // every path of the generator is in it: plans, enquiries, pre-proceedings, closures after assessment
      expect(r.xml).toContain('<ChildProtectionPlans>')
      expect(r.xml).toContain('<CINPlanDates>')
      expect(r.xml).toContain('<PreProceedingsandFGDM>')
      expect(r.xml).toContain('<ReasonForClosure>RC8</ReasonForClosure>')
      const again = await produceCensus(dbx.handle.db, councilId, year, undefined, now)
      expect(again.xml).toBe(r.xml)
    },
    limit(120_000),
  )

  it(
    'its data officer produces it through the API, as any council’s would be',
    async () => {
      const t = await makeTestApp(dbx.handle)
      try {
        const officer = await signInAs(t.app, 'data@synthshire.example')
        const res = await officer.request('POST', '/api/returns/census', { collectionYear: year })
        expect(res.statusCode, res.body).toBe(202)
        await runCensus(dbx.handle.db, councilId, res.json().id) // the worker's part
        const run = (await officer.request('GET', `/api/returns/census/${res.json().id}`)).json()
        expect(run).toMatchObject({ status: 'done', errors: 0 })
        expect(run.children).toBeGreaterThan(800)
        // and its administrator sees it in the list; a practitioner may not start one
        const admin = await signInAs(t.app, 'admin@synthshire.example')
        const runs = (await admin.request('GET', '/api/returns/census')).json() as { id: string }[]
        expect(runs.map((r) => r.id)).toContain(res.json().id)
        const worker = await signInAs(t.app, 'synth0.0@synthshire.example')
        expect((await worker.request('POST', '/api/returns/census', { collectionYear: year })).statusCode).toBe(403)
      } finally {
        await t.close()
      }
    },
    limit(120_000),
  )
})

describe('the synthetic council’s children in care (#34)', () => {
  it('about 1 in 7 of its children in need are looked after, and their steps break no order rule', async () => {
    const rows = await dbx.handle.db.select().from(caseSteps).where(eq(caseSteps.councilId, councilId))
    // Node 20: no Map.groupBy
    const born = new Map(
      (await dbx.handle.db.select({ id: children.id, dob: children.dateOfBirth }).from(children)).map((c) => [
        c.id,
        c.dob,
      ]),
    )
    const byChild = new Map<string, CaseStep[]>()
    for (const r of rows) byChild.set(r.childId, [...(byChild.get(r.childId) ?? []), asStep(r)])
    let inCare = 0
    let moved = 0
    const broken: string[] = []
    for (const [childId, all] of byChild) {
      if (!all.some((s) => s.kind === 'looked_after')) continue
      inCare++
      for (const s of all)
        for (const p of stepProblems(
          s,
          all.filter((o) => o.id !== s.id),
          today,
          { dateOfBirth: born.get(childId) ?? null },
        ))
          broken.push(`${s.kind} ${p.field}: ${p.message}`)
      const [period] = periodsOfCare(all)
      expect(period!.episodes[0]!.rne).toBe('S')
      if (period!.episodes.some((e) => e.rne === 'P')) moved++
    }
    expect(broken).toEqual([])
    expect(inCare / byChild.size).toBeGreaterThan(0.1)
    expect(inCare / byChild.size).toBeLessThan(0.2)
    expect(moved).toBeGreaterThan(0)
  })
})
