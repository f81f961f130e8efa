import { limit } from '@hearth/test-kit/time'
import { testLogger } from '@hearth/test-kit/log-capture'
import type { ChildProcess } from 'node:child_process'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { killWorkerProcess, spawnWorkerProcess } from '@hearth/test-kit/worker-process'
import { adminTasks } from '@hearth/db/schema/enablers'
import { families } from '@hearth/db/schema/families'
import { allocations } from '@hearth/db/schema/team-board'
import { startWorker, type RunningWorker } from '@hearth/worker'
import { makeTestApp, signInAs, type Session, type TestApp } from '@hearth/test-kit/app'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { requireEnv } from '@hearth/test-kit/env'
import { waitUntil } from '@hearth/test-kit/wait'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
let worker: RunningWorker
let practitioner: Session
let _enabler: Session
let heldFamilyId: string

const _tasksOf = (where: ReturnType<typeof sql>) => dbx.handle.db.select().from(adminTasks).where(where)
const count = async (q: ReturnType<typeof sql>) =>
  ((await dbx.handle.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n

beforeAll(async () => {
  dbx = await freshPgDatabase(30)
  seeded = await seedTwoCouncils(dbx.handle, 14)
  t = await makeTestApp(dbx.handle)
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: t.prefix,
    relayIntervalMs: 50,
  })
  practitioner = await signInAs(t.app, 'practitioner@northmoor.example')
  _enabler = await signInAs(t.app, 'enabler@northmoor.example')
  const [held] = await dbx.handle.db
    .select()
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, seeded.a.councilId),
        eq(allocations.personId, practitioner.personId),
        eq(allocations.role, 'lead'),
      ),
    )
  heldFamilyId = held!.familyId
  await dbx.handle.db
    .update(families)
    .set({ interpreterNeeded: true, language: 'Polish' })
    .where(eq(families.id, heldFamilyId))
})
afterAll(async () => {
  await worker.close()
  await t.close()
  await dbx.drop()
})

describe('a worker killed mid-job', () => {
  it(
    'loses no task and makes none twice',
    async () => {
      // The outbox belongs to the database, not to a BullMQ prefix: stop this file's in-process worker
      // first, or it would relay these visits into its own prefix, where the child workers never look.
      await worker.close()
      const quiet = await makeTestApp(dbx.handle)
      const children: ChildProcess[] = []
      try {
        const s = await signInAs(quiet.app, 'practitioner@northmoor.example')
        const ids: string[] = []
        for (let i = 0; i < 60; i++) {
          const v = await s.request('POST', `/api/families/${heldFamilyId}/visits`, {
            kind: i % 2 ? 'home_visit' : 'office',
            startsAt: new Date(Date.now() + (10 + i) * 86_400_000).toISOString(),
            place: 'Somewhere',
          })
          ids.push(v.json().id)
        }
        const start = () => {
          const c = spawnWorkerProcess({
            DATABASE_URL: dbx.url,
            REDIS_URL: requireEnv('TEST_REDIS_URL'),
            BULLMQ_PREFIX: quiet.prefix,
            WORKER_LOCK_MS: '1500',
            WORKER_STALLED_CHECK_MS: '500',
          })
          children.push(c)
          return c
        }
        const first = start()
        const inList = sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )
        await waitUntil(
          async () => (await count(sql`select count(*)::int as n from admin_tasks where visit_id in (${inList})`)) >= 5,
          30_000,
          5,
        )
        await killWorkerProcess(first)
        start()
        // every visit: home visits 1 task (no interpreter? the family needs one: 2), office visits 3 (confirmation, interpreter, room)
        const expected = (ids.length / 2) * 2 + (ids.length / 2) * 3
        await waitUntil(
          async () =>
            (await count(sql`select count(*)::int as n from admin_tasks where visit_id in (${inList})`)) === expected,
          60_000,
          100,
        )
        expect(
          await count(
            sql`select count(*)::int as n from (select visit_id, task_type from admin_tasks where visit_id in (${inList}) group by 1, 2 having count(*) > 1) d`,
          ),
        ).toBe(0)
      } finally {
        for (const c of children) await killWorkerProcess(c)
        await quiet.close()
        worker = await startWorker({
          db: dbx.handle.db,
          redisUrl: requireEnv('TEST_REDIS_URL'),
          logger: testLogger(),
          prefix: t.prefix,
          relayIntervalMs: 50,
        })
      }
    },
    limit(120_000),
  )
})
