import { limit } from '@hearth/test-kit/time'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fleet, HOME_SERVER } from '@hearth/db/fleet'
import { confirmMove, moveCouncil, placeCouncil } from '@hearth/db/move-council'
import { families } from '@hearth/db/schema/families'
import { allocations } from '@hearth/db/schema/team-board'
import { seedDemoCouncil, type SeededCouncil } from '@hearth/db/seed/demo'
import { type RunningWorker, startWorker } from '@hearth/worker'
import { makeTestApp, signInAs, type Session, type TestApp } from '@hearth/test-kit/app'
import { testPasswordHash } from '@hearth/test-kit/db'
import { requireEnv } from '@hearth/test-kit/env'
import { TEMPLATE_DB, withDatabase } from '@hearth/test-kit/global-setup'
import { testLogger } from '@hearth/test-kit/log-capture'
import { waitUntil } from '@hearth/test-kit/wait'

/**
 * Councils on a fleet of PostgreSQL servers (issue "Speed and scale"), on two real servers started
 * by `npm test`: Northmoor on the home server, Southmere placed on the second. Each request's
 * statements go to its council's server; a council is moved from one server to the other while
 * its practitioner keeps booking visits and the worker keeps making their admin tasks, and
 * nothing is lost or made twice.
 */
const ROOT = join(import.meta.dirname, '..')
const name = `hearth_f_${randomBytes(5).toString('hex')}`
const homeUrl = withDatabase(requireEnv('TEST_DATABASE_URL'), name)
const otherUrl = withDatabase(requireEnv('TEST_DATABASE_URL_2'), name)
const urls = new Map([
  [HOME_SERVER, homeUrl],
  ['pg2', otherUrl],
])
let fleet: Fleet
let t: TestApp
let worker: RunningWorker
let a: SeededCouncil
let b: SeededCouncil

async function admin(url: string, q: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(q)
  } finally {
    await c.end()
  }
}
async function one<T = number>(url: string, q: string, params: unknown[] = []): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const r = await c.query(q, params)
    return Object.values(r.rows[0] ?? {})[0] as T
  } finally {
    await c.end()
  }
}

beforeAll(async () => {
  await admin(requireEnv('TEST_DATABASE_URL'), `create database ${name} template ${TEMPLATE_DB}`)
  await admin(requireEnv('TEST_DATABASE_URL_2'), `create database ${name}`)
  fleet = await Fleet.open(homeUrl, [{ name: 'pg2', url: otherUrl }], 20)
  await fleet.servers.get('pg2')!.migrate()
  const passwordHash = await testPasswordHash()
  const quiet = { familyCount: 14, passwordHash, insightExamples: false, statutoryExamples: false }
  a = (await seedDemoCouncil(fleet.home.db, quiet))!
  b = (await seedDemoCouncil(fleet.servers.get('pg2')!.db, {
    ...quiet,
    councilName: 'Southmere District Council (test)',
    laCode: '002',
    emailDomain: 'southmere.example',
    postcodeArea: 'SM',
    seed: 7,
  }))!
  await placeCouncil(homeUrl, b.councilId, 'pg2')
  await fleet.start()
  t = await makeTestApp(fleet.handle(true), {}, undefined, fleet)
  worker = await startWorker({
    db: fleet.guarded,
    fleet,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: t.prefix,
    relayIntervalMs: 50,
    scheduleSweeps: false,
  })
}, limit(90_000))

afterAll(async () => {
  await worker?.close()
  await t?.close()
  await fleet?.handle().close()
  await admin(requireEnv('TEST_DATABASE_URL'), `drop database if exists ${name} with (force)`)
  await admin(requireEnv('TEST_DATABASE_URL_2'), `drop database if exists ${name} with (force)`)
})

const rowsOf = (url: string, table: string, councilId: string) =>
  one<number>(url, `select count(*)::int from ${table} where council_id = $1`, [councilId])

describe('councils on a fleet of PostgreSQL servers', () => {
  it('every table with a council’s rows refuses writes while the council is frozen', async () => {
    const missing = await one<string | null>(
      homeUrl,
      `select string_agg(c.relname, ', ') from pg_class c
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       where c.relkind in ('r', 'p') and not c.relispartition
         and c.relname not in ('council_placements', 'hearth_frozen_councils')
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'council_id')
         and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'hearth_frozen_guard')`,
    )
    expect(missing).toBeNull()
  })

  it('each council’s requests go to its own server, and nothing of one is written on the other', async () => {
    // signing in by email alone asks each server; the session is kept on the council's own
    const sb = await signInAs(t.app, 'practitioner@southmere.example')
    const sa = await signInAs(t.app, 'practitioner@northmoor.example')
    expect(decodeURIComponent(sb.cookie.split('=')[1]!).startsWith(`${b.councilId}.`)).toBe(true)
    expect(await rowsOf(otherUrl, 'sessions', b.councilId)).toBe(1)
    expect(await rowsOf(homeUrl, 'sessions', b.councilId)).toBe(0)
    expect(await rowsOf(homeUrl, 'sessions', a.councilId)).toBe(1)
    expect(await one(homeUrl, 'select count(*)::int from councils where id = $1', [b.councilId])).toBe(0)

    const day = await sb.request('GET', '/api/me/day')
    expect(day.statusCode, day.body).toBe(200)
    // every read is audited, on the council's server
    const audited = await rowsOf(otherUrl, 'audit_events', b.councilId)
    expect(audited).toBeGreaterThan(0)
    expect(await rowsOf(homeUrl, 'audit_events', b.councilId)).toBe(0)

    // a family of one council asked for by the other: not there, as for any unknown id
    const [held] = await fleet.servers
      .get('pg2')!
      .db.select()
      .from(allocations)
      .where(and(eq(allocations.councilId, b.councilId), eq(allocations.personId, sb.personId)))
    expect((await sb.request('GET', `/api/families/${held!.familyId}`)).statusCode).toBe(200)
    expect((await sa.request('GET', `/api/families/${held!.familyId}`)).statusCode).toBe(404)

    const councils = await t.app.inject({ method: 'GET', url: '/api/auth/councils' })
    expect(
      councils
        .json()
        .map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([a.councilId, b.councilId].sort())
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' })
    expect(ready.statusCode, ready.body).toBe(200)
  })

  it('one server down takes only its councils: the others sign in and work as ever', async () => {
    // the same placements, with the second server out of reach (nothing listens on port 1)
    const broken = await Fleet.open(homeUrl, [{ name: 'pg2', url: 'postgres://postgres@127.0.0.1:1/none' }], 4)
    await broken.refresh()
    const tb = await makeTestApp(broken.handle(true), {}, undefined, broken)
    const southmere = await signInAs(t.app, 'practitioner@southmere.example') // through the good app
    try {
      const sa = await signInAs(tb.app, 'practitioner@northmoor.example')
      expect((await sa.request('GET', '/api/me/day')).statusCode).toBe(200)
      const councils = await tb.app.inject({ method: 'GET', url: '/api/auth/councils' })
      expect(councils.json().map((c: { id: string }) => c.id)).toEqual([a.councilId])
      const signIn = await tb.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'practitioner@southmere.example', password: 'hearth-demo-2026' },
      })
      expect(signIn.statusCode, signIn.body).toBe(503)
      expect(signIn.json().error.code).toBe('unavailable')
      const day = await tb.app.inject({ method: 'GET', url: '/api/me/day', headers: { cookie: southmere.cookie } })
      expect(day.statusCode, day.body).toBe(503)
      expect(day.json().error.code).toBe('unavailable')
      const ready = await tb.app.inject({ method: 'GET', url: '/health/ready' })
      expect(ready.statusCode).toBe(200)
      expect(ready.json().checks).toMatchObject({ postgres: 'ok', otherDatabaseServers: 'failed' })
    } finally {
      await tb.close()
      await broken.handle().close()
    }
  })

  it(
    'a council moved while its staff work: every visit kept, every admin task made once',
    async () => {
      const s: Session = await signInAs(t.app, 'practitioner@northmoor.example')
      const [held] = await fleet.home.db
        .select()
        .from(allocations)
        .where(and(eq(allocations.councilId, a.councilId), eq(allocations.personId, s.personId)))
      const familyId = held!.familyId
      await fleet.home.db
        .update(families)
        .set({ interpreterNeeded: false })
        .where(and(eq(families.councilId, a.councilId), eq(families.id, familyId)))
      const ids: string[] = []
      let booking = true
      // the practitioner books a visit after another, as the web app does: a 503 "council_moving"
      // is sent again, with the same Idempotency-Key, a moment later
      const books = (async () => {
        for (let i = 0; booking || i < 20; i++) {
          const key = `visit-${i}-${randomBytes(6).toString('hex')}`
          for (;;) {
            const v = await s.request(
              'POST',
              `/api/families/${familyId}/visits`,
              { kind: 'office', startsAt: new Date(Date.now() + (10 + i) * 86_400_000).toISOString(), place: 'Room 2' },
              { headers: { 'idempotency-key': key } },
            )
            if (v.statusCode === 503 && v.json().error.code === 'council_moving') {
              await new Promise((r) => setTimeout(r, 100))
              continue
            }
            expect(v.statusCode, v.body).toBe(201)
            ids.push(v.json().id)
            break
          }
        }
      })()
      await waitUntil(async () => ids.length >= 10, 30_000)
      // (every audit row already written is copied early, while the practitioner works)
      const report = await moveCouncil(urls, a.councilId, 'pg2', { precopyMarginMs: 0 })
      await fleet.refresh() // (it hears the NOTIFY too; this makes the test not wait on it)
      booking = false
      await books
      expect(report.from).toBe(HOME_SERVER)
      expect(report.to).toBe('pg2')
      expect(report.rows).toBeGreaterThan(100)
      expect(report.earlyRows).toBeGreaterThan(0)

      // every visit the practitioner was told was booked is on the new server
      const kept = await one<number>(otherUrl, 'select count(*)::int from visits where id = any($1::uuid[])', [ids])
      expect(kept).toBe(ids.length)
      // the worker made each visit's admin tasks (a confirmation and a room), once, on the new server
      const tasks = () =>
        one<number>(otherUrl, 'select count(*)::int from admin_tasks where visit_id = any($1::uuid[])', [ids])
      await waitUntil(async () => (await tasks()) === ids.length * 2, 60_000, 100)
      const twice = await one<number>(
        otherUrl,
        `select count(*)::int from (select visit_id, task_type from admin_tasks
       where visit_id = any($1::uuid[]) group by 1, 2 having count(*) > 1) d`,
        [ids],
      )
      expect(twice).toBe(0)

      // the old copy is kept, read-only, until the move is confirmed
      const c = new pg.Client({ connectionString: homeUrl })
      await c.connect()
      const write = await c
        .query('update families set updated_at = now() where council_id = $1', [a.councilId])
        .catch((e: { code?: string }) => e.code)
      await c.end()
      expect(write).toBe('HM503')
      expect(await rowsOf(homeUrl, 'families', a.councilId)).toBeGreaterThan(0)
      // the same session goes on working, on the new server
      expect((await s.request('GET', `/api/families/${familyId}`)).statusCode).toBe(200)

      const cleared = await confirmMove(urls, a.councilId)
      expect(cleared.server).toBe(HOME_SERVER)
      expect(await rowsOf(homeUrl, 'families', a.councilId)).toBe(0)
      expect(await rowsOf(homeUrl, 'audit_events', a.councilId)).toBe(0)
      expect(await one(homeUrl, 'select count(*)::int from hearth_frozen_councils')).toBe(0)
      // both councils now on one server, each still seeing only its own
      const sb = await signInAs(t.app, 'practitioner@southmere.example')
      expect((await sb.request('GET', `/api/families/${familyId}`)).statusCode).toBe(404)
      expect((await s.request('GET', `/api/families/${familyId}`)).statusCode).toBe(200)
    },
    limit(120_000),
  )

  it(
    'npm run council: where each council is, and a move back and its confirmation',
    async () => {
      const cli = (...args: string[]) =>
        spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'packages/db/src/council-cli.ts'), ...args], {
          env: { ...process.env, DATABASE_URL: homeUrl, DATABASE_SERVERS: `pg2=${otherUrl}` },
          encoding: 'utf8',
        })
      const listed = cli('list')
      expect(listed.status, listed.stderr).toBe(0)
      expect(listed.stdout).toContain(a.councilId)
      const moved = cli('move', a.councilId, HOME_SERVER)
      expect(moved.status, moved.stderr).toBe(0)
      expect(moved.stdout).toMatch(/moved .* from pg2 to home: \d+ rows, counts and checksums the same/)
      expect(moved.stdout).not.toContain('Northmoor')
      expect(cli('move', a.councilId, HOME_SERVER).stderr).toContain('already_there')
      expect(cli('move', a.councilId, 'nowhere').stderr).toContain('unknown_server')
      const confirmed = cli('confirm', a.councilId)
      expect(confirmed.status, confirmed.stderr).toBe(0)
      expect(await rowsOf(otherUrl, 'families', a.councilId)).toBe(0)
      expect(await rowsOf(homeUrl, 'families', a.councilId)).toBeGreaterThan(0)
      expect(cli('nonsense').status).toBe(64)
    },
    limit(60_000),
  )

  it(
    'an audit row of a transaction open since before the early copy is not lost',
    async () => {
      // a transaction that wrote its row before the move began, and commits while the move waits
      const c = new pg.Client({ connectionString: homeUrl })
      await c.connect()
      await c.query('begin')
      await c.query(
        `insert into audit_events (council_id, action, record_type, route, method)
       values ($1, 'bench.late', 'council', 'test', 'GET')`,
        [a.councilId],
      )
      const moving = moveCouncil(urls, a.councilId, 'pg2', { precopyMarginMs: -60_000 })
      await new Promise((r) => setTimeout(r, 500))
      await c.query('commit')
      await c.end()
      const report = await moving
      expect(report.earlyRows).toBeGreaterThan(0)
      expect(await one(otherUrl, `select count(*)::int from audit_events where action = 'bench.late'`)).toBe(1)
      const audit = report.tables.find((x) => x.table === 'audit_events')!
      expect(await rowsOf(otherUrl, 'audit_events', a.councilId)).toBe(audit.rows)
      await confirmMove(urls, a.councilId)
    },
    limit(60_000),
  )

  it(
    'a transaction its client left idle is ended by the move, not waited on for ever',
    async () => {
      // a client that began a transaction on the council's server and then stopped talking
      const c = new pg.Client({ connectionString: otherUrl })
      const ended = new Promise<string>((resolve) => c.on('error', (e) => resolve((e as { code?: string }).code ?? '')))
      await c.connect()
      await c.query('begin')
      await c.query('select count(*) from families where council_id = $1', [a.councilId])
      const report = await moveCouncil(urls, a.councilId, HOME_SERVER, { waitMs: 1_000 })
      expect(report.endedIdle).toBe(1)
      expect(report.to).toBe(HOME_SERVER)
      // its client is told: the connection was ended by an administrator's command
      expect(await ended).toBe('57P01')
      await c.end().catch(() => {})
      await confirmMove(urls, a.councilId)
      expect(await rowsOf(homeUrl, 'families', a.councilId)).toBeGreaterThan(0)
    },
    limit(60_000),
  )
})
