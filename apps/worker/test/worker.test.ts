import { testLogger } from '@hearth/test-kit/log-capture'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditExports } from '@hearth/db/schema/audit'
import { outbox } from '@hearth/db/schema/jobs'
import { enqueueInTx, QUEUES, relayOutbox } from '@hearth/jobs'
import { taskRules } from '../src/jobs/enablers/task-rules'
import { assertHandlersComplete, loadHandlers, startWorker, type RunningWorker } from '../src/index'
import { buildTestApp, type Council, freshDatabase, makeCouncil, signInAs, type TestApp } from '@hearth/test-kit'
import { requireEnv } from '@hearth/test-kit/env'
import { waitUntil } from '@hearth/test-kit/wait'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let other: Council
let worker: RunningWorker
let admin: Awaited<ReturnType<typeof signInAs>>
let adminB: Awaited<ReturnType<typeof signInAs>>

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  council = await makeCouncil(dbx.handle.db)
  other = await makeCouncil(dbx.handle.db)
  worker = await startWorker({
    db: dbx.handle.guarded,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: t.prefix,
    relayIntervalMs: 100,
  })
  admin = await signInAs(t.app, dbx.handle.db, council, 'administrator')
  // the other council's administrator signs in: activity that must stay out of this council's export
  adminB = await signInAs(t.app, dbx.handle.db, other, 'administrator')
})
afterAll(async () => {
  await worker.close()
  await t.close()
  await dbx.drop()
})

describe('jobs', () => {
  it('each admin-task trigger has one rule, owned by the capability whose action it is', async () => {
    const rules = await taskRules()
    expect(Object.keys(rules).sort()).toEqual([
      'insight.session_booked',
      'referral.received',
      'visit.booked',
      'visit.moved',
      'workers.changed',
    ])
  })

  it('every job has exactly one handler, found in jobs/<capability>/*.handler.ts (checked at boot)', async () => {
    const handlers = await loadHandlers()
    expect(Object.keys(handlers).sort()).toEqual([
      'admin.tasks',
      'annex.produce',
      'audit.export',
      'audit.partitions',
      'census.produce',
      'clocks.sweep',
      'record.export',
      'record.exports_expire',
      'referral.open_case_alert',
      'referral.route',
    ])
    expect(() => assertHandlersComplete(handlers)).not.toThrow()
    expect(() => assertHandlersComplete({})).toThrow(
      /missing \[audit.export, referral.route, admin.tasks, referral.open_case_alert, annex.produce, census.produce, record.export, clocks.sweep, audit.partitions, record.exports_expire\]/,
    )
    expect(() => assertHandlersComplete({ 'audit.export': {}, 'made.up': {} })).toThrow(/unknown \[made.up\]/)
  })

  it('an audit export goes from request, through the outbox and BullMQ, to a CSV the administrator downloads', async () => {
    await signInAs(t.app, dbx.handle.db, council, 'practitioner', { name: 'Priya Practitioner' }) // activity to export
    const res = await admin.request('POST', '/api/audit/exports', {})
    expect(res.statusCode).toBe(202)
    expect(res.json().status).toBe('queued')
    const id = res.json().id
    await waitUntil(
      async () =>
        (await admin.request('GET', '/api/audit/exports')).json().find((e: { id: string }) => e.id === id)?.status ===
        'done',
      10_000,
    )
    const csv = await admin.request('GET', `/api/audit/exports/${id}/download`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    const lines = csv.body.trim().split('\n')
    expect(lines[0]).toBe('at,actor_person_id,action,record_type,record_id,family_id,child_id,method,route,request_id')
    expect(lines.some((l) => l.includes('auth.sign_in'))).toBe(true)
    // ids only: no names or emails in the export
    expect(csv.body).not.toMatch(/@test\.example|Priya/)
    // the other council's activity is not in it
    expect(csv.body).toContain(admin.personId)
    expect(csv.body).not.toContain(adminB.personId)
    const [row] = await dbx.handle.db.select().from(auditExports).where(eq(auditExports.id, id))
    expect(row!.rowCount).toBe(lines.length - 1)
    const [pending] = (await dbx.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(sql`dispatched_at is null`)) as [{ n: number }]
    expect(pending.n).toBe(0)
  })

  it('an outbox row handed over twice (crash between add and mark) is still one job', async () => {
    const jobId = await dbx.handle.db.transaction((tx) =>
      enqueueInTx(tx, council.id, 'audit.export', {
        councilId: council.id,
        exportId: '00000000-0000-4000-8000-000000000001',
      }),
    )
    await worker.relayNow()
    // pretend the mark was lost
    await dbx.handle.db.update(outbox).set({ dispatchedAt: null }).where(eq(outbox.id, jobId))
    await relayOutbox(dbx.handle.db, worker.queues)
    const counts = await worker.queues[QUEUES.default].getJobCounts()
    const all = Object.values(counts).reduce((a, b) => a + b, 0)
    const job = await worker.queues[QUEUES.default].getJob(jobId)
    expect(job).toBeTruthy()
    const jobs = await worker.queues[QUEUES.default].getJobs(['completed', 'waiting', 'active', 'delayed', 'failed'])
    expect(jobs.filter((j) => j.id === jobId)).toHaveLength(1)
    expect(all).toBeGreaterThan(0)
  })

  it('a job that fails every retry lands on the dead-letter list, marks its export failed, and can be run again', async () => {
    // An export whose filters cannot be read: the handler throws on every attempt.
    const [exp] = await dbx.handle.db
      .insert(auditExports)
      .values({ councilId: council.id, requestedBy: admin.personId, filters: { from: 'not-a-date' } })
      .returning()
    await worker.queues[QUEUES.default].add(
      'audit.export',
      { councilId: council.id, exportId: exp!.id },
      { jobId: `broken-${exp!.id}`, attempts: 2, backoff: { type: 'fixed', delay: 10 } },
    )
    await waitUntil(async () => (await admin.request('GET', '/api/admin/dead-letters')).json().length > 0, 10_000)
    const dead = (await admin.request('GET', '/api/admin/dead-letters')).json()
    expect(dead[0]).toMatchObject({
      queue: 'hearth-default',
      jobId: `broken-${exp!.id}`,
      name: 'audit.export',
      attemptsMade: 2,
    })
    expect(dead[0].failedReason).toBeTruthy()
    // codes only: a failed query's text (which carries its parameters) never reaches the list
    expect(dead[0].failedReason).not.toMatch(/Failed query|params:/)
    await waitUntil(
      async () =>
        (await dbx.handle.db.select().from(auditExports).where(eq(auditExports.id, exp!.id)))[0]!.status === 'failed',
      5_000,
    )
    // another council's administrator does not see it and cannot retry it
    expect((await adminB.request('GET', '/api/admin/dead-letters')).json()).toEqual([])
    expect(
      (await adminB.request('POST', `/api/admin/dead-letters/hearth-default/broken-${exp!.id}/retry`)).statusCode,
    ).toBe(404)
    // fix the cause, run it again: it completes and leaves the list
    await dbx.handle.db.update(auditExports).set({ filters: {} }).where(eq(auditExports.id, exp!.id))
    const retry = await admin.request('POST', `/api/admin/dead-letters/hearth-default/broken-${exp!.id}/retry`)
    expect(retry.statusCode).toBe(200)
    await waitUntil(
      async () =>
        (await dbx.handle.db.select().from(auditExports).where(eq(auditExports.id, exp!.id)))[0]!.status === 'done',
      10_000,
    )
    expect((await admin.request('GET', '/api/admin/dead-letters')).json()).toEqual([])
  })
})
