import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { councilScopeGuard } from './council-scope'
import * as schema from './schema'

export type Schema = typeof schema
/** Both drivers share this surface; code never needs to know which one it has. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type Executor = Db | Tx

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url))

export type DbTarget =
  | {
      kind: 'postgres'
      url: string
      poolSize?: number
      /** A transaction its client leaves idle this long is ended by the server (default 60 s). */
      idleInTransactionMs?: number
    }
  | { kind: 'pglite'; dataDir: string }

/** DATABASE_IDLE_IN_TRANSACTION_MS, or 60 s: no transaction of Hearth's waits that long on its client. */
export function idleInTransactionMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.DATABASE_IDLE_IN_TRANSACTION_MS)
  return Number.isInteger(n) && n >= 1000 ? n : 60_000
}

/** What a listener is told: a message on its channel, and when it can and cannot hear. */
export interface ListenHandlers {
  message(payload: string): void
  /** Listening (again): anything cached from before may be stale. */
  ready(): void
  /** The connection is lost: messages may be missed until `ready` is called again. */
  lost(): void
}
export interface Listening {
  /** Sends a message on the channel from the listening connection and waits until it comes back. */
  echo(payload: string): Promise<void>
  close(): Promise<void>
}

export interface DbHandle {
  db: Db
  /**
   * The same connections, refusing before it runs any statement on a council-scoped table that
   * does not name the council (council-scope.ts). Tests give it to the API and the worker; with
   * COUNCIL_SCOPE_GUARD=on they use it in any environment.
   */
  guarded: Db
  kind: DbTarget['kind']
  /** Applies the migrations (those in `folder`, for a test of one migration; default all). */
  migrate(folder?: string): Promise<void>
  ping(): Promise<void>
  close(): Promise<void>
  /**
   * LISTEN on a channel on a connection of its own, reconnecting by itself (PostgreSQL server only:
   * null on PGlite, which has one process and so nothing to tell).
   */
  listen: ((channel: string, handlers: ListenHandlers) => Listening) | null
}

export async function openDb(target: DbTarget): Promise<DbHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      // a transaction left open by code that stopped talking holds its locks (and a council's
      // move) no longer than this: the server ends it, and the next statement on it fails
      idle_in_transaction_session_timeout: target.idleInTransactionMs ?? idleInTransactionMs(),
    })
    // A dropped idle connection must not crash the process.
    pool.on('error', () => {})
    // nor one ended while checked out between statements (a transaction idle too long, a
    // server restarting, an operator's pg_terminate_backend): the next statement on it fails
    pool.on('connect', (client) => {
      client.on('error', () => {})
    })
    const db = drizzlePg(pool, { schema }) as unknown as Db
    return {
      db,
      guarded: drizzlePg(pool, { schema, logger: councilScopeGuard }) as unknown as Db,
      kind: 'postgres',
      migrate: async (folder = MIGRATIONS_FOLDER) => {
        await migratePg(drizzlePg(pool, { schema }), { migrationsFolder: folder })
      },
      ping: async () => {
        await pool.query('select 1')
      },
      close: async () => {
        await pool.end()
      },
      listen: (channel, handlers) => listenOn(target.url, channel, handlers),
    }
  }
  if (target.dataDir !== 'memory://') mkdirSync(target.dataDir, { recursive: true })
  // the search's trigram and sound-key extensions, as on a PostgreSQL server
  const client = await PGlite.create({
    ...(target.dataDir === 'memory://' ? {} : { dataDir: target.dataDir }),
    extensions: { pg_trgm, fuzzystrmatch },
  })
  const pgl = drizzlePglite(client, { schema })
  return {
    db: pgl as unknown as Db,
    guarded: drizzlePglite(client, { schema, logger: councilScopeGuard }) as unknown as Db,
    kind: 'pglite',
    migrate: async (folder = MIGRATIONS_FOLDER) => {
      await migratePglite(pgl, { migrationsFolder: folder })
    },
    ping: async () => {
      await client.query('select 1')
    },
    close: async () => {
      await client.close()
    },
    listen: null,
  }
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/

/** LISTEN on its own connection; on loss, says so, and tries again every second until closed. */
function listenOn(url: string, channel: string, handlers: ListenHandlers): Listening {
  if (!CHANNEL.test(channel)) throw new Error('a channel is a plain lower-case name')
  let client: pg.Client | null = null
  let closed = false
  let timer: NodeJS.Timeout | undefined
  const waiting = new Map<string, () => void>()
  const retry = () => {
    if (closed) return
    timer = setTimeout(() => void connect(), 1000)
    timer.unref()
  }
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, application_name: `hearth-listen-${channel}` })
    c.on('notification', (n) => {
      if (n.channel !== channel) return
      const payload = n.payload ?? ''
      const done = waiting.get(payload)
      if (done) {
        waiting.delete(payload)
        done()
      } else handlers.message(payload)
    })
    c.on('error', () => {}) // 'end' follows
    c.on('end', () => {
      if (client !== c) return
      client = null
      handlers.lost()
      for (const done of waiting.values()) done()
      waiting.clear()
      retry()
    })
    try {
      await c.connect()
      await c.query(`listen ${channel}`)
    } catch {
      await c.end().catch(() => {})
      handlers.lost()
      retry()
      return
    }
    if (closed) {
      await c.end().catch(() => {})
      return
    }
    client = c
    handlers.ready()
  }
  void connect()
  let sending: Promise<unknown> = Promise.resolve()
  return {
    async echo(payload) {
      const c = client
      if (!c) return
      // never waits long: a lost connection says so through `lost`
      const heard = new Promise<void>((resolve) => {
        waiting.set(payload, resolve)
        setTimeout(resolve, 1000).unref()
      })
      // one statement at a time on this connection (pg 9 refuses a second while one runs)
      const sent = sending.then(() => c.query('select pg_notify($1, $2)', [channel, payload])).catch(() => {})
      sending = sent
      await sent
      await heard
      waiting.delete(payload)
    },
    async close() {
      closed = true
      clearTimeout(timer)
      const c = client
      client = null
      for (const done of waiting.values()) done()
      waiting.clear()
      await c?.end().catch(() => {})
    },
  }
}
