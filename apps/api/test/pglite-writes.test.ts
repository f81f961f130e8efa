import { limit } from '@hearth/test-kit/time'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DbHandle, openDb } from '@hearth/db/client'
import { type SeededCouncil, seedDemoCouncil } from '@hearth/db/seed/demo'
import { ROLES, type Role } from '@hearth/domain/roles'
import { makeTestApp, type Session, signInAs, type TestApp } from '@hearth/test-kit/app'
import { testPasswordHash } from '@hearth/test-kit/db'
import { loadRouteCases } from '@hearth/test-kit/route-cases'
import { DEMO_EMAIL, fill, idsFor } from '@hearth/test-kit/route-ids'

/**
 * #31: a withdraw that read through `db` inside its own transaction froze Hearth on the embedded
 * database (PGlite has one connection: the second statement waits for ever, and every request
 * after it). Every write route in the route table, once, on PGlite as `npm start` runs it, each
 * with a time limit: none may hang, none may answer 5xx, and Hearth still answers at the end.
 */
const VALID = (await loadRouteCases(new URL('./routes/', import.meta.url))).validBody
const LIMIT_MS = 15_000
/** Routes that end the caller's own session: sent last, so the sweep keeps its sign-ins. */
const ENDS_SESSION = /sign-out|\/me\/password/

let lite: DbHandle
let t: TestApp
let seeded: SeededCouncil
const sessions = new Map<Role, Session>()

beforeAll(async () => {
  lite = await openDb({ kind: 'pglite', dataDir: 'memory://' })
  await lite.migrate()
  seeded = (await seedDemoCouncil(lite.db, {
    familyCount: 14,
    passwordHash: await testPasswordHash(),
    emailDomain: 'northmoor.example',
  }))!
  t = await makeTestApp(lite)
  for (const role of ROLES) sessions.set(role, await signInAs(t.app, `${DEMO_EMAIL[role]}@northmoor.example`))
}, limit(120_000))
afterAll(async () => {
  await t?.close()
  await lite?.close()
})

type Answer = { statusCode: number; body: string }
const inTime = (p: Promise<Answer>) =>
  Promise.race([p, new Promise<null>((resolve) => setTimeout(() => resolve(null), LIMIT_MS).unref())])

describe('every write route on the embedded database (PGlite)', () => {
  it(
    'answers in time, never 5xx, and Hearth answers afterwards',
    async () => {
      const ids = await idsFor(lite.db, seeded.councilId, seeded.patchIds[0]!)
      const writes = t.app.routeTable
        .filter((r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
        .filter((r) => Array.isArray(r.access))
        .sort((a, b) => Number(ENDS_SESSION.test(a.url)) - Number(ENDS_SESSION.test(b.url)))
      expect(writes.length).toBeGreaterThan(100)
      const hung: string[] = []
      const failed: string[] = []
      let answered = 0
      const codes = new Map<number, number>()
      const reached = new Map<string, number>()
      for (const r of writes) {
        const role = (r.access as readonly Role[])[0]!
        const key = `${r.method} ${r.url}`
        const body = r.method === 'DELETE' ? undefined : (VALID[key]?.(ids) ?? {})
        const res = await inTime(sessions.get(role)!.request(r.method as 'POST', fill(r.url, ids), body))
        if (!res) {
          hung.push(key)
          break // one connection held for ever: everything after it would wait too
        }
        answered++
        codes.set(res.statusCode, (codes.get(res.statusCode) ?? 0) + 1)
        reached.set(key, res.statusCode)
        if (res.statusCode >= 500) failed.push(`${key} ${res.statusCode}`)
        // a route that signed the caller out (or changed their password): sign in again
        if (res.statusCode < 400 && ENDS_SESSION.test(r.url))
          sessions.set(role, await signInAs(t.app, `${DEMO_EMAIL[role]}@northmoor.example`))
      }
      console.log(`PGlite writes: ${answered} routes; answers ${[...codes].map(([c, n]) => `${c}×${n}`).join(', ')}`)
      expect(hung).toEqual([])
      expect(failed).toEqual([])
      expect(answered).toBe(writes.length)
      // the withdraw that froze Hearth ran to its end, inside its transaction
      expect(reached.get('POST /api/commissions/:id/withdraw')).toBe(200)
      const me = await inTime(sessions.get('practitioner')!.request('GET', '/api/auth/me'))
      expect(me?.statusCode).toBe(200)
    },
    limit(600_000),
  )
})
