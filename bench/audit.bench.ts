// takes: about 20 minutes (50 million rows)
import { writeFileSync } from 'node:fs'
import pg from 'pg'
import { openDb } from '@hearth/db/client'
import { seedDemoCouncil } from '@hearth/db/seed/demo'
import { freshDatabase, rssMb, signIn, startApi } from './lib'

/**
 * The audit trail at England's scale for one database server (issue "Speed and scale"): 50
 * million generated rows over twelve months in the month-by-month table (migration 0038), five
 * councils, then the administrator's searches through the API (compiled build, its own process):
 * newest first, by person, by child, a week's dates, and ten pages deep. Goal: every search under
 * 200 ms.
 */
const TOTAL = Number(process.env.BENCH_AUDIT_ROWS ?? 50_000_000)
const MONTHS = 12
const COUNCILS = 5
const ACTORS = 500
const CHILDREN = 8000
const RUNS = 40

const { url, version } = await freshDatabase('hearth_bench_audit')
const handle = await openDb({ kind: 'postgres', url, poolSize: 2 })
await handle.migrate()
const seeded = await seedDemoCouncil(handle.db)
const demoCouncil = seeded!.councilId
const client = new pg.Client({ connectionString: url })
await client.connect()

// Five councils (the demo one first), each with its people and children as ids to draw from.
const councilIds = [demoCouncil]
for (let i = 1; i < COUNCILS; i++) {
  const r = await client.query(`insert into councils (name, la_code) values ($1, $2) returning id`, [
    `Bench council ${i}`,
    String(900 + i),
  ])
  councilIds.push(r.rows[0].id)
}
const demoPeople = (
  await client.query('select id from people where council_id = $1 order by id', [demoCouncil])
).rows.map((r) => r.id as string)
const demoChildren = (
  await client.query('select id from children where council_id = $1 order by id', [demoCouncil])
).rows.map((r) => r.id as string)
await client.query(`create unlogged table bench_ids (council int, council_id uuid, actors uuid[], children uuid[])`)
for (let c = 0; c < COUNCILS; c++) {
  // the demo council's real people and children first, so the API's searches find them
  await client.query(
    `insert into bench_ids select $1, $6,
       $2::uuid[] || array(select gen_random_uuid() from generate_series(1, $4 - cardinality($2::uuid[]))),
       $3::uuid[] || array(select gen_random_uuid() from generate_series(1, $5 - cardinality($3::uuid[])))`,
    [c, c === 0 ? demoPeople : [], c === 0 ? demoChildren : [], ACTORS, CHILDREN, councilIds[c]],
  )
}

// Twelve months ending this one. Each month is loaded as a table of its own, its indexes built
// once it is full, then attached as that month (what a restore of archived months does); two at a
// time, one per core. Ids rise with time across the months, as they do when rows are written.
const now = new Date()
const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1))
const perMonth = Math.floor(TOTAL / MONTHS)
const CHUNK = 1_000_000
const ymd = (d: Date) => d.toISOString()
async function loadMonth(c: pg.Client, m: number) {
  const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1))
  const to = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m + 1, 1))
  const span = Math.min(to.getTime(), now.getTime()) - from.getTime()
  const name = `audit_events_y${ymd(from).slice(0, 4)}m${ymd(from).slice(5, 7)}`
  await c.query(`drop table if exists ${name}`)
  await c.query(`create table ${name} (like audit_events including defaults)`)
  for (let done = 0; done < perMonth; done += CHUNK) {
    const n = Math.min(CHUNK, perMonth - done)
    // a read of a child mostly, of a family one time in ten; staff and children drawn in turn
    await c.query(
      `insert into ${name} (id, council_id, at, actor_person_id, action, record_type, record_id,
          family_id, child_id, route, method, request_id)
        select $6::bigint + g, b.council_id,
          $1::timestamptz + (($2::bigint + g - 1) * $3::double precision / $4) * interval '1 millisecond',
          b.actors[1 + ((g / ${COUNCILS}) * 7 % ${ACTORS})],
          case when g % 10 = 0 then 'family.read' else 'child.read' end,
          case when g % 10 = 0 then 'family' else 'child' end,
          b.children[1 + ((g / ${COUNCILS}) * 7919 % ${CHILDREN})]::text,
          null,
          b.children[1 + ((g / ${COUNCILS}) * 7919 % ${CHILDREN})],
          '/api/children/:id', 'GET', null
        from generate_series(1, $5::int) g
        join bench_ids b on b.council = g % ${COUNCILS}`,
      [from, done, span, perMonth, n, m * perMonth + done],
    )
  }
  await c.query(`alter table ${name} add primary key (id, at)`)
  for (const cols of [
    'council_id, id',
    'council_id, actor_person_id, id',
    'council_id, child_id, id',
    'council_id, family_id, id',
  ])
    await c.query(`create index on ${name} (${cols})`)
  await c.query(`alter table ${name} add constraint in_month check (at >= '${ymd(from)}' and at < '${ymd(to)}')`)
  await c.query(`alter table audit_events attach partition ${name} for values from ('${ymd(from)}') to ('${ymd(to)}')`)
  await c.query(`alter table ${name} drop constraint in_month`)
  process.stdout.write(`audit bench: ${name} loaded\n`)
}
const loadStarted = performance.now()
const second = new pg.Client({ connectionString: url })
await second.connect()
let next = 0
await Promise.all(
  [client, second].map(async (c) => {
    for (let m = next++; m < MONTHS; m = next++) await loadMonth(c, m)
  }),
)
await second.end()
await client.query(`select setval('audit_events_id_seq', $1)`, [MONTHS * perMonth + 1])
// the months ahead, and their guard against TRUNCATE, as the sweep makes them
await client.query('select hearth_audit_partitions()')
const loadS = (performance.now() - loadStarted) / 1000
await client.query('vacuum analyze audit_events')
const count = Number((await client.query('select count(*) from audit_events')).rows[0].count)
const size = (
  await client.query(
    `select pg_size_pretty(sum(pg_total_relation_size(c.oid))) as s from pg_inherits i
       join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_events'::regclass`,
  )
).rows[0].s as string
const parts = Number(
  (await client.query(`select count(*) from pg_inherits where inhparent = 'audit_events'::regclass`)).rows[0].count,
)
await client.end()
await handle.close()

const api = await startApi(url, '{benchaudit}')
const admin = await signIn(api.address, 'admin@northmoor.example')
const person = demoPeople[3]!
const child = demoChildren[5]!
const weekFrom = new Date(now.getTime() - 40 * 86_400_000).toISOString().slice(0, 10)
const weekTo = new Date(now.getTime() - 34 * 86_400_000).toISOString().slice(0, 10)

async function time(path: string): Promise<{ ms: number; body: { events: unknown[]; nextBefore: number | null } }> {
  const t0 = performance.now()
  const res = await fetch(`${api.address}${path}`, { headers: { cookie: admin.cookie } })
  const body = (await res.json()) as { events: unknown[]; nextBefore: number | null }
  const ms = performance.now() - t0
  if (!res.ok) throw new Error(`${path} answered ${res.status}`)
  return { ms, body }
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!

const searches: [string, () => Promise<{ ms: number; found: number }>][] = [
  [
    'Newest first, the whole council (a page of 100)',
    async () => {
      const r = await time('/api/audit')
      return { ms: r.ms, found: r.body.events.length }
    },
  ],
  [
    'One member of staff (a page of 100)',
    async () => {
      const r = await time(`/api/audit?personId=${person}`)
      return { ms: r.ms, found: r.body.events.length }
    },
  ],
  [
    'One child (a page of 100)',
    async () => {
      const r = await time(`/api/audit?childId=${child}`)
      return { ms: r.ms, found: r.body.events.length }
    },
  ],
  [
    'A week, five weeks ago (a page of 100)',
    async () => {
      const r = await time(`/api/audit?from=${weekFrom}&to=${weekTo}`)
      return { ms: r.ms, found: r.body.events.length }
    },
  ],
  [
    'One member of staff over a week',
    async () => {
      const r = await time(`/api/audit?personId=${person}&from=${weekFrom}&to=${weekTo}`)
      return { ms: r.ms, found: r.body.events.length }
    },
  ],
  [
    'Ten pages deep, newest first (the tenth page)',
    async () => {
      let before: number | null = null
      let total = 0
      let found = 0
      for (let i = 0; i < 10; i++) {
        const r = await time(`/api/audit${before ? `?before=${before}` : ''}`)
        before = r.body.nextBefore
        total = r.ms
        found = r.body.events.length
      }
      return { ms: total, found }
    },
  ],
]
const rows: string[] = []
let worst = 0
for (const [label, run] of searches) {
  await run() // warm
  const ms: number[] = []
  let found = 0
  for (let i = 0; i < RUNS; i++) {
    const r = await run()
    ms.push(r.ms)
    found = r.found
  }
  worst = Math.max(worst, pct(ms, 0.99))
  rows.push(
    `| ${label} | ${found} | ${pct(ms, 0.5).toFixed(1)} | ${pct(ms, 0.95).toFixed(1)} | ${pct(ms, 0.99).toFixed(1)} |`,
  )
}
const apiRss = rssMb(api.child.pid!)
api.child.kill('SIGTERM')

const section = `## The audit trail at 50 million rows

${count.toLocaleString('en-GB')} rows over ${MONTHS} months in ${COUNCILS} councils (${ACTORS} staff
and ${CHILDREN.toLocaleString('en-GB')} children each), one table a month (${parts} tables with the
default and the months ahead; ${size} with indexes), loaded in ${Math.round(loadS)} s
(${Math.round(count / loadS).toLocaleString('en-GB')} rows/s), then \`VACUUM ANALYZE\`. The searches
through the API (compiled, its own process; PostgreSQL ${version}), ${RUNS} of each after one to warm;
each is audited as it runs.

| search | rows found | p50 ms | p95 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Goal: every search under 200 ms at 50 million rows — ${worst < 200 ? '**met**' : '**not met**'} (worst
p99 ${worst.toFixed(1)} ms). A search reads a council's newest rows by id from each month's index
(by person, child or family when asked) and stops at a page; a date range skips the months outside
it. API memory after: ${apiRss} MiB. The server's page cache held most of the months searched (a
colder cache reads more from disk: each search touches a few index pages per month).
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/12-audit.md`, section)
process.stdout.write(section)
process.exit(0)
