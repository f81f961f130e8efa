import { AsyncLocalStorage } from 'node:async_hooks'
import { sql } from 'drizzle-orm'
import { type Db, type DbHandle, type Listening, openDb } from './client'

/**
 * Councils placed on a fleet of PostgreSQL servers. The home server (DATABASE_URL) holds the
 * placement table; every other server is named in DATABASE_SERVERS. A council with no placement
 * is on the home server, so a Hearth with one server is a fleet of one and needs no rows at all.
 *
 * Code never picks a server: it uses `fleet.db` (or `guarded`), which sends each statement to the
 * server of the council in scope. The API puts the signed-in person's council in scope for the
 * rest of the request, the worker the job's council; a query with no council in scope, on a fleet
 * of more than one server, is refused rather than sent somewhere by guess. The few things that
 * come before a council is known (signing in by email alone, the list of councils, the sweeps)
 * ask every server in turn with `onEachReachableServer`, each one its own query: nothing spans councils.
 */
export interface FleetServer {
  name: string
  url: string
}

interface Scope {
  fleet: Fleet | null
  councilId: string | null
  /** A server chosen outright (the sweeps, `onEachReachableServer`): wins over the council. */
  server: string | null
}

const scope = new AsyncLocalStorage<Scope>()
/**
 * Whether this process has a fleet of more than one server. Until it has, nothing enters a scope:
 * on Node 20 an AsyncLocalStorage in use puts a hook on every promise (a cost too small to see
 * through this machine's noise in the SQL-ceiling bench), which a single server need not pay.
 */
let routing = false

export const HOME_SERVER = 'home'
const SERVER_NAME = /^[a-z][a-z0-9_-]{0,39}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Refused: a statement with no council (or server) in scope on a fleet of several servers. */
export class NoCouncilInScope extends Error {
  readonly code = 'no_council_in_scope'
  constructor() {
    super('no_council_in_scope')
  }
}

/** `name=url,name=url` (DATABASE_SERVERS) as a list; names are lower-case words. */
export function parseServers(value: string | undefined): FleetServer[] {
  if (!value?.trim()) return []
  return value.split(',').map((part) => {
    const at = part.indexOf('=')
    const name = part.slice(0, at).trim()
    const url = part.slice(at + 1).trim()
    if (at < 1 || !SERVER_NAME.test(name) || name === HOME_SERVER || !/^postgres(ql)?:\/\//.test(url))
      throw new Error(`DATABASE_SERVERS: each entry is name=postgres://… (a lower-case name, not "home")`)
    return { name, url }
  })
}

export class Fleet {
  readonly servers: ReadonlyMap<string, DbHandle>
  readonly urls: ReadonlyMap<string, string>
  /** Every statement to the server of the council in scope. */
  readonly db: Db
  /** The same, through each server's council-scope guard (tests, COUNCIL_SCOPE_GUARD). */
  readonly guarded: Db
  private placed = new Map<string, string>()
  private listening: Listening | null = null
  private timer: NodeJS.Timeout | undefined

  private constructor(servers: Map<string, DbHandle>, urls: Map<string, string>) {
    this.servers = servers
    this.urls = urls
    const one = servers.size === 1 ? servers.get(HOME_SERVER) : undefined
    // one server: its own connections, nothing to choose
    this.db = one ? one.db : this.routed((h) => h.db)
    this.guarded = one ? one.guarded : this.routed((h) => h.guarded)
    if (!one) routing = true
  }

  /** Opens a pool on each server (home first) and reads the placements. */
  static async open(homeUrl: string, others: FleetServer[] = [], poolSize?: number): Promise<Fleet> {
    const all = [{ name: HOME_SERVER, url: homeUrl }, ...others]
    if (new Set(all.map((s) => s.name)).size !== all.length) throw new Error('DATABASE_SERVERS: a name twice')
    const handles = new Map<string, DbHandle>()
    for (const s of all) handles.set(s.name, await openDb({ kind: 'postgres', url: s.url, poolSize }))
    return new Fleet(handles, new Map(all.map((s) => [s.name, s.url])))
  }

  /** A fleet of one server that is already open (PGlite, a test's database). */
  static single(handle: DbHandle): Fleet {
    return new Fleet(new Map([[HOME_SERVER, handle]]), new Map())
  }

  get home(): DbHandle {
    return this.servers.get(HOME_SERVER)!
  }

  get size(): number {
    return this.servers.size
  }

  /** Reads the placement table again (at start, and whenever it changes). */
  async refresh(): Promise<void> {
    if (this.size === 1) return
    const result = await this.home.db.execute(sql`select council_id, server from council_placements`)
    const rows = (result as unknown as { rows: { council_id: string; server: string }[] }).rows
    const next = new Map<string, string>()
    for (const r of rows) {
      if (!this.servers.has(r.server)) throw new Error(`a council is placed on server "${r.server}", not configured`)
      next.set(r.council_id, r.server)
    }
    this.placed = next
  }

  /** Reads the placements and keeps them up to date (NOTIFY on the home server). */
  async start(): Promise<void> {
    await this.refresh()
    if (this.size === 1 || !this.home.listen) return
    const ready = new Promise<void>((resolve) => {
      this.listening = this.home.listen!('hearth_placement', {
        message: () => void this.refresh().catch(() => {}),
        ready: () => {
          void this.refresh()
            .catch(() => {})
            .then(resolve)
        },
        lost: () => {},
      })
    })
    await ready
    // and every 30 s besides, should a change be missed while the listening connection was away
    this.timer = setInterval(() => void this.refresh().catch(() => {}), 30_000)
    this.timer.unref()
  }

  /** The server holding a council (the home server when it has no placement). */
  serverOf(councilId: string): string {
    return this.placed.get(councilId) ?? HOME_SERVER
  }

  /** True when this server is where the council is held now (not a copy left by a move). */
  holds(server: string, councilId: string): boolean {
    return this.serverOf(councilId) === server
  }

  handleOf(councilId: string): DbHandle {
    return this.servers.get(this.serverOf(councilId))!
  }

  /** The server for the statement about to run: the one chosen, or the council's, or refused. */
  current(): DbHandle {
    const s = scope.getStore()
    if (s?.server) {
      const h = this.servers.get(s.server)
      if (!h) throw new NoCouncilInScope()
      return h
    }
    if (s?.councilId) return this.handleOf(s.councilId)
    if (this.size === 1) return this.home
    throw new NoCouncilInScope()
  }

  /** Runs `fn` with this fleet in scope and no council yet (a request, a job). */
  enter<T>(fn: () => T, councilId: string | null = null): T {
    if (this.size === 1) return fn()
    return scope.run({ fleet: this, councilId, server: null }, fn)
  }

  /** The composite handle: migrate, ping and close every server; listen on every one. */
  handle(useGuarded = false): DbHandle {
    const all = [...this.servers.values()]
    const listens = all.every((h) => h.listen)
    return {
      db: useGuarded ? this.guarded : this.db,
      guarded: this.guarded,
      kind: this.home.kind,
      migrate: async (folder) => {
        for (const h of all) await h.migrate(folder)
      },
      ping: async () => {
        await Promise.all(all.map((h) => h.ping()))
      },
      close: async () => {
        clearInterval(this.timer)
        await this.listening?.close()
        await Promise.all(all.map((h) => h.close()))
      },
      listen: listens ? (channel, handlers) => listenAll(all, channel, handlers) : null,
    }
  }

  private routed(pick: (h: DbHandle) => Db): Db {
    return new Proxy({} as Db, {
      get: (_t, prop) => {
        const target = pick(this.current()) as unknown as Record<PropertyKey, unknown>
        const v = Reflect.get(target, prop, target)
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
      },
    })
  }
}

/** LISTEN on every server: ready when all are, lost when any is; echo on every one. */
function listenAll(
  all: DbHandle[],
  channel: string,
  handlers: Parameters<NonNullable<DbHandle['listen']>>[1],
): Listening {
  if (all.length === 1) return all[0]!.listen!(channel, handlers)
  const up = new Set<number>()
  const each = all.map((h, i) =>
    h.listen!(channel, {
      message: handlers.message,
      ready: () => {
        up.add(i)
        if (up.size === all.length) handlers.ready()
      },
      lost: () => {
        up.delete(i)
        handlers.lost()
      },
    }),
  )
  return {
    echo: async (payload) => {
      await Promise.all(each.map((l) => l.echo(payload)))
    },
    close: async () => {
      await Promise.all(each.map((l) => l.close()))
    },
  }
}

/**
 * Puts a council in scope. Inside a request or job (which `enter`ed a fleet) it sets the council
 * for the rest of it when called without `fn`; with `fn`, only for `fn`.
 */
export function inCouncil(councilId: string): void
export function inCouncil<T>(councilId: string, fn: () => T): T
export function inCouncil<T>(id: string, fn?: () => T): T | undefined {
  if (!UUID.test(id)) throw new Error('inCouncil: not a council id')
  const councilId = id.toLowerCase()
  const s = scope.getStore()
  if (!fn) {
    if (s) {
      s.councilId = councilId
      s.server = null
    }
    return undefined
  }
  if (!routing) return fn()
  return scope.run({ fleet: s?.fleet ?? null, councilId, server: null }, fn)
}

/**
 * Runs `fn` once on each server of the fleet in scope (once, with `null`, when there is none), for
 * what comes before a council is known, and the sweeps; each call is its own query on one server,
 * and with `server`, `fn` can leave out councils that server holds only as a copy. A server that
 * cannot be reached is passed over (one server down must not stop the councils on the others):
 * what the reachable ones answered, and how many could not answer.
 */
export async function onEachReachableServer<T>(
  fn: (server: string | null) => Promise<T>,
): Promise<{ results: T[]; failed: number }> {
  const fleet = scope.getStore()?.fleet
  if (!fleet) return { results: [await fn(null)], failed: 0 }
  const results: T[] = []
  let failed = 0
  for (const name of fleet.servers.keys()) {
    try {
      results.push(await scope.run({ fleet, councilId: null, server: name }, () => fn(name)))
    } catch (err) {
      if (!isUnreachable(err)) throw err
      failed++
    }
  }
  return { results, failed }
}

/** A database server that cannot be reached, or is shutting down or starting up. */
export function isUnreachable(err: unknown): boolean {
  let e = err as { code?: string; cause?: unknown; message?: string } | undefined
  for (let i = 0; e && i < 4; i++) {
    const code = e.code ?? ''
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)) return true
    if (/^(08|57P)/.test(code)) return true
    if (e.message === 'Connection terminated unexpectedly') return true
    e = e.cause as typeof e
  }
  return false
}

/** The fleet in scope (null outside a request or job, or with a plain database). */
export function fleetInScope(): Fleet | null {
  return scope.getStore()?.fleet ?? null
}

/** True when a row of `councilId` read on `server` (from `onEachReachableServer`) is the one in use. */
export function heldHere(server: string | null, councilId: string): boolean {
  const fleet = scope.getStore()?.fleet
  return !fleet || server === null || fleet.holds(server, councilId)
}

/** A council id named at the front of a token (`<council id>.<secret>`), or null. */
export function councilOfToken(token: string): string | null {
  const dot = token.indexOf('.')
  if (dot !== 36) return null
  const id = token.slice(0, 36).toLowerCase()
  return UUID.test(id) ? id : null
}

/** Refused by a frozen council's server (being moved): SQLSTATE HM503. */
export function isCouncilMoving(err: unknown): boolean {
  let e = err as { code?: string; cause?: unknown } | undefined
  for (let i = 0; e && i < 4; i++) {
    if (e.code === 'HM503') return true
    e = e.cause as typeof e
  }
  return false
}
