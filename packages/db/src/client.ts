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
import * as schema from './schema/index'

export type Schema = typeof schema
/** Both drivers share this surface; code never needs to know which one it has. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type Executor = Db | Tx

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url))

export type DbTarget = { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string }

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
}

export async function openDb(target: DbTarget): Promise<DbHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
    // A dropped idle connection must not crash the process.
    pool.on('error', () => {})
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
  }
}
