import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { openDb } from '@hearth/db/client'
import { program } from './lib'

/**
 * Referral front door figures (issue "Referral front door"):
 *  - intake: requests per second and latency for POST /api/referrals (new family, one child);
 *  - decided → on the team's board: median and p99 over 1,000 referrals.
 * The API and the worker run as their own processes, as in production; this process only loads.
 */
const base = process.env.BENCH_DATABASE_URL!
const redisUrl = process.env.BENCH_REDIS_URL!
const prefix = '{bench}'

const admin = new pg.Client({ connectionString: base })
await admin.connect()
await admin.query('drop database if exists hearth_bench with (force)')
await admin.query('create database hearth_bench')
const pgVersion = (await admin.query('show server_version')).rows[0].server_version as string
await admin.end()
const url = new URL(base)
url.pathname = '/hearth_bench'

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
const port = await freePort()
const address = `http://127.0.0.1:${port}`
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  REDIS_URL: redisUrl,
  BULLMQ_PREFIX: prefix,
  LOG_LEVEL: 'error',
  NODE_ENV: 'production',
  COOKIE_SECURE: 'false',
  SEED_DEMO: 'true',
  PORT: String(port),
  RUN_WORKER_IN_PROCESS: 'false',
}
const api = spawn(...program('api'), {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
})
for (let i = 0; ; i++) {
  const ok = await fetch(`${address}/health/ready`)
    .then((r) => r.ok)
    .catch(() => false)
  if (ok) break
  if (i > 300) throw new Error('the API did not start')
  await new Promise((r) => setTimeout(r, 200))
}
const handle = await openDb({ kind: 'postgres', url: url.toString(), poolSize: 2 })
/** Resident memory of a child process, from /proc. */
const rssOf = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024)
const apiPids = () => {
  // the process and any it started
  const children = readFileSync(`/proc/${api.pid}/task/${api.pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
  return [api.pid!, ...children]
}

const signIn = await fetch(`${address}/api/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'referrals@northmoor.example', password: 'hearth-demo-2026' }),
})
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
const me = await (await fetch(`${address}/api/auth/me`, { headers: { cookie } })).json()
const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }

let n = 0
const referralBody = () => {
  n++
  return JSON.stringify({
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    source: process.env.BENCH_SOURCE ?? '2A',
    referrerName: 'Bench school (invented)',
    worries: `Benchmark referral ${n}: worries in the referrer's words.`,
    family: {
      name: `Benchmark ${n} family`,
      addressLine1: `${n} Bench Row`,
      town: 'Northmoor',
      postcode: `NM${(n % 6) + 1} ${(n % 9) + 1}AB`,
    },
    children: [{ firstName: 'Bench', lastName: `Child${n}`, dateOfBirth: '2016-01-01', sex: 'U' }],
  })
}

// The worker runs all along, in its own process, as in production.
const worker = spawn(...program('worker'), {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
})
await new Promise((r) => setTimeout(r, 3000))

// 1. Intake throughput
const DURATION_S = 10
const CONNECTIONS = 10
const intake = await autocannon({
  url: address,
  connections: CONNECTIONS,
  duration: DURATION_S,
  requests: [
    {
      method: 'POST',
      path: '/api/referrals',
      headers,
      setupRequest: ((req: object) => ({
        ...req,
        body: referralBody(),
        headers: { ...headers, 'idempotency-key': randomUUID() },
      })) as never,
    },
  ],
})
const non2xx = intake.non2xx

// 2. Decided → on board. Let the acknowledgements intake queued drain first (steady state).
for (;;) {
  const left = (
    (await handle.db.execute(
      sql`select (select count(*) from outbox where dispatched_at is null) + (select count(*) from referrals r where r.worries like 'Benchmark referral%' and r.source not in ('1A','1B','1C','1D','9','10') and not exists (select 1 from admin_tasks t where t.referral_id = r.id)) as n`,
    )) as unknown as { rows: { n: number }[] }
  ).rows[0]!.n
  if (Number(left) === 0) break
  await new Promise((r) => setTimeout(r, 200))
}
const awaiting = (
  (await handle.db.execute(
    sql`select id from referrals where status = 'awaiting_decision' and worries like 'Benchmark referral%' order by received_at limit 1000`,
  )) as unknown as { rows: { id: string }[] }
).rows
const DECISIONS = awaiting.length
const started = Date.now()
let next = 0
await Promise.all(
  Array.from({ length: 10 }, async () => {
    while (next < awaiting.length) {
      const id = awaiting[next++]!.id
      const res = await fetch(`${address}/api/referrals/${id}/decision`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          decision: 'assessment',
          reasons: 'Benchmark: this family needs an assessment.',
          primaryNeedCode: 'N0',
        }),
      })
      if (!res.ok) throw new Error(`decision failed: ${res.status} ${await res.text()}`)
    }
  }),
)
const decideSeconds = (Date.now() - started) / 1000
for (;;) {
  const left = (
    (await handle.db.execute(
      sql`select count(*)::int as n from referrals where routing_status = 'queued'`,
    )) as unknown as { rows: { n: number }[] }
  ).rows[0]!.n
  if (left === 0) break
  await new Promise((r) => setTimeout(r, 100))
}
const latency = (
  (await handle.db.execute(sql`select
    percentile_cont(0.5) within group (order by extract(epoch from routed_at - decided_at) * 1000) as p50,
    percentile_cont(0.99) within group (order by extract(epoch from routed_at - decided_at) * 1000) as p99,
    max(extract(epoch from routed_at - decided_at) * 1000) as max,
    count(*)::int as n
  from referrals where routing_status = 'routed' and worries like 'Benchmark referral%'`)) as unknown as {
    rows: { p50: number; p99: number; max: number; n: number }[]
  }
).rows[0]!
const rssMb = apiPids().reduce((sum, pid) => sum + rssOf(pid), 0)

worker.kill('SIGTERM')
api.kill('SIGTERM')
await handle.close()

const md = `## Referral front door

| measure | result |
|---|---|
| Intake: \`POST /api/referrals\` (new family and child, audit rows, idempotency key), ${CONNECTIONS} connections for ${DURATION_S} s | **${Math.round(intake.requests.average)} requests/s**, latency p50 ${intake.latency.p50} ms, p99 ${intake.latency.p99} ms (${intake.requests.total} referrals, ${non2xx} not 2xx) |
| Decisions: \`POST /api/referrals/{id}/decision\`, 10 at a time | ${DECISIONS} decisions in ${decideSeconds.toFixed(1)} s (${Math.round(DECISIONS / decideSeconds)}/s) |
| Decided → on the team's board (decision committed → offer committed), over ${latency.n} referrals | **median ${Math.round(latency.p50)} ms, p99 ${Math.round(latency.p99)} ms**, worst ${Math.round(latency.max)} ms |
| API process memory (RSS, compiled build) after the run | ${rssMb} MiB |

How the family reaches the board: the decision writes an outbox row in its transaction and nudges
the worker over Redis; the worker relays it into BullMQ (\`hearth-routing\`), routes it in one
transaction and publishes a live event. Without the nudge, the relay's 500 ms poll bounds the wait.
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/1-referrals.md`, md)
writeFileSync(`${process.env.BENCH_OUT_DIR}/versions.txt`, pgVersion)
process.stdout.write(md)
process.exit(0)
