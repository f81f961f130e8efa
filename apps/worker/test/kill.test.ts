import { limit } from '@hearth/test-kit/time'
import type { ChildProcess } from 'node:child_process'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { offers, referrals } from '@hearth/db/schema/referrals'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePatch,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'
import { requireEnv } from '@hearth/test-kit/env'
import { waitUntil } from '@hearth/test-kit/wait'
import { killWorkerProcess, spawnWorkerProcess } from '@hearth/test-kit/worker-process'

const N = 240

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
const children: ChildProcess[] = []

/** The stand-alone worker as its own process, as in production. */
function startWorkerProcess(): ChildProcess {
  const child = spawnWorkerProcess({
    DATABASE_URL: dbx.url,
    REDIS_URL: requireEnv('TEST_REDIS_URL'),
    BULLMQ_PREFIX: t.prefix,
    WORKER_LOCK_MS: '1500',
    WORKER_STALLED_CHECK_MS: '500',
  })
  children.push(child)
  return child
}

const count = async (q: ReturnType<typeof sql>) =>
  ((await dbx.handle.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n

beforeAll(async () => {
  dbx = await freshDatabase(10)
  t = await buildTestApp(dbx.handle)
  // three patches covering NM1 to NM6, each with its team: every referral has a team to go to
  council = await makeCouncil(dbx.handle.db)
  for (let i = 0; i < 3; i++) {
    const patch = await makePatch(dbx.handle.db, council, { postcodeAreas: [`NM${2 * i + 1}`, `NM${2 * i + 2}`] })
    await makeTeam(dbx.handle.db, council, { patch })
  }
})
afterAll(async () => {
  for (const c of children) await killWorkerProcess(c)
  await t.close()
  await dbx.drop()
})

describe('a worker killed mid-job', () => {
  it(
    'and restarted still delivers exactly one offer per referral',
    async () => {
      const officer = await signInAs(t.app, dbx.handle.db, council, 'referral_officer')
      // N decided referrals, waiting in the outbox (no worker is running yet).
      for (let i = 0; i < N; i++) {
        const r = await officer.request('POST', '/api/referrals', {
          receivedAt: new Date(Date.now() - 3600_000).toISOString(),
          source: '6',
          referrerName: 'Police (invented)',
          worries: `Crash-test referral number ${i}.`,
          family: {
            name: `Crashtest ${i} family`,
            addressLine1: `${i} Test Row`,
            town: 'Northmoor',
            postcode: `NM${(i % 6) + 1} ${(i % 9) + 1}AB`,
          },
          children: [{ firstName: 'Crash', lastName: `Test${i}`, dateOfBirth: '2015-05-05', sex: 'U' }],
        })
        expect(r.statusCode).toBe(201)
        const d = await officer.request('POST', `/api/referrals/${r.json().id}/decision`, {
          decision: 'assessment',
          reasons: 'Crash test: this needs a team.',
          primaryNeedCode: 'N0',
        })
        expect(d.statusCode).toBe(200)
      }
      expect(await count(sql`select count(*)::int as n from referrals where routing_status = 'queued'`)).toBe(N)

      const first = startWorkerProcess()
      await waitUntil(async () => (await count(sql`select count(*)::int as n from offers`)) >= 20, 30_000, 5)
      await killWorkerProcess(first)
      const atKill = await count(sql`select count(*)::int as n from offers`)
      expect(atKill).toBeLessThan(N) // it really died part-way

      startWorkerProcess()
      await waitUntil(
        async () => (await count(sql`select count(*)::int as n from referrals where routing_status = 'routed'`)) === N,
        60_000,
        100,
      )
      expect(await count(sql`select count(*)::int as n from offers`)).toBe(N)
      expect(
        await count(
          sql`select count(*)::int as n from (select referral_id from offers group by referral_id having count(*) > 1) d`,
        ),
      ).toBe(0)
      expect(await count(sql`select count(*)::int as n from outbox where dispatched_at is null`)).toBe(0)
      // every referral's recorded team is the team its offer went to
      const mismatched = await dbx.handle.db
        .select({ id: referrals.id })
        .from(referrals)
        .innerJoin(offers, eq(offers.referralId, referrals.id))
        .where(sql`${referrals.routedTeamId} <> ${offers.teamId}`)
      expect(mismatched).toEqual([])
    },
    limit(120_000),
  )
})
