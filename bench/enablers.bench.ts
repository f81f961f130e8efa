import { writeFileSync } from 'node:fs'
import { Queue, Worker } from 'bullmq'
import { and, eq, sql } from 'drizzle-orm'
import pino from 'pino'
import { openDb } from '@hearth/db/client'
import { people } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { visits } from '@hearth/db/schema/visits'
import { seedDemoCouncil } from '@hearth/db/seed/demo'
import { enqueueInTx } from '@hearth/jobs'
import { startWorker } from '@hearth/worker'
import { createRedis } from '@hearth/jobs'
import { freshDatabase } from './lib'

/**
 * Enabler queue figures (issue "Enabler admin queues"): how fast work goes from a committed action
 * (a visit booked, its outbox row written) to tasks visible in the queue, against raw BullMQ on the
 * same Redis in the same run. Both run in this process with the same worker concurrency.
 */
const N = 2000
const CONCURRENCY = 8
const redisUrl = process.env.BENCH_REDIS_URL!

// 1. Raw BullMQ: N no-op jobs through one queue.
const conn = createRedis(redisUrl)
const raw = new Queue('bench-raw', { connection: conn, prefix: '{benchraw}' })
await raw.obliterate({ force: true })
let rawDone = 0
const rawStart = Date.now()
const rawWorker = new Worker('bench-raw', async () => {}, {
  connection: createRedis(redisUrl),
  prefix: '{benchraw}',
  concurrency: CONCURRENCY,
})
const allRaw = new Promise<void>((resolve) => rawWorker.on('completed', () => ++rawDone === N && resolve()))
await raw.addBulk(Array.from({ length: N }, (_, i) => ({ name: 'noop', data: { i } })))
await allRaw
const rawSeconds = (Date.now() - rawStart) / 1000
await rawWorker.close()
await raw.close()

// 2. Hearth: N visits already committed with their outbox rows, then the worker starts.
const { url } = await freshDatabase('hearth_bench_enablers')
const handle = await openDb({ kind: 'postgres', url, poolSize: 10 })
await handle.migrate()
await seedDemoCouncil(handle.db)
const [priya] = await handle.db.select().from(people).where(eq(people.email, 'practitioner@northmoor.example'))
const [held] = await handle.db
  .select()
  .from(allocations)
  .where(and(eq(allocations.personId, priya!.id), eq(allocations.role, 'lead')))
// the demo's own tasks out of the way (and what points at them: a family's complaint)
await handle.db.execute(sql`truncate admin_tasks cascade`)
for (let i = 0; i < N; i += 500) {
  await handle.db.transaction(async (tx) => {
    const rows = await tx
      .insert(visits)
      .values(
        Array.from({ length: Math.min(500, N - i) }, (_, j) => ({
          councilId: held!.councilId,
          familyId: held!.familyId,
          teamId: held!.teamId,
          kind: 'home_visit',
          startsAt: new Date(Date.now() + (i + j + 1) * 3600_000),
          place: 'At home',
          attendeeIds: [priya!.id],
          interpreterNeeded: false,
          bookedBy: priya!.id,
        })),
      )
      .returning({ id: visits.id })
    for (const r of rows)
      await enqueueInTx(tx, held!.councilId, 'admin.tasks', {
        councilId: held!.councilId,
        trigger: 'visit.booked',
        subjectId: r.id,
      })
  })
}
const started = Date.now()
const worker = await startWorker({
  db: handle.db,
  redisUrl,
  logger: pino({ level: 'silent' }),
  prefix: '{benchenablers}',
  concurrency: CONCURRENCY,
  relayIntervalMs: 50,
})
for (;;) {
  const n = (
    (await handle.db.execute(sql`select count(*)::int as n from admin_tasks`)) as unknown as { rows: { n: number }[] }
  ).rows[0]!.n
  if (n >= N) break
  await new Promise((r) => setTimeout(r, 50))
}
const hearthSeconds = (Date.now() - started) / 1000
await worker.close()
await handle.close()
conn.disconnect()

const rawRate = N / rawSeconds
const hearthRate = N / hearthSeconds
const md = `## Enabler admin queues

${N} jobs each way, worker concurrency ${CONCURRENCY}, same Redis, same run, both in the benchmark process.

| measure | jobs/s |
|---|---|
| Raw BullMQ: no-op jobs added with \`addBulk\` and processed | ${Math.round(rawRate)} |
| Hearth: committed visit → outbox relay → BullMQ → handler creates its task (PostgreSQL transaction, unique source key) → visible in the queue | **${Math.round(hearthRate)}** |
| **Ratio Hearth / raw BullMQ** | **${(hearthRate / rawRate).toFixed(3)}** |

The difference is the work itself: each job reads the visit, looks up the council's setting and inserts
its task in a PostgreSQL transaction, and the relay moves outbox rows in batches of 200.
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/3-enablers.md`, md)
process.stdout.write(md)
process.exit(0)
