import { writeFileSync } from 'node:fs'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { openDb } from '@hearth/db/client'
import { refreshCouncilClocks } from '@hearth/db/case-process'
import { caseSteps } from '@hearth/db/schema/case-process'
import { teams } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { seedSyntheticCouncil } from '@hearth/db/seed/synthetic'
import { freshDatabase, rssMb, signIn, startApi } from './lib'

/**
 * A looked-after child's "In care" page (#34): the synthetic council of 8,000 children (about 1 in
 * 7 of them in care, with placements, plans, health, education, moves and times missing), read by
 * a practitioner of the team holding them, one child after another. Goal: p99 under 50 ms.
 */
const { url } = await freshDatabase('hearth_bench_in_care')
const handle = await openDb({ kind: 'postgres', url, poolSize: 5 })
await handle.migrate()
const db = handle.db
const started = Date.now()
const councilId = await seedSyntheticCouncil(db, { children: 8000 })
await db.transaction((tx) => refreshCouncilClocks(tx, councilId))
await db.execute(sql`analyze`)
const seedSeconds = ((Date.now() - started) / 1000).toFixed(1)
const [team] = await db
  .select({ id: teams.id })
  .from(teams)
  .where(and(eq(teams.councilId, councilId), eq(teams.name, 'Synth family team 0')))
// the team's children who are looked after
const kids = (
  await db
    .selectDistinct({ id: caseSteps.childId })
    .from(caseSteps)
    .innerJoin(
      allocations,
      and(eq(allocations.familyId, caseSteps.familyId), eq(allocations.councilId, caseSteps.councilId)),
    )
    .where(
      and(
        eq(caseSteps.councilId, councilId),
        eq(caseSteps.kind, 'looked_after'),
        eq(allocations.teamId, team!.id),
        isNull(allocations.endedAt),
      ),
    )
).map((r) => r.id)
const inCareAll = (
  await db
    .select({ n: sql<number>`count(distinct child_id)::int` })
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, councilId), eq(caseSteps.kind, 'looked_after')))
)[0]!.n
await handle.close()
if (!kids.length) throw new Error('team 0 holds no child in care')

const api = await startApi(url, '{benchincare}')
const who = await signIn(api.address, 'synth0.0@synthshire.example')
const get = (path: string) =>
  fetch(`${api.address}${path}`, { headers: { cookie: who.cookie } }).then(async (r) => {
    if (!r.ok) throw new Error(`${path}: ${r.status}`)
    return r.json() as Promise<{ due: unknown[]; episodes: unknown[] }>
  })
for (let w = 0; w < 50; w++) await get(`/api/children/${kids[w % kids.length]}/in-care`)
const RUNS = 1000
const ms: number[] = []
let due = 0
let episodes = 0
for (let r = 0; r < RUNS; r++) {
  const s = performance.now()
  const v = await get(`/api/children/${kids[r % kids.length]}/in-care`)
  ms.push(performance.now() - s)
  due += v.due.length
  episodes += v.episodes.length
}
const rss = rssMb(api.child.pid!)
api.child.kill('SIGTERM')
const pct = (p: number) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(p * ms.length))]!

const md = `## A child in care: the In care page

The synthetic council of **8,000 children** (built in ${seedSeconds} s),
**${inCareAll.toLocaleString('en-GB')} of them looked after**; a practitioner of one team reads the In care page of each of the team's
${kids.length} children in care in turn, ${RUNS} reads one after another (the API in its own process):
on average ${(due / RUNS).toFixed(1)} timescales running and ${(episodes / RUNS).toFixed(1)} care episodes a child.

| measure | time |
| --- | --- |
| \`GET /api/children/{id}/in-care\`, p50 / p95 / p99 | ${pct(0.5).toFixed(1)} / ${pct(0.95).toFixed(1)} / ${pct(0.99).toFixed(1)} ms |
| The API's memory after the reads (RSS) | ${rss} MB |

Goal: p99 under 50 ms.
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/7b-in-care.md`, md)
console.log(md)
