import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { type DbHandle, MIGRATIONS_FOLDER, openDb } from '@hearth/db/client'
import { auditEvents } from '@hearth/db/schema/audit'
import { councils } from '@hearth/db/schema/councils'
import { requireEnv } from '@hearth/test-kit/env'
import { withDatabase } from '@hearth/test-kit/global-setup'

const rows = async <T>(handle: DbHandle, q: ReturnType<typeof sql>) =>
  ((await handle.db.execute(q)) as unknown as { rows: T[] }).rows

/** The migrations up to (and not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-migrations-'))
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true })
  const journalFile = join(dir, 'meta/_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((e) => e.tag === tag)
  if (at < 0) throw new Error(`no migration ${tag}`)
  journal.entries = journal.entries.slice(0, at)
  writeFileSync(journalFile, JSON.stringify(journal))
  return dir
}

const month = (d: Date) => `audit_events_y${d.toISOString().slice(0, 4)}m${d.toISOString().slice(5, 7)}`
const monthsFromNow = (n: number) => {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 15))
}

describe('the audit trail, one table a month (migration 0038)', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c()
  })

  it('moves the rows already written into their months, keeps their ids, and goes on counting', async () => {
    const base = requireEnv('TEST_DATABASE_URL')
    const name = `hearth_t_part_${process.pid}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.query(`create database ${name}`)
    await admin.end()
    const handle = await openDb({ kind: 'postgres', url: withDatabase(base, name), poolSize: 2 })
    cleanups.push(async () => {
      await handle.close()
      const a = new pg.Client({ connectionString: base })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    })
    const before = migrationsBefore('0038_audit-by-month')
    cleanups.push(async () => rmSync(before, { recursive: true, force: true }))
    await handle.migrate(before)
    // written as the tables stood before 0038 (the schema in code has columns added by later migrations)
    const [c] = await rows<{ id: string }>(
      handle,
      sql`insert into councils (name, la_code) values ('Partition test council', '996') returning id`,
    )
    const written = [new Date('2025-11-03T09:00:00Z'), new Date('2026-02-28T23:30:00Z'), new Date()]
    for (const at of written)
      await handle.db.execute(
        sql`insert into audit_events (council_id, at, action, record_type)
            values (${c!.id}, ${at.toISOString()}::timestamptz, 'test.read', 'test')`,
      )
    const old = await rows<{ id: string; at: Date }>(handle, sql`select id, at from audit_events order by id`)

    await handle.migrate()

    const moved = await rows<{ id: string; at: Date; part: string }>(
      handle,
      sql`select id, at, tableoid::regclass::text as part from audit_events order by id`,
    )
    expect(moved.map((r) => [r.id, new Date(r.at).toISOString()])).toEqual(
      old.map((r) => [r.id, new Date(r.at).toISOString()]),
    )
    expect(moved.map((r) => r.part)).toEqual(written.map(month))
    // every month from the first row's to three months ahead has its table
    const parts = (
      await rows<{ name: string }>(
        handle,
        sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'audit_events'::regclass order by 1`,
      )
    ).map((r) => r.name)
    for (const m of ['audit_events_y2025m11', 'audit_events_y2026m01', month(monthsFromNow(3))]) {
      expect(parts).toContain(m)
    }
    expect(parts).toContain('audit_events_default')
    const [next] = await handle.db
      .insert(auditEvents)
      .values({ councilId: c!.id, action: 'test.read', recordType: 'test' })
      .returning({ id: auditEvents.id })
    expect(next!.id).toBeGreaterThan(Number(old.at(-1)!.id))
    // append-only on the whole table and on any one month
    const refused = (statement: string) =>
      expect(handle.db.execute(sql.raw(statement))).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/audit_events is append-only/) },
      })
    await refused(`update audit_events set action = 'changed'`)
    await refused(`delete from ${month(written[0]!)}`)
    for (const p of [month(written[1]!), 'audit_events_default', month(monthsFromNow(2))])
      await refused(`truncate ${p}`)
    expect((await rows<{ n: number }>(handle, sql`select count(*)::int as n from audit_events`))[0]!.n).toBe(4)
  })

  it('on PGlite too: a row beyond the months made is kept, and the sweep makes the months ahead', async () => {
    const lite = await openDb({ kind: 'pglite', dataDir: 'memory://' })
    cleanups.push(() => lite.close())
    await lite.migrate()
    const [c] = await lite.db.insert(councils).values({ name: 'Partition test council', laCode: '995' }).returning()
    const far = monthsFromNow(8)
    await lite.db.insert(auditEvents).values({ councilId: c!.id, at: far, action: 'test.read', recordType: 'test' })
    const where = await rows<{ part: string }>(lite, sql`select tableoid::regclass::text as part from audit_events`)
    expect(where).toEqual([{ part: 'audit_events_default' }])
    // a sweep eight months on: months 4 to 11 ahead made, except the one already holding a row
    const made = await rows<{ n: number }>(
      lite,
      sql`select hearth_audit_partitions(now(), ${far.toISOString()}::timestamptz) as n`,
    )
    expect(made[0]!.n).toBe(7)
    const exists = async (name: string) =>
      (await rows<{ r: string | null }>(lite, sql`select to_regclass(${name})::text as r`))[0]!.r
    expect(await exists(month(far))).toBeNull()
    expect(await exists(month(monthsFromNow(11)))).toBe(month(monthsFromNow(11)))
    // run again: nothing more to make
    expect((await rows<{ n: number }>(lite, sql`select hearth_audit_partitions() as n`))[0]!.n).toBe(0)
  })
})
