import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb, type DbHandle } from '@hearth/db/client'
import { auditEvents } from '@hearth/db/schema/audit'
import { councils } from '@hearth/db/schema/councils'
import { seedDemoCouncil } from '@hearth/db/seed/demo'
import { freshPgDatabase, testPasswordHash } from '@hearth/test-kit/db'

async function tables(handle: DbHandle): Promise<string[]> {
  const r = await handle.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  )
  // (the audit trail's months are made for the month the migration ran in and the three after: two
  // databases migrated either side of midnight at a month's end have different ones)
  return (r as unknown as { rows: { table_name: string }[] }).rows
    .map((x) => x.table_name)
    .filter((t) => !/^audit_events_y\d{4}m\d{2}$/.test(t))
}

async function appendOnlyHolds(handle: DbHandle) {
  const [c] = await handle.db.insert(councils).values({ name: 'Append-only test council', laCode: '997' }).returning()
  await handle.db.insert(auditEvents).values({ councilId: c!.id, action: 'test.write', recordType: 'test' })
  await expect(handle.db.execute(sql`update audit_events set action = 'changed'`)).rejects.toThrow()
  await expect(handle.db.execute(sql`delete from audit_events`)).rejects.toThrow()
  await expect(handle.db.execute(sql`truncate audit_events`)).rejects.toThrow()
  const [{ n }] = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents)) as [{ n: number }]
  expect(n).toBe(1)
}

describe('migrations', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups) await c()
  })

  it('apply from empty on PGlite and on the PostgreSQL server, giving the same tables', async () => {
    const lite = await openDb({ kind: 'pglite', dataDir: 'memory://' })
    cleanups.push(() => lite.close())
    await lite.migrate()
    // applying again is a no-op, not an error
    await lite.migrate()
    const server = await freshPgDatabase(2)
    cleanups.push(server.drop)
    const liteTables = await tables(lite)
    expect(liteTables).toEqual(await tables(server.handle))
    expect(liteTables).toEqual(
      expect.arrayContaining([
        'councils',
        'patches',
        'teams',
        'people',
        'memberships',
        'sessions',
        'families',
        'children',
        'adults',
        'relationships',
        'audit_events',
        'outbox',
        'audit_exports',
      ]),
    )
  })

  it('the audit trail refuses UPDATE, DELETE and TRUNCATE on both engines', async () => {
    const lite = await openDb({ kind: 'pglite', dataDir: 'memory://' })
    cleanups.push(() => lite.close())
    await lite.migrate()
    await appendOnlyHolds(lite)
    const server = await freshPgDatabase(2)
    cleanups.push(server.drop)
    await appendOnlyHolds(server.handle)
  })

  it('the demo seed makes the council the README promises, once', async () => {
    const lite = await openDb({ kind: 'pglite', dataDir: 'memory://' })
    cleanups.push(() => lite.close())
    await lite.migrate()
    const seeded = await seedDemoCouncil(lite.db, { passwordHash: await testPasswordHash() })
    expect(seeded).not.toBeNull()
    expect(await seedDemoCouncil(lite.db, { passwordHash: await testPasswordHash() })).toBeNull()
    const count = async (q: ReturnType<typeof sql>) =>
      ((await lite.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n
    expect(await count(sql`select count(*)::int as n from families`)).toBe(40)
    expect(await count(sql`select count(*)::int as n from children`)).toBe(60)
    expect(await count(sql`select count(*)::int as n from teams where kind = 'family_facing'`)).toBe(3)
    // three family-facing teams of eight
    const sizes = (
      (await lite.db.execute(
        sql`select count(*)::int as n from memberships m join teams t on t.id = m.team_id where t.kind = 'family_facing' group by t.id`,
      )) as unknown as { rows: { n: number }[] }
    ).rows.map((r) => r.n)
    expect(sizes).toEqual([8, 8, 8])
    for (const kind of ['referral', 'enabler', 'insight', 'strategy']) {
      expect(await count(sql`select count(*)::int as n from teams where kind = ${kind}`)).toBe(1)
    }
    // the strategy team has a package waiting, and the enablers have work from the day's visits
    expect(await count(sql`select count(*)::int as n from proposals where status = 'awaiting_strategy'`)).toBe(1)
    expect(await count(sql`select count(*)::int as n from admin_tasks where status = 'open'`)).toBeGreaterThan(0)
    // the insight team has a directory and work: two requests waiting, advice given, a commission to arrange
    expect(await count(sql`select count(*)::int as n from directory_services`)).toBe(8)
    expect(await count(sql`select count(*)::int as n from insight_requests where status = 'waiting'`)).toBe(2)
    // one example with advice, and ten weeks of history (3 + 3 + 4 consultations over the three teams)
    expect(await count(sql`select count(*)::int as n from insight_requests where status = 'advice_given'`)).toBe(11)
    expect(
      await count(
        sql`select count(*)::int as n from admin_tasks where source_key like 'demo-history:%' and status = 'done'`,
      ),
    ).toBe(90)
    expect(await count(sql`select count(*)::int as n from commissions where status = 'waiting'`)).toBe(1)
    // every demo NHS number is in the NHS test range and valid
    const nhs = (
      (await lite.db.execute(sql`select nhs_number from children where nhs_number is not null`)) as unknown as {
        rows: { nhs_number: string }[]
      }
    ).rows
    expect(nhs.length).toBeGreaterThan(30)
    for (const r of nhs) expect(r.nhs_number.startsWith('999')).toBe(true)
  })
})
