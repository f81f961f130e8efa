import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb } from '@hearth/db/client'
import { seedSyntheticCouncil } from '@hearth/db/seed/synthetic'
import { collectionYearOf } from '@hearth/domain/census-codes'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import { censusYear, produceAnnexA, produceCensus } from '@hearth/returns'
import { freshDatabase, ROOT } from './lib'

/**
 * The census for the 8,000-child synthetic council (issue "Statutory returns"): wall time and the
 * process's peak memory, in this process (as the worker runs it), three runs.
 */
const { url } = await freshDatabase('hearth_bench_census')
const handle = await openDb({ kind: 'postgres', url, poolSize: 5 })
await handle.migrate()
let t0 = performance.now()
const councilId = await seedSyntheticCouncil(handle.db, { children: 8000 })
const seedSeconds = ((performance.now() - t0) / 1000).toFixed(1)
const today = londonDateOf(new Date())
const year = collectionYearOf(today)
const before = process.memoryUsage().rss
let peak = before
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
}, 20)
const times: number[] = []
let result: Awaited<ReturnType<typeof produceCensus>> | null = null
for (let r = 0; r < 3; r++) {
  t0 = performance.now()
  result = await produceCensus(handle.db, councilId, year)
  times.push(performance.now() - t0)
}
clearInterval(timer)
// the file checked against its schema, as the tests do
const dir = mkdtempSync(join(tmpdir(), 'hearth-census-bench-'))
writeFileSync(join(dir, 'census.xml'), result!.xml)
const xsd = join(ROOT, 'packages/returns/schema', censusYear(year)!.xsd)
let valid = 'not checked (no xmllint)'
try {
  execFileSync('xmllint', ['--noout', '--schema', xsd, join(dir, 'census.xml')], { stdio: 'pipe' })
  valid = 'valid'
} catch (e) {
  if ((e as { status?: number }).status !== undefined) valid = 'NOT valid'
}
// Annex A for the last six months of the same council
const annexTimes: number[] = []
let rows = 0
for (let r = 0; r < 2; r++) {
  t0 = performance.now()
  const a = await produceAnnexA(handle.db, councilId, { from: addCalendarDays(today, -183), to: today })
  annexTimes.push(performance.now() - t0)
  rows = a.lists.reduce((s, l) => s + l.rows.length, 0)
}
await handle.close()
const errors = result!.findings.filter((f) => f.severity === 'error')
const queries = result!.findings.filter((f) => f.severity === 'query')
const mb = (b: number) => Math.round(b / 1024 / 1024)

const md = `## Children in Need census

The synthetic council (\`npm run seed:synthetic -- --children 8000\`, built in ${seedSeconds} s): the
${year - 1}–${String(year).slice(2)} return of **${result!.children.length.toLocaleString('en-GB')} children**, ${(result!.xml.length / 1024 / 1024).toFixed(1)} MB of XML.

| measure | result |
| --- | --- |
| Produce it (load in batches of 500, build, check every rule, write the XML), 3 runs | ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} |
| Peak memory of the process (RSS, the tsx loader and the seeding before it included) | ${mb(peak)} MB (${mb(before)} MB before the first run) |
| Against the XSD (xmllint) | ${valid} |
| Annex A for the last six months (${rows.toLocaleString('en-GB')} rows over lists 1–8, XLSX streamed), 2 runs | ${annexTimes.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} |
| Errors from Hearth's rules / queries | ${errors.length} / ${queries.map((q) => `${q.code} (${q.children.length})`).join(', ') || 'none'} |

Goals: the census under 10 s and under 500 MB; Annex A under 10 s.
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/8-census.md`, md)
console.log(md)
