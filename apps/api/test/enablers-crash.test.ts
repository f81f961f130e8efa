import { limit } from '@hearth/test-kit/time'
import { testLogger } from '@hearth/test-kit/log-capture'
import type { ChildProcess } from 'node:child_process'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { killWorkerProcess, spawnWorkerProcess } from '@hearth/test-kit/worker-process'
import { startWorker, type RunningWorker } from '@hearth/worker'
import {
  buildTestApp,
  freshDatabase,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  signInAs,
  signInWithEmail,
  type TestApp,
} from '@hearth/test-kit'
import { requireEnv } from '@hearth/test-kit/env'
import { waitUntil } from '@hearth/test-kit/wait'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let worker: RunningWorker
let practitioner: Awaited<ReturnType<typeof signInAs>>
let heldFamilyId: string

const count = async (q: ReturnType<typeof sql>) =>
  ((await dbx.handle.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n

beforeAll(async () => {
  dbx = await freshDatabase(30)
  t = await buildTestApp(dbx.handle)
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: t.prefix,
    relayIntervalMs: 50,
  })
  const db = dbx.handle.db
  const council = await makeCouncil(db)
  const patch = await makePatch(db, council)
  const team = await makeTeam(db, council, { patch })
  await makeTeam(db, council, { kind: 'enabler' })
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  // a family who needs an interpreter: every visit also books one
  const family = await makeFamily(db, council, { patch, interpreterNeeded: true, language: 'Polish' })
  await makeChild(db, family)
  await makeAllocation(db, family, team, practitioner.person)
  heldFamilyId = family.id
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
      const quiet = await buildTestApp(dbx.handle)
      const children: ChildProcess[] = []
      try {
        const s = await signInWithEmail(quiet.app, practitioner.person.email)
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
