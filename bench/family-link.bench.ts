import { createHash, randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { and, eq, sql } from 'drizzle-orm'
import { openDb } from '@hearth/db/client'
import { people, teams } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { seedSyntheticCouncil } from '@hearth/db/seed/synthetic'
import { freshDatabase, signIn, startApi } from './lib'

/**
 * The family's private link (issue "Family voice"): on the synthetic council (2,000 children),
 * 1,000 families each with a link.
 *  - a family opening their page: p50 / p99 of sequential opens;
 *  - staff screens (the team board, My day and a family's page in turn, 8 a second) for 60 s on
 *    their own, then the same for 60 s while 1,000 links are opened a minute: their p99 before and
 *    during, and the links' own latency under that load. Open loop: requests start on a timetable,
 *    whether or not earlier ones have answered, so a slow server shows as latency, not fewer requests.
 */
const { url } = await freshDatabase('hearth_bench_family_link')
const handle = await openDb({ kind: 'postgres', url, poolSize: 5 })
await handle.migrate()
const db = handle.db
const started = Date.now()
const councilId = await seedSyntheticCouncil(db, { children: 2000 })
const [team] = await db
  .select({ id: teams.id })
  .from(teams)
  .where(and(eq(teams.councilId, councilId), eq(teams.name, 'Synth family team 0')))
const [me] = await db
  .select({ id: people.id })
  .from(people)
  .where(and(eq(people.councilId, councilId), eq(people.email, 'synth0.0@synthshire.example')))
const [held] = await db
  .select({ familyId: allocations.familyId })
  .from(allocations)
  .where(and(eq(allocations.councilId, councilId), eq(allocations.teamId, team!.id)))
  .limit(1)
// 1,000 families, each with an adult and a link to them (the tokens kept here only, as a family would)
const LINKS = 1000
await db.execute(sql`insert into adults (council_id, family_id, name)
  select council_id, id, 'Synthparent ' || left(id::text, 4) from families where council_id = ${councilId}
  order by id limit ${LINKS}`)
const tokens: string[] = []
const rows = (
  (await db.execute(
    sql`select a.id, a.family_id from adults a where a.council_id = ${councilId} and a.name like 'Synthparent %' order by a.family_id`,
  )) as unknown as { rows: { id: string; family_id: string }[] }
).rows
for (let i = 0; i < rows.length; i += 200) {
  const part = rows.slice(i, i + 200).map((r) => {
    const token = randomBytes(32).toString('base64url')
    tokens.push(token)
    const hash = createHash('sha256').update(token).digest('hex')
    return sql`(${councilId}, ${r.family_id}, ${r.id}, ${hash}, now() + interval '90 days', ${me!.id})`
  })
  await db.execute(sql`insert into family_links (council_id, family_id, adult_id, token_hash, expires_at, created_by)
    values ${sql.join(part, sql`, `)}`)
}
await db.execute(sql`analyze`)
await handle.close()
const seedSeconds = ((Date.now() - started) / 1000).toFixed(1)

const api = await startApi(url, '{benchlink}', { TRUST_PROXY: 'true' })
const staff = await signIn(api.address, 'synth0.0@synthshire.example')
const staffPaths = [`/api/teams/${team!.id}/board`, '/api/me/day', `/api/families/${held!.familyId}`]
const timed = async (path: string, headers: Record<string, string>) => {
  const s = performance.now()
  const r = await fetch(`${api.address}${path}`, { headers })
  await r.arrayBuffer()
  if (!r.ok) throw new Error(`${path}: ${r.status}`)
  return performance.now() - s
}
// the last two are made expired and revoked below; the rest stay good
const openLink = (i: number) => timed('/api/link', { 'x-family-link': tokens[i % (tokens.length - 2)]! })
const staffRead = (i: number) => timed(staffPaths[i % staffPaths.length]!, { cookie: staff.cookie })

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!

/** Starts `perSecond` requests a second for `seconds`, on a timetable; resolves with each latency. */
async function paced(perSecond: number, seconds: number, send: (i: number) => Promise<number>) {
  const total = Math.round(perSecond * seconds)
  const start = performance.now()
  const all: Promise<number>[] = []
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / perSecond
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    all.push(send(i))
  }
  return Promise.all(all)
}

// warm both paths
for (let i = 0; i < 60; i++) {
  await openLink(i)
  await staffRead(i)
}
// a family opening their page, one after another
const alone: number[] = []
for (let i = 0; i < 500; i++) alone.push(await openLink(i))

// bad tokens of each kind: the same answer, and (this measures it) about the same time
const badTimes: Record<string, number[]> = { expired: [], revoked: [], guessed: [], malformed: [], good: [] }
{
  const h2 = await openDb({ kind: 'postgres', url, poolSize: 1 })
  const hashOf = (t: string) => createHash('sha256').update(t).digest('hex')
  await h2.db.execute(sql`update family_links set expires_at = now() - interval '1 day'
    where council_id = ${councilId} and token_hash = ${hashOf(tokens.at(-2)!)}`)
  await h2.db.execute(sql`update family_links set revoked_at = now(), revoke_reason = 'bench'
    where council_id = ${councilId} and token_hash = ${hashOf(tokens.at(-1)!)}`)
  await h2.close()
  const kinds: [string, () => string][] = [
    ['expired', () => tokens.at(-2)!],
    ['revoked', () => tokens.at(-1)!],
    ['guessed', () => randomBytes(32).toString('base64url')],
    ['malformed', () => `not a token ${randomBytes(4).toString('hex')}`],
  ]
  // each kind and round from its own (forwarded) address, so the per-address limit is never reached
  for (let round = 0; round < 10; round++)
    for (const [kind, make] of kinds) {
      const s0 = performance.now()
      const r = await fetch(`${api.address}/api/link`, {
        headers: {
          'x-family-link': make(),
          'x-forwarded-for': `10.1.${round}.${kinds.findIndex((k) => k[0] === kind)}`,
        },
      })
      await r.arrayBuffer()
      if (r.status !== 404) throw new Error(`${kind}: ${r.status}`)
      badTimes[kind]!.push(performance.now() - s0)
    }
}

// alone, with, alone, with: drift on the machine falls on both sides alike
const SECONDS = 60
const STAFF_PER_SECOND = 10
const LINKS_PER_MINUTE = 1000
const staffAlone: number[] = []
const staffWith: number[] = []
const linksWith: number[] = []
for (let round = 0; round < 2; round++) {
  staffAlone.push(...(await paced(STAFF_PER_SECOND, SECONDS, staffRead)))
  const [s1, l1] = await Promise.all([
    paced(STAFF_PER_SECOND, SECONDS, staffRead),
    paced(LINKS_PER_MINUTE / 60, SECONDS, (i) => openLink(i + 500 + round * 1000)),
  ])
  staffWith.push(...s1)
  linksWith.push(...l1)
}
api.child.kill('SIGTERM')

const p99Ratio = pct(staffWith, 0.99) / pct(staffAlone, 0.99)
const row = (name: string, xs: number[]) =>
  `| ${name} | ${xs.length} | ${pct(xs, 0.5).toFixed(1)} | ${pct(xs, 0.95).toFixed(1)} | ${pct(xs, 0.99).toFixed(1)} |`
const md = `## The family's link

The synthetic council with ${'2,000'} children (built in ${seedSeconds} s), ${tokens.length.toLocaleString('en-GB')} families with a link.
The API in its own process; each family page is one request (\`GET /api/link\`: the token looked
up by its hash, the family's workers, visits, plan and messages, the read audited as the link).

| what | requests | p50 ms | p95 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: |
${row('A family opening their page, one after another', alone)}
${row(`Staff screens alone (board, My day, family page; ${STAFF_PER_SECOND} a second for ${SECONDS} s, twice)`, staffAlone)}
${row(`Staff screens while ${LINKS_PER_MINUTE.toLocaleString('en-GB')} links are opened a minute`, staffWith)}
${row(`The links opened meanwhile (${LINKS_PER_MINUTE.toLocaleString('en-GB')} a minute for ${SECONDS} s, twice)`, linksWith)}

A wrong token of each kind gets the wrong-address 404 after the same one lookup by hash; p50 of
${badTimes.expired!.length} each: expired ${pct(badTimes.expired!, 0.5).toFixed(1)} ms, revoked
${pct(badTimes.revoked!, 0.5).toFixed(1)} ms, guessed ${pct(badTimes.guessed!, 0.5).toFixed(1)} ms, malformed
${pct(badTimes.malformed!, 0.5).toFixed(1)} ms (stated tolerance: within 1 ms of each other at p50 on this machine).

Staff p99 with the links opening is **${p99Ratio.toFixed(2)}×** its p99 alone.
Goals: a family's page p99 under 50 ms; 1,000 links a minute sustained without moving staff
screens' p99 by more than 10 % (one run, both measured).
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/9-family-link.md`, md)
console.log(md)
