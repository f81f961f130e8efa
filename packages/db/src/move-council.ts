import pg from 'pg'
import { HOME_SERVER } from './fleet'

/**
 * Moves one council from its server to another while its staff keep working, and loses nothing:
 *
 * 0. copy the audit trail's rows of more than a few minutes ago (most of a council's rows; they
 *    never change) while its staff work, so the freeze is short however big the council is;
 * 1. freeze it on the old server (hearth_frozen_councils: every write of its rows there is refused
 *    from that commit on, so the API answers 503 "try again" and a job is retried), and wait for
 *    every transaction that began before the freeze to end;
 * 2. copy every row with its council id, table by table, from one snapshot, into the new server in
 *    one transaction (foreign keys and triggers stand aside for the copy: session_replication_role);
 * 3. verify: each table's row count and checksum (an md5 over every row's text) the same on both,
 *    or nothing is kept and the council is unfrozen where it was;
 * 4. switch: the placement on the home server names the new server; every API and worker process
 *    hears it (NOTIFY) and sends the council's statements there; retried writes land there;
 * 5. the old copy stays, frozen (read-only), until `confirmMove` clears it out.
 *
 * Runs as a user allowed to set session_replication_role (the database owner with superuser, or
 * on PostgreSQL 15 and later GRANT SET ON PARAMETER session_replication_role).
 */
export interface MoveTableReport {
  table: string
  rows: number
  checksum: string
}
export interface MoveReport {
  councilId: string
  from: string
  to: string
  tables: MoveTableReport[]
  rows: number
  /** The audit trail's rows copied before the freeze, while the council worked. */
  earlyRows: number
  /** From the freeze to the switch: how long the council's writes were refused. */
  frozenMs: number
  /**
   * Transactions begun before the freeze and left idle by their client past the wait, ended by the
   * move (each rolls back: its client is told and tries again on the new server).
   */
  endedIdle: number
}

export class MoveError extends Error {
  constructor(
    readonly code:
      | 'unknown_server'
      | 'already_there'
      | 'move_under_way'
      | 'target_holds_council'
      | 'no_such_council'
      | 'old_transactions'
      | 'checksum_mismatch'
      | 'not_moved',
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code)
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const TABLE = /^[a-z_][a-z0-9_]*$/
const BATCH = 2000
/** Audit rows older than this are copied before the freeze. */
const PRECOPY_MARGIN_MS = 5 * 60_000

type Urls = ReadonlyMap<string, string>

async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: 'hearth-move' })
  await c.connect()
  await c.query(`set timezone = 'UTC'`)
  return c
}

/** Where the council is placed now (the home server when it has no placement). */
async function placementOf(home: pg.Client, councilId: string): Promise<string> {
  const r = await home.query('select server from council_placements where council_id = $1', [councilId])
  return (r.rows[0]?.server as string | undefined) ?? HOME_SERVER
}

/** Every table holding a council's rows (partitioned tables as a whole), `councils` first. */
async function councilTables(c: pg.Client): Promise<string[]> {
  const r = await c.query(`
    select c.relname from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('council_placements', 'hearth_frozen_councils')
      and exists (select 1 from pg_attribute a
                  where a.attrelid = c.oid and a.attname = 'council_id' and not a.attisdropped)
    order by c.relname`)
  const names = r.rows.map((row) => row.relname as string)
  for (const n of names) if (!TABLE.test(n)) throw new Error('unexpected table name')
  return ['councils', ...names]
}

const keyOf = (table: string) => (table === 'councils' ? 'id' : 'council_id')
/**
 * Rows left behind on purpose. An idempotency key still pending at the copy belongs to a request
 * the freeze refused (it answered 503 and is being sent again): the retry must run, not wait for
 * an answer that will never come.
 */
const LEAVE: Record<string, string> = { idempotency_keys: ` and status = 'done'` }
const rowsOf = (table: string) => `from "${table}" t where ${keyOf(table)} = $1${LEAVE[table] ?? ''}`

async function checksum(c: pg.Client, table: string, councilId: string): Promise<MoveTableReport> {
  const r = await c.query(
    `select count(*)::int as n,
            coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as sum
     ${rowsOf(table)}`,
    [councilId],
  )
  return { table, rows: r.rows[0].n as number, checksum: r.rows[0].sum as string }
}

export async function moveCouncil(
  urls: Urls,
  councilId: string,
  to: string,
  {
    precopyMarginMs = PRECOPY_MARGIN_MS,
    waitMs = 30_000,
  }: {
    precopyMarginMs?: number
    /** How long transactions begun before the freeze are waited for (then idle ones are ended). */
    waitMs?: number
  } = {},
): Promise<MoveReport> {
  if (!UUID.test(councilId)) throw new MoveError('no_such_council')
  const homeUrl = urls.get(HOME_SERVER)
  const toUrl = urls.get(to)
  if (!homeUrl || !toUrl) throw new MoveError('unknown_server', to)
  const home = await connect(homeUrl)
  const clients: pg.Client[] = [home]
  try {
    const from = await placementOf(home, councilId)
    if (from === to) throw new MoveError('already_there')
    const fromUrl = urls.get(from)
    if (!fromUrl) throw new MoveError('unknown_server', from)
    const src = await connect(fromUrl)
    const dst = await connect(toUrl)
    clients.push(src, dst)
    const known = await src.query('select 1 from councils where id = $1', [councilId])
    if (!known.rowCount) throw new MoveError('no_such_council')
    const there = await dst.query('select 1 from councils where id = $1', [councilId])
    if (there.rowCount) throw new MoveError('target_holds_council')

    // everything lands in one transaction on the new server, committed only once verified: a move
    // that fails or dies leaves nothing there
    await dst.query('begin')
    await dst.query(`set local session_replication_role = replica`)
    await dst.query(`set local hearth.moving = 'on'`)
    const literal = `'${councilId}'`
    /** Copies the council's rows of one table that match `also` (SQL), in batches. */
    const copy = async (table: string, also = ''): Promise<number> => {
      let n = 0
      await src.query(
        `declare rows_out no scroll cursor for
         select row_to_json(t)::text as j ${rowsOf(table).replace('$1', literal)}${also}`,
      )
      for (;;) {
        const batch = await src.query(`fetch ${BATCH} from rows_out`)
        if (!batch.rowCount) break
        n += batch.rowCount
        const json = `[${batch.rows.map((r) => r.j as string).join(',')}]`
        await dst.query(`insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::json)`, [
          json,
        ])
      }
      await src.query('close rows_out')
      return n
    }
    let frozenAt = 0
    try {
      // 0. while the council works: the audit trail's rows older than a few minutes, most of a
      //    council's rows, which never change (append-only), so the freeze is short however big
      //    the council; rows of a transaction still open since then are caught below
      const cutoff = `'${new Date(Date.now() - precopyMarginMs).toISOString()}'::timestamptz`
      await src.query('begin isolation level repeatable read read only')
      const early = await copy('audit_events', ` and at < ${cutoff}`)
      await src.query('commit')

      // 1. freeze, then let every transaction that began before it finish
      const frozen = await src.query(
        `insert into hearth_frozen_councils (council_id, moving_to) values ($1, $2)
         on conflict (council_id) do nothing returning clock_timestamp() as at`,
        [councilId, to],
      )
      if (!frozen.rowCount) throw new MoveError('move_under_way')
      frozenAt = Date.now()
      const after = frozen.rows[0].at as Date
      const endedIdle = await waitForOlderTransactions(src, after, waitMs)

      // 2. copy the rest, from one snapshot
      await src.query('begin isolation level repeatable read read only')
      const tables = await councilTables(src)
      const reports: MoveTableReport[] = []
      for (const table of tables) {
        if (table === 'audit_events') {
          const r = await src.query(
            `select count(*)::int as n from audit_events where council_id = $1 and at < ${cutoff}`,
            [councilId],
          )
          if (r.rows[0].n === early) await copy(table, ` and at >= ${cutoff}`)
          else {
            // an old transaction's rows arrived after the early copy: copy the whole trail now
            await dst.query('delete from audit_events where council_id = $1', [councilId])
            await copy(table)
          }
        } else await copy(table)
        // 3. verify
        const a = await checksum(src, table, councilId)
        const b = await checksum(dst, table, councilId)
        if (a.rows !== b.rows || a.checksum !== b.checksum) throw new MoveError('checksum_mismatch', table)
        reports.push(a)
      }
      // the audit trail's ids keep rising on the new server (its pages are ordered by id)
      await dst.query(
        `select setval('audit_events_id_seq', greatest(
           (select last_value from audit_events_id_seq),
           (select coalesce(max(id), 1) from audit_events where council_id = $1)))`,
        [councilId],
      )
      await dst.query('commit')
      await src.query('commit')

      // 4. switch
      await home.query(
        `insert into council_placements (council_id, server, moved_from, moved_at)
         values ($1, $2, $3, now())
         on conflict (council_id) do update
           set server = excluded.server, moved_from = excluded.moved_from,
               moved_at = excluded.moved_at, confirmed_at = null`,
        [councilId, to, from],
      )
      return {
        councilId,
        from,
        to,
        tables: reports,
        rows: reports.reduce((n, t) => n + t.rows, 0),
        earlyRows: early,
        frozenMs: Date.now() - frozenAt,
        endedIdle,
      }
    } catch (err) {
      await dst.query('rollback').catch(() => {})
      await src.query('rollback').catch(() => {})
      if (frozenAt) await src.query('delete from hearth_frozen_councils where council_id = $1', [councilId])
      throw err
    }
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})))
  }
}

/**
 * Waits until no client's transaction that began before `at` is still open on this server (the
 * server's own workers, autovacuum among them, write no council's rows and are not waited for).
 * Past `timeoutMs`, a transaction left idle by its client (one that stopped talking, so would
 * hold the move for ever) is ended: it rolls back, nothing of it is kept, and its client is told.
 * Returns how many were ended. One still working after the wait stops the move, saying what kept
 * it waiting: each backend's kind, state, wait and age, no query.
 */
async function waitForOlderTransactions(c: pg.Client, at: Date, timeoutMs = 30_000): Promise<number> {
  let until = Date.now() + timeoutMs
  let ended = 0
  const older = `from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
    and backend_type = 'client backend' and xact_start < $1`
  for (;;) {
    const r = await c.query(`select count(*)::int as n ${older}`, [at])
    if (r.rows[0].n === 0) return ended
    if (Date.now() > until) {
      if (!ended) {
        const idle = await c.query(
          `select count(*) filter (where pg_terminate_backend(pid))::int as n ${older}
           and state in ('idle in transaction', 'idle in transaction (aborted)')`,
          [at],
        )
        ended = idle.rows[0].n as number
        if (ended) {
          until = Date.now() + 5_000
          continue
        }
      }
      const d = await c.query(
        `select concat_ws(' ', state, wait_event_type, wait_event,
           extract(epoch from now() - xact_start)::int || 's') as what ${older}`,
        [at],
      )
      throw new MoveError('old_transactions', d.rows.map((x: { what: string }) => x.what).join('; '))
    }
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * Once the council is seen working on its new server: clears its old copy out (every row, in one
 * transaction), unfreezes it there and marks the placement confirmed.
 */
export async function confirmMove(urls: Urls, councilId: string): Promise<{ server: string; rows: number }> {
  if (!UUID.test(councilId)) throw new MoveError('no_such_council')
  const home = await connect(urls.get(HOME_SERVER)!)
  const clients = [home]
  try {
    const r = await home.query(
      'select moved_from from council_placements where council_id = $1 and moved_from is not null',
      [councilId],
    )
    const from = r.rows[0]?.moved_from as string | undefined
    if (!from) throw new MoveError('not_moved')
    const url = urls.get(from)
    if (!url) throw new MoveError('unknown_server', from)
    const src = await connect(url)
    clients.push(src)
    let rows = 0
    await src.query('begin')
    try {
      await src.query(`set local session_replication_role = replica`)
      await src.query(`set local hearth.moving = 'on'`)
      const tables = (await councilTables(src)).reverse()
      for (const table of tables) {
        const d = await src.query(`delete from "${table}" where ${keyOf(table)} = $1`, [councilId])
        rows += d.rowCount ?? 0
      }
      await src.query('delete from hearth_frozen_councils where council_id = $1', [councilId])
      await src.query('commit')
    } catch (err) {
      await src.query('rollback').catch(() => {})
      throw err
    }
    await home.query('update council_placements set moved_from = null, confirmed_at = now() where council_id = $1', [
      councilId,
    ])
    return { server: from, rows }
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})))
  }
}

/** Places a council on a server (a new council, seeded there): no rows move. */
export async function placeCouncil(homeUrl: string, councilId: string, server: string): Promise<void> {
  const home = await connect(homeUrl)
  try {
    await home.query(
      `insert into council_placements (council_id, server) values ($1, $2)
       on conflict (council_id) do update set server = excluded.server`,
      [councilId, server],
    )
  } finally {
    await home.end()
  }
}
