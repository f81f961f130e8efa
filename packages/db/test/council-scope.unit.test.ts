import { and, eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { COUNCIL_SCOPED_TABLES, CouncilScopeError, councilScopeGuard, unscopedTables } from '../src/council-scope'
import { children, families } from '../src/schema/index'

describe('council scope: which statements name their council', () => {
  it('knows the council-scoped tables from the schema', () => {
    for (const t of ['families', 'children', 'referrals', 'allocations', 'audit_events', 'visits']) {
      expect(COUNCIL_SCOPED_TABLES.has(t), t).toBe(true)
    }
    expect(COUNCIL_SCOPED_TABLES.has('councils')).toBe(false)
  })

  it('passes statements that compare council_id for every scoped table, however written', () => {
    const ok = [
      'select "families"."id" from "families" where ("families"."council_id" = $1 and "families"."id" = $2)',
      `select "f"."id" from "families" "f" inner join "children" on ("children"."family_id" = "f"."id"
        and "children"."council_id" = "f"."council_id") where "f"."council_id" = $1`,
      `select exists (select 1 from "offers" o where o.council_id = "families"."council_id"
        and o.family_id = "families"."id") from "families" where "families"."council_id" = $1`,
      'insert into "audit_events" ("id", "council_id", "action") values (default, $1, $2)',
      'update "visits" set "status" = $1 where ("visits"."council_id" = $2 and "visits"."id" = $3)',
      'select team_id from duty_rota where council_id = $1 and day = $2',
      'select "councils"."name" from "councils" where "councils"."id" = $1',
      'delete from "duty_rota" where ("duty_rota"."council_id" = $1 and "duty_rota"."day" = $2)',
    ]
    for (const s of ok) expect(unscopedTables(s), s).toEqual([])
  })

  it('flags a query, a join, an update and an insert that rely on ids alone', () => {
    // the select list naming council_id is not a filter
    expect(unscopedTables('select "families"."council_id" from "families" where "families"."id" = $1')).toEqual([
      'from families without its council_id',
    ])
    expect(
      unscopedTables(
        'select 1 from "families" left join "patches" on "patches"."id" = "families"."patch_id" where "families"."council_id" = $1',
      ),
    ).toEqual(['join patches without its council_id'])
    expect(unscopedTables('update "children" set "first_name" = $1 where "children"."id" = $2')).toEqual([
      'update children without its council_id',
    ])
    expect(unscopedTables('insert into "adults" ("id", "family_id", "name") values (default, $1, $2)')).toEqual([
      'insert into adults without council_id',
    ])
    expect(
      unscopedTables('select team_id from duty_rota d join teams t on t.id = d.team_id where council_id = $1'),
    ).toEqual(['from duty_rota d without its council_id', 'join teams t without its council_id'])
  })
})

describe('the guard refuses an unscoped statement before it reaches the database', () => {
  // A pool that could never connect: the guard must refuse before any connection is tried.
  const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:9/none', connectionTimeoutMillis: 200 })
  const db = drizzle(pool, { logger: councilScopeGuard })

  it('throws CouncilScopeError naming the table', async () => {
    const err = await db
      .select()
      .from(children)
      .where(eq(children.id, '00000000-0000-4000-8000-000000000000'))
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CouncilScopeError)
    expect((err as Error).message).toBe('council scope: from children without its council_id')
  })

  it('lets a scoped statement through to the database (which here cannot be reached)', async () => {
    const err = await db
      .select()
      .from(families)
      .where(and(eq(families.councilId, '00000000-0000-4000-8000-000000000000'), eq(families.id, 'x')))
      .catch((e: unknown) => e)
    expect(err).not.toBeInstanceOf(CouncilScopeError)
    await pool.end()
  })
})
