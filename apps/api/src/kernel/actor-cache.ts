/**
 * Who a signed-in person is, kept briefly per API process so most requests skip the session
 * lookup. Correctness first:
 * - every change to a session, person, membership, conflict of interest, break-glass opening,
 *   team or council is announced by the database itself when it commits (migration 0039's
 *   triggers, NOTIFY `hearth_actor`), whoever made it; each process drops what it held for that
 *   person (or everything);
 * - while the process cannot hear those announcements (its listening connection is down), nothing
 *   is served from the cache;
 * - a lookup that raced an announcement is not kept (a generation count);
 * - expiry of the session and of each break-glass opening is checked on every use, and nothing is
 *   kept longer than `ttlMs` whatever happens.
 */
export interface CachedActorRow {
  personId: string
  councilId: string
  councilName: string
  name: string
  email: string
  roles: string[]
  active: boolean
  csrfToken: string
  expiresAt: Date
  absoluteExpiresAt: Date
  lastSeenAt: Date
  teams: unknown[]
  conflicts: string[]
  /** Break-glass openings with when each ends. */
  glass: { familyId: string; until: Date }[]
}

export const ACTOR_CHANNEL = 'hearth_actor'

export class ActorCache {
  private readonly entries = new Map<string, { row: CachedActorRow; at: number }>()
  private readonly byPerson = new Map<string, Set<string>>()
  private gen = 0
  private live = false
  hits = 0
  misses = 0

  constructor(
    private readonly ttlMs: number,
    private readonly max = 20_000,
  ) {}

  /** Listening: start afresh. */
  up(): void {
    this.gen++
    this.clear()
    this.live = true
  }

  /** Not listening: serve nothing from memory until listening again. */
  down(): void {
    this.gen++
    this.live = false
    this.clear()
  }

  get listening(): boolean {
    return this.live
  }

  /** What the database announced: `person:<id>`, or `all` (another process's `sync:` is not news). */
  changed(message: string): void {
    if (message.startsWith('sync:')) return
    this.gen++
    if (message.startsWith('person:')) this.dropPerson(message.slice('person:'.length))
    else this.clear()
  }

  generation(): number {
    return this.gen
  }

  get(tokenHash: string, now: Date): CachedActorRow | null {
    if (!this.live) return null
    const e = this.entries.get(tokenHash)
    const t = now.getTime()
    if (!e || t - e.at > this.ttlMs || e.row.expiresAt.getTime() <= t || e.row.absoluteExpiresAt.getTime() <= t) {
      if (e) this.drop(tokenHash)
      this.misses++
      return null
    }
    this.hits++
    return e.row
  }

  /** Kept only if nothing was announced since the lookup began (`gen` taken before it). */
  set(tokenHash: string, row: CachedActorRow, gen: number): void {
    if (!this.live || gen !== this.gen) return
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.drop(oldest)
    }
    this.entries.set(tokenHash, { row, at: Date.now() })
    const set = this.byPerson.get(row.personId) ?? new Set<string>()
    set.add(tokenHash)
    this.byPerson.set(row.personId, set)
  }

  private drop(tokenHash: string) {
    const e = this.entries.get(tokenHash)
    if (!e) return
    this.entries.delete(tokenHash)
    const set = this.byPerson.get(e.row.personId)
    set?.delete(tokenHash)
    if (set?.size === 0) this.byPerson.delete(e.row.personId)
  }

  private dropPerson(personId: string) {
    for (const hash of this.byPerson.get(personId) ?? []) this.entries.delete(hash)
    this.byPerson.delete(personId)
  }

  private clear() {
    this.entries.clear()
    this.byPerson.clear()
  }
}
