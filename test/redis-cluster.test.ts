import { limit } from '@hearth/test-kit/time'
import { sql } from 'drizzle-orm'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedis } from '@hearth/jobs'
import { type RunningWorker, startWorker } from '@hearth/worker'
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
  type TestApp,
} from '@hearth/test-kit'
import { requireEnv } from '@hearth/test-kit/env'
import { testLogger } from '@hearth/test-kit/log-capture'
import { closeWithin, waitUntil } from '@hearth/test-kit/wait'

/**
 * The cluster tier (issue "Speed and scale"): the API and the worker on a real Redis Cluster
 * (three primaries, three replicas on loopback, started by `npm test`). BULLMQ_PREFIX is a hash
 * tag (`{…}`), so every key of every queue sits in one slot on one primary. That primary is killed
 * mid-run; its replica takes over, and every job still runs, once.
 */
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let practitioner: Awaited<ReturnType<typeof signInAs>>
let familyId: string
let t: TestApp
let worker: RunningWorker
const url = requireEnv('TEST_REDIS_CLUSTER_URL')
const count = async (q: ReturnType<typeof sql>) =>
  ((await dbx.handle.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n

/** The primary serving a key's slot, as host and port. */
async function primaryOf(client: Redis, key: string): Promise<{ host: string; port: number }> {
  const slot = (await client.cluster('KEYSLOT', key)) as number
  const ranges = await client.cluster('SLOTS')
  const range = ranges.find(([from, to]) => slot >= from && slot <= to)!
  const primary = range[2]!
  return { host: primary[0], port: Number(primary[1]) }
}

beforeAll(async () => {
  dbx = await freshDatabase(30)
  t = await buildTestApp(dbx.handle, {}, url)
  const db = dbx.handle.db
  const council = await makeCouncil(db)
  const patch = await makePatch(db, council)
  const team = await makeTeam(db, council, { patch })
  await makeTeam(db, council, { kind: 'enabler' })
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  // a family who needs an interpreter: each home visit makes two tasks
  const family = await makeFamily(db, council, { patch, interpreterNeeded: true, language: 'Polish' })
  await makeChild(db, family)
  await makeAllocation(db, family, team, practitioner.person)
  familyId = family.id
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: url,
    logger: testLogger(),
    prefix: t.prefix,
    relayIntervalMs: 50,
    lockDurationMs: 1500,
    stalledIntervalMs: 500,
    // a job handed to the old primary but not yet copied to its replica is found and sent again
    sweepAfterMs: 2000,
    scheduleSweeps: false,
  })
}, limit(60_000))
afterAll(async () => {
  // a client may still wait on the primary the test killed: closing is bounded, never a hang
  if (worker) await closeWithin(worker.close())
  if (t) await closeWithin(t.close())
  await dbx?.drop()
})

describe('BullMQ on a Redis Cluster', () => {
  it(
    'its primary killed mid-run: the replica takes over and every visit gets its tasks, none twice',
    async () => {
      const s = practitioner
      const admin = createRedis(url)
      const before = await primaryOf(admin, t.prefix)
      const ids: string[] = []
      const book = async (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const v = await s.request('POST', `/api/families/${familyId}/visits`, {
            kind: i % 2 ? 'home_visit' : 'office',
            startsAt: new Date(Date.now() + (10 + i) * 86_400_000).toISOString(),
            place: 'Somewhere',
          })
          expect(v.statusCode, v.body).toBe(201)
          ids.push(v.json().id)
        }
      }
      await book(0, 30)
      const inList = () =>
        sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )
      const tasks = () => count(sql`select count(*)::int as n from admin_tasks where visit_id in (${inList()})`)
      await waitUntil(async () => (await tasks()) >= 5, 30_000, 5)

      // kill the primary holding this prefix's queues, as a crash would
      const node = new Redis({ host: before.host, port: before.port, lazyConnect: true })
      await node.connect()
      const pid = Number(/process_id:(\d+)/.exec(await node.info('server'))![1])
      node.disconnect()
      process.kill(pid, 'SIGKILL')
      // the practitioner goes on booking while the cluster notices and the replica takes over
      await book(30, 60)
      await waitUntil(async () => (await primaryOf(admin, t.prefix).catch(() => before)).port !== before.port, 20_000)

      // home visits: a confirmation and an interpreter (the family needs one); office visits: a
      // confirmation, an interpreter and a room
      const expected = (ids.length / 2) * 2 + (ids.length / 2) * 3
      await waitUntil(async () => (await tasks()) === expected, 60_000, 100)
      const twice = await count(
        sql`select count(*)::int as n from (select visit_id, task_type from admin_tasks
          where visit_id in (${inList()}) group by 1, 2 having count(*) > 1) d`,
      )
      expect(twice).toBe(0)
      admin.disconnect()
    },
    limit(120_000),
  )
})
