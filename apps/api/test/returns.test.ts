import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { children } from '@hearth/db/schema/families'
import { censusRuns } from '@hearth/db/schema/returns'
import { seedDemoCouncil } from '@hearth/db/seed/demo'
import { collectionYearOf } from '@hearth/domain/census-codes'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import { runAnnexA, runCensus } from '@hearth/returns'
import ExcelJS from 'exceljs'
import { makeTestApp, type Session, signInAs, type TestApp } from '@hearth/test-kit/app'
import { freshPgDatabase, testPasswordHash } from '@hearth/test-kit/db'

/**
 * #16, the Children in Need census from the demo council's own records (PostgreSQL): produced by
 * the job, valid against the XSD, no error from Hearth's rules; a fixed record clears its error on
 * the next run; bad requests get clear answers and write nothing.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let admin: Session
let practitioner: Session
let councilId: string
const today = londonDateOf(new Date())
// the collection year under way: it ends on the next 31 March
const year = collectionYearOf(today)
const XSD = join(import.meta.dirname, '../../../packages/returns/schema/cin-2026-27.xsd')

beforeAll(async () => {
  dbx = await freshPgDatabase()
  const seeded = await seedDemoCouncil(dbx.handle.db, { passwordHash: await testPasswordHash() })
  councilId = seeded!.councilId
  t = await makeTestApp(dbx.handle)
  admin = await signInAs(t.app, 'admin@northmoor.example')
  practitioner = await signInAs(t.app, 'practitioner@northmoor.example')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

async function produce() {
  const res = await admin.request('POST', '/api/returns/census', { collectionYear: year })
  expect(res.statusCode, res.body).toBe(202)
  const run = res.json()
  expect(run).toMatchObject({ status: 'queued', percent: 0 })
  // what the worker does (its job and queue are tested in the worker's own tests)
  await runCensus(dbx.handle.db, councilId, run.id)
  return (await admin.request('GET', `/api/returns/census/${run.id}`)).json()
}

describe('the census', () => {
  it('the demo council’s: every child with an episode in it, valid against the XSD, no error from Hearth’s rules', async () => {
    const run = await produce()
    expect(run).toMatchObject({ status: 'done', percent: 100, errors: 0 })
    expect(run.children).toBeGreaterThan(0)
    expect(run.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([])
    const xml = await admin.request('GET', `/api/returns/census/${run.id}/xml`)
    expect(xml.statusCode).toBe(200)
    expect(xml.headers['content-type']).toContain('application/xml')
    const dir = mkdtempSync(join(tmpdir(), 'hearth-census-'))
    writeFileSync(join(dir, 'c.xml'), xml.body)
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'c.xml')], { stdio: 'pipe' }),
    ).not.toThrow()
    // the demo family's child protection plan is in it
    expect(xml.body).toContain('<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>')
    const [audit] = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'census.download'), eq(auditEvents.recordId, run.id)))
    expect(audit).toBeTruthy()
    // queries stand only with a reason
    for (const q of run.findings.filter((f: { severity: string }) => f.severity === 'query')) {
      const ok = await admin.request('POST', `/api/returns/census/${run.id}/queries`, {
        code: q.code,
        reason: 'The demo council has no pre-proceedings this year.',
      })
      expect(ok.statusCode, ok.body).toBe(200)
    }
    const after = (await admin.request('GET', `/api/returns/census/${run.id}`)).json()
    expect(after.readyToSubmit).toBe(true)
  })

  it('a record with an error is in the report with a link to the child; fixed, the next run has no error', async () => {
    // the demo family's eldest child (on the plan): take away the disabilities the census needs
    const cp = await dbx.handle.db.execute(
      `select child_id from case_steps where council_id = '${councilId}' and kind = 'cp_plan' limit 1`,
    )
    const childId = (cp as unknown as { rows: { child_id: string }[] }).rows[0]!.child_id
    await dbx.handle.db.update(children).set({ disabilities: [] }).where(eq(children.id, childId))
    const run = await produce()
    const f = run.findings.find((x: { code: string }) => x.code === '8540')
    expect(f.children).toEqual([expect.objectContaining({ childId })])
    expect(run.readyToSubmit).toBe(false)
    // the data team opens the child as the census sees them, and corrects it there
    const seen = await admin.request('GET', `/api/returns/children/${childId}`)
    expect(seen.statusCode, seen.body).toBe(200)
    expect(seen.json()).toMatchObject({ collectionYear: year, child: { disabilities: [] } })
    expect(seen.json().episodes[0]).toMatchObject({ cpPlans: 1, section47s: 1, referralNfa: false })
    expect(seen.json().holdingTeam).toMatch(/family team/)
    const bad = await admin.request('PATCH', `/api/returns/children/${childId}`, { disabilities: ['NONE', 'AUT'] })
    expect(bad.json().error.details[0]).toMatchObject({
      field: 'body.disabilities',
      message: expect.stringMatching(/8790/),
    })
    const names = await admin.request('PATCH', `/api/returns/children/${childId}`, { firstName: 'Changed' })
    expect(names.statusCode).toBe(200)
    expect(names.json().firstName).not.toBe('Changed') // not the data team's to change
    const fix = await admin.request('PATCH', `/api/returns/children/${childId}`, { disabilities: ['NONE'] })
    expect(fix.statusCode, fix.body).toBe(200)
    expect((await practitioner.request('GET', `/api/returns/children/${childId}`)).statusCode).toBe(403)
    const again = await produce()
    expect(again.findings.map((x: { code: string }) => x.code)).not.toContain('8540')
  })

  it('bad requests: a year not started, a year with no data, a second run while one runs, a query not in it', async () => {
    const future = await admin.request('POST', '/api/returns/census', { collectionYear: year + 1 })
    expect(future.statusCode).toBe(400)
    expect(future.json().error.details[0]).toMatchObject({
      field: 'body.collectionYear',
      message: expect.stringMatching(/not started/),
    })
    const empty = await admin.request('POST', '/api/returns/census', { collectionYear: year - 1 })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.details[0].message).toMatch(/nothing to return/)
    const old = await admin.request('POST', '/api/returns/census', { collectionYear: 2022 })
    expect(old.json().error.details[0].message).toMatch(/specifications from 2025–26/)
    const first = await admin.request('POST', '/api/returns/census', { collectionYear: year })
    expect(first.statusCode).toBe(202)
    const second = await admin.request('POST', '/api/returns/census', { collectionYear: year })
    expect(second.statusCode).toBe(409)
    const runs = await dbx.handle.db.select().from(censusRuns).where(eq(censusRuns.status, 'queued'))
    expect(runs).toHaveLength(1)
    const q = await admin.request('POST', `/api/returns/census/${first.json().id}/queries`, {
      code: '8670Q',
      reason: 'x',
    })
    expect(q.statusCode).toBe(400)
    expect((await practitioner.request('GET', '/api/returns/census')).statusCode).toBe(403)
    expect((await admin.request('GET', `/api/returns/census/${first.json().id}/xml`)).statusCode).toBe(409)
  })
  it('Annex A: produced for the last six months, each list counted, the workbook read back; bad periods refused', async () => {
    const from = addCalendarDays(today, -183)
    const res = await admin.request('POST', '/api/returns/annex-a', { from, to: today })
    expect(res.statusCode, res.body).toBe(202)
    expect((await admin.request('POST', '/api/returns/annex-a', { from, to: today })).statusCode).toBe(409)
    await runAnnexA(dbx.handle.db, councilId, res.json().id)
    const run = (await admin.request('GET', `/api/returns/annex-a/${res.json().id}`)).json()
    expect(run).toMatchObject({ status: 'done', percent: 100 })
    const rows = Object.fromEntries(run.lists.map((l: { number: number; rows: number }) => [l.number, l.rows]))
    expect(rows[7]).toBe(1) // the demo family's child protection plan
    expect(rows[6]).toBeGreaterThanOrEqual(1)
    const file = await admin.request('GET', `/api/returns/annex-a/${run.id}/xlsx`)
    expect(file.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.rawPayload as never)
    expect(wb.getWorksheet('List 7')!.rowCount).toBe(2)
    const future = await admin.request('POST', '/api/returns/annex-a', { from, to: addCalendarDays(today, 1) })
    expect(future.json().error.details[0]).toMatchObject({ field: 'body.to' })
    const backwards = await admin.request('POST', '/api/returns/annex-a', { from: today, to: from })
    expect(backwards.json().error.details[0]).toMatchObject({ field: 'body.from' })
    expect((await practitioner.request('POST', '/api/returns/annex-a', { from, to: today })).statusCode).toBe(403)
  })
})
