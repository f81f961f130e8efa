import { writeFileSync } from 'node:fs'
import { and, eq, sql } from 'drizzle-orm'
import { openDb } from '@hearth/db/client'
import { caseSteps, clockAlerts, clockDues } from '@hearth/db/schema/case-process'
import { children } from '@hearth/db/schema/families'
import { teams } from '@hearth/db/schema/organisation'
import { seedSyntheticCouncil } from '@hearth/db/seed/synthetic'
import { refreshCouncilClocks } from '../apps/api/src/modules/case-process/clock-queries'
import { handlers } from '../apps/worker/src/jobs/case-process/clocks.sweep.handler'
import { freshDatabase, signIn, startApi } from './lib'

/**
 * The statutory clocks (issue "The statutory case process"): the synthetic council of 8,000
 * children over 60 teams (episodes, assessments, enquiries, plans, children looked after,
 * pre-proceedings).
 *  - working every clock out again for the whole council (what a new bank holiday does);
 *  - the daily alert sweep: its first run (raising every alert) and a second run (raising none);
 *  - the team board before this issue (the board alone) and with what is due (the board and the
 *    team's clocks, fetched side by side as the page does), in one run.
 */
const { url } = await freshDatabase('hearth_bench_clocks')
const handle = await openDb({ kind: 'postgres', url, poolSize: 5 })
await handle.migrate()
const db = handle.db
const started = Date.now()
// the synthetic council of `npm run seed:synthetic` (its clocks start empty here: "before")
const councilId = await seedSyntheticCouncil(db, { children: 8000 })
await db.delete(clockDues).where(eq(clockDues.councilId, councilId))
const [team] = await db
  .select({ id: teams.id })
  .from(teams)
  .where(and(eq(teams.councilId, councilId), eq(teams.name, 'Synth family team 0')))
const measured = { teamId: team!.id, email: 'synth0.0@synthshire.example' }
await db.execute(sql`analyze`)
const seedSeconds = ((Date.now() - started) / 1000).toFixed(1)
const childCount = (await db.select({ n: sql<number>`count(*)::int` }).from(children))[0]!.n
const stepCount = (await db.select({ n: sql<number>`count(*)::int` }).from(caseSteps))[0]!.n

const api = await startApi(url, '{benchclocks}')
const who = await signIn(api.address, measured.email)
const get = (path: string) =>
  fetch(`${api.address}${path}`, { headers: { cookie: who.cookie } }).then(async (r) => {
    if (!r.ok) throw new Error(`${path}: ${r.status}`)
    return r.json()
  })
const board = `/api/teams/${measured.teamId}/board`
const RUNS = 300
async function timeBoard() {
  for (let w = 0; w < 30; w++) await get(board)
  const ms: number[] = []
  for (let r = 0; r < RUNS; r++) {
    const s = performance.now()
    await get(board)
    ms.push(performance.now() - s)
  }
  return ms
}
// before this issue: no clock is worked out yet, so the board has nothing due to show
const boardBefore = await timeBoard()
const dueBefore = (await get(board)).due

let t0 = performance.now()
await db.transaction((tx) => refreshCouncilClocks(tx, councilId))
const refreshMs = performance.now() - t0
const clockCount = (await db.select({ n: sql<number>`count(*)::int` }).from(clockDues)).at(0)!.n
await db.execute(sql`analyze`)

const published: number[] = []
const ctx = { db, publish: async (e: { alerts?: number }) => void published.push(e.alerts ?? 0) }
t0 = performance.now()
await handlers['clocks.sweep']!.run(ctx as never, {})
const firstSweepMs = performance.now() - t0
const alertCount = (await db.select({ n: sql<number>`count(*)::int` }).from(clockAlerts)).at(0)!.n
t0 = performance.now()
await handlers['clocks.sweep']!.run(ctx as never, {})
const secondSweepMs = performance.now() - t0
const afterSecond = (await db.select({ n: sql<number>`count(*)::int` }).from(clockAlerts)).at(0)!.n
await handle.close()

// with this issue: the same board, now with its overdue and due-soon clocks
const boardAfter = await timeBoard()
const dueAfter = (await get(board)).due as { urgent: unknown[]; later: number }
if (dueBefore.urgent.length !== 0 || dueAfter.urgent.length === 0) throw new Error('the board did not change')
api.child.kill('SIGTERM')
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
const ratio = pct(boardAfter, 0.5) / pct(boardBefore, 0.5)

const md = `## Statutory clocks and alerts

A council of **${childCount.toLocaleString('en-GB')} children** in 60 family-facing teams (built in ${seedSeconds} s),
with ${stepCount.toLocaleString('en-GB')} statutory steps (the synthetic council of \`npm run seed:synthetic\`):
**${clockCount.toLocaleString('en-GB')} clocks running**.

| measure | time |
| --- | --- |
| Work out every clock of the council again (a bank holiday added), in one transaction | ${(refreshMs / 1000).toFixed(2)} s |
| The daily alert sweep, first run: ${alertCount.toLocaleString('en-GB')} alerts raised | ${(firstSweepMs / 1000).toFixed(2)} s |
| The sweep run again the same day: ${afterSecond - alertCount} more raised | ${(secondSweepMs / 1000).toFixed(2)} s |
| The team board before (no clock worked out yet), ${RUNS} reads, p50 / p95 | ${pct(boardBefore, 0.5).toFixed(1)} / ${pct(boardBefore, 0.95).toFixed(1)} ms |
| The team board with what is due (${dueAfter.urgent.length} overdue or due soon shown, ${dueAfter.later} later), p50 / p95 | ${pct(boardAfter, 0.5).toFixed(1)} / ${pct(boardAfter, 0.95).toFixed(1)} ms |

With what is due, the board takes **${ratio.toFixed(2)}×** its time before at p50 (the API in its own
process; the reads one after another).
Goals: the daily sweep under 30 s; the board with what is due within 20 % of the board alone.
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/7-clocks.md`, md)
console.log(md)
