import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { eq, sql } from 'drizzle-orm'
import { openDb } from '@hearth/db/client'
import { hashPassword } from '@hearth/db/passwords'
import { councils } from '@hearth/db/schema/councils'
import { children, families } from '@hearth/db/schema/families'
import { memberships, patches, people, teams } from '@hearth/db/schema/organisation'
import { notes } from '@hearth/db/schema/recording'
import { offers, referrals } from '@hearth/db/schema/referrals'
import { allocations } from '@hearth/db/schema/team-board'
import { seedDemoCouncil, DEMO_PASSWORD } from '@hearth/db/seed/demo'
import { contactWeeks, sumWeeks, teamPractitioners } from '../apps/api/src/modules/contact-time/contact-time-queries'
import { freePort, freshDatabase, ROOT, rssMb, signIn, startApi } from './lib'

/**
 * Team board figures (issue "Family-facing team"):
 *  - GET /api/teams/{id}/board for a team holding 110 children, in a council of 60 teams, next to a
 *    bare Fastify route in its own process on the same machine (the ratio);
 *  - claims per second under contention (8 practitioners after the same families).
 */
const { url } = await freshDatabase('hearth_bench_board')
const handle = await openDb({ kind: 'postgres', url, poolSize: 5 })
await handle.migrate()
await seedDemoCouncil(handle.db)
const db = handle.db
const [council] = await db.select().from(councils)
const councilId = council!.id
const [officer] = await db.select().from(people).where(eq(people.email, 'referrals@northmoor.example'))
const passwordHash = await hashPassword(DEMO_PASSWORD)

/** Adds a family-facing team of 8 with `familyCount` held families (110 children over 40 families by default). */
async function addTeam(i: number, familyCount: number, childrenFor: (f: number) => number, waiting: number, cap = 14) {
  const [patch] = await db
    .insert(patches)
    .values({ councilId, name: `Bench patch ${i}`, postcodeAreas: [`BX${i}`] })
    .returning()
  const [team] = await db
    .insert(teams)
    .values({ councilId, name: `Bench family team ${i}`, kind: 'family_facing', patchId: patch!.id, caseloadCap: cap })
    .returning()
  const staff = await db
    .insert(people)
    .values(
      Array.from({ length: 8 }, (_, p) => ({
        councilId,
        name: `Bench ${i}-${p}`,
        email: `bench${i}.${p}@northmoor.example`,
        roles: ['practitioner'],
        passwordHash,
      })),
    )
    .returning()
  await db.insert(memberships).values(staff.map((s) => ({ councilId, teamId: team!.id, personId: s.id })))
  const fams = await db
    .insert(families)
    .values(
      Array.from({ length: familyCount + waiting }, (_, f) => ({
        councilId,
        reference: `B${i}-${f}`,
        name: `Bench ${i}-${f} family`,
        addressLine1: `${f} Bench Row`,
        town: 'Benchton',
        postcode: `BX${i} ${(f % 9) + 1}AB`,
        patchId: patch!.id,
      })),
    )
    .returning()
  await db.insert(children).values(
    fams.flatMap((fam, f) =>
      Array.from({ length: childrenFor(f) }, (_, c) => ({
        councilId,
        familyId: fam.id,
        laChildId: `B${i}F${f}C${c}`,
        firstName: `Kid${c}`,
        lastName: `Bench${f}`,
        dateOfBirth: '2016-01-01',
        sex: 'U' as const,
      })),
    ),
  )
  const held = fams.slice(0, familyCount)
  if (held.length) {
    await db.insert(allocations).values(
      held.flatMap((fam, f) => [
        { councilId, familyId: fam.id, teamId: team!.id, personId: staff[f % 8]!.id, role: 'lead' as const },
        { councilId, familyId: fam.id, teamId: team!.id, personId: staff[(f + 3) % 8]!.id, role: 'co_worker' as const },
      ]),
    )
  }
  // twelve weeks of notes: each practitioner about five visits a week, 45 to 90 minutes each
  if (held.length) {
    const rows = staff.flatMap((s, k) =>
      Array.from({ length: 60 }, (_, n) => ({
        councilId,
        familyId: held[(k * 5 + n) % held.length]!.id,
        authorId: s.id,
        teamId: team!.id,
        kind: 'home_visit',
        happenedAt: new Date(Date.now() - (n * 1.4 + k * 0.1) * 86_400_000),
        directMinutes: 45 + (n % 4) * 15,
        workingWell: 'An invented note for the benchmark.',
        status: 'final' as const,
        finalisedAt: new Date(),
      })),
    )
    await db.insert(notes).values(rows)
  }
  const waitingFams = fams.slice(familyCount)
  const offerIds: string[] = []
  if (waitingFams.length) {
    const refs = await db
      .insert(referrals)
      .values(
        waitingFams.map((fam, f) => ({
          councilId,
          reference: `RB${i}-${f}`,
          receivedAt: new Date(),
          receivedBy: officer!.id,
          source: '2A',
          referrerName: 'Bench',
          worries: 'Bench',
          familyId: fam.id,
          dueDate: '2030-01-01',
          dueAt: new Date('2030-01-02'),
          status: 'decided' as const,
          decision: 'assessment',
          decisionReasons: 'Bench family.',
          routingStatus: 'routed' as const,
          routedTeamId: team!.id,
        })),
      )
      .returning()
    const os = await db
      .insert(offers)
      .values(refs.map((r) => ({ councilId, familyId: r.familyId, teamId: team!.id, referralId: r.id })))
      .returning()
    offerIds.push(...os.map((o) => o.id))
  }
  return { team: team!, staff, offerIds }
}

// With the 3 demo teams and the contention team, 56 more make 60; the measured one holds 110 children (40 families of 2 or 3) with 8 waiting.
const started = Date.now()
const measured = await addTeam(0, 40, (f) => (f < 30 ? 3 : f < 40 ? 2 : 2), 8)
for (let i = 1; i < 56; i++) await addTeam(i, 40, (f) => 1 + (f % 3), 0)
const contention = await addTeam(99, 0, () => 1, 600, 1000)
const seedSeconds = ((Date.now() - started) / 1000).toFixed(1)
const heldChildren =
  (
    await db
      .select({ id: children.id })
      .from(children)
      .innerJoin(allocations, eq(allocations.familyId, children.familyId))
      .where(eq(allocations.teamId, measured.team.id))
  ).length / 2
const teamCount = (await db.select({ id: teams.id }).from(teams).where(eq(teams.kind, 'family_facing'))).length
// Fresh bulk-loaded tables have no planner statistics yet; autovacuum would gather them in a live
// council. Without this the council view's plan is ~30× slower (measured: 867 ms against 26 ms).
await db.execute(sql`analyze`)
// Direct-contact figures for every team × 12 weeks (what insight and strategy see), in process.
const contactMs: number[] = []
const ffIds = (await db.select({ id: teams.id }).from(teams).where(eq(teams.kind, 'family_facing'))).map((t) => t.id)
let contactPeople = 0
for (let r = 0; r < 30; r++) {
  const t0 = performance.now()
  const members = await teamPractitioners(db, councilId, ffIds)
  const everyone = [...new Set([...members.values()].flat().map((m) => m.personId))]
  const c = await contactWeeks(db, councilId, everyone, 12)
  for (const id of ffIds)
    sumWeeks(
      c.mondays,
      (members.get(id) ?? []).map((m) => c.byPerson.get(m.personId)!),
    )
  sumWeeks(
    c.mondays,
    everyone.map((id) => c.byPerson.get(id)!),
  )
  contactMs.push(performance.now() - t0)
  contactPeople = everyone.length
}
const noteCount = (await db.select({ n: sql<number>`count(*)::int` }).from(notes))[0]!.n
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
await handle.close()

const api = await startApi(url, '{benchboard}')
const practitioner = await signIn(api.address, measured.staff[0]!.email)

// The yardstick, in its own process.
const barePort = await freePort()
const bare = spawn(`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/bench/bare-server.ts`], {
  env: { ...process.env, PORT: String(barePort) },
  stdio: ['ignore', 'ignore', 'inherit'],
})
for (
  let i = 0;
  !(await fetch(`http://127.0.0.1:${barePort}/bare`)
    .then((r) => r.ok)
    .catch(() => false));
  i++
) {
  if (i > 100) throw new Error('bare server did not start')
  await new Promise((r) => setTimeout(r, 100))
}

const DURATION_S = 10
const CONNECTIONS = 10
const bareRun = await autocannon({
  url: `http://127.0.0.1:${barePort}/bare`,
  connections: CONNECTIONS,
  duration: DURATION_S,
})
const boardRun = await autocannon({
  url: `${api.address}/api/teams/${measured.team.id}/board`,
  connections: CONNECTIONS,
  duration: DURATION_S,
  headers: { cookie: practitioner.cookie },
})
// The strategy team's council view over the same 60 teams (computed live on each request).
const strategist = await signIn(api.address, 'strategy@northmoor.example')
const councilRun = await autocannon({
  url: `${api.address}/api/council/overview`,
  connections: CONNECTIONS,
  duration: DURATION_S,
  headers: { cookie: strategist.cookie },
})
const councilTeams = (
  await (await fetch(`${api.address}/api/council/overview`, { headers: { cookie: strategist.cookie } })).json()
).teams.length
// Insight's and strategy's figures week by week: 12 weeks × every team, one statement, no cache.
const figuresRun = await autocannon({
  url: `${api.address}/api/figures/teams?weeks=12`,
  connections: CONNECTIONS,
  duration: DURATION_S,
  headers: { cookie: strategist.cookie },
})
const check = await (
  await fetch(`${api.address}/api/teams/${measured.team.id}/board`, { headers: { cookie: practitioner.cookie } })
).json()
const boardChildren = check.members.reduce((s: number, m: { leadChildren: number }) => s + m.leadChildren, 0)
bare.kill('SIGTERM')

// Claims under contention: 8 practitioners, 16 requests in flight, all after the oldest few families.
const sessions = await Promise.all(contention.staff.map((s) => signIn(api.address, s.email)))
let ok = 0
let refused = 0
let other = 0
const deadline = Date.now() + DURATION_S * 1000
let cursor = 0
await Promise.all(
  Array.from({ length: 16 }, async (_, w) => {
    while (Date.now() < deadline && cursor < contention.offerIds.length) {
      // three workers aim at each family: two of them lose the race
      const offerId = contention.offerIds[Math.min(contention.offerIds.length - 1, cursor + (w % 3))]!
      const s = sessions[w % 8]!
      const res = await fetch(`${api.address}/api/teams/${contention.team.id}/offers/${offerId}/claim`, {
        method: 'POST',
        headers: s.headers,
        body: '{}',
      })
      if (res.status === 200) {
        ok++
        cursor++
      } else if (res.status === 409) refused++
      else other++
      await res.arrayBuffer()
    }
  }),
)
const claimSeconds = Math.min(DURATION_S, (Date.now() - (deadline - DURATION_S * 1000)) / 1000)
const apiRss = rssMb(api.child.pid!)
api.child.kill('SIGTERM')

const ratio = boardRun.requests.average / bareRun.requests.average
const md = `## Team board

Setup: ${teamCount} family-facing teams in one council (seeded in ${seedSeconds} s, then ANALYZE as autovacuum would); the measured team holds ${heldChildren} children (${boardChildren} counted by the board) in 40 families, with 8 families waiting. ${CONNECTIONS} connections for ${DURATION_S} s each.

| measure | requests/s | p50 | p99 |
|---|---|---|---|
| Bare Fastify route (\`GET /bare\`, own process) | ${Math.round(bareRun.requests.average)} | ${bareRun.latency.p50} ms | ${bareRun.latency.p99} ms |
| Team board (\`GET /api/teams/{id}/board\`: session, 5 queries, audit row) | **${Math.round(boardRun.requests.average)}** | ${boardRun.latency.p50} ms | ${boardRun.latency.p99} ms |
| **Ratio board / bare** | **${ratio.toFixed(3)}** (${(1 / ratio).toFixed(0)}× slower) | | |
| Council view (\`GET /api/council/overview\`, ${councilTeams} teams, one aggregate query, no cache: fresh on every request) | ${Math.round(councilRun.requests.average)} | ${councilRun.latency.p50} ms | ${councilRun.latency.p99} ms |
| Team figures over time (\`GET /api/figures/teams?weeks=12\`, ${councilTeams} teams × 12 weeks, one statement and the direct-contact figures, no cache) | ${Math.round(figuresRun.requests.average)} | ${figuresRun.latency.p50} ms | ${figuresRun.latency.p99} ms |

Direct-contact figures alone (${ffIds.length} teams × 12 weeks, ${contactPeople} practitioners, ${noteCount.toLocaleString('en-GB')} notes; working patterns, bank holidays and leave; each team's share and all teams' together), in process, 30 runs: **p50 ${pct(contactMs, 0.5).toFixed(1)} ms, p99 ${pct(contactMs, 0.99).toFixed(1)} ms** (goal: under 300 ms).

Claims under contention (8 practitioners, 16 in flight, three aiming at each family): **${(ok / claimSeconds).toFixed(0)} claims/s** succeeded, ${(refused / claimSeconds).toFixed(0)}/s refused as already taken, ${other} other answers, over ${claimSeconds.toFixed(1)} s. Every claim is one transaction that locks the claimant's membership row and then the offer row.

API process memory (RSS, compiled build) after the run: ${apiRss} MiB.
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/2-board.md`, md)
process.stdout.write(md)
process.exit(0)
