import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { sessions } from '@hearth/db/schema/auth'
import { people } from '@hearth/db/schema/organisation'
import { MAX_FAILED_SIGN_INS } from '@hearth/domain/access'
import { loadConfig } from '../src/config'
import type { Role } from '@hearth/domain/roles'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePerson,
  signInWithEmail as signInAs,
  type TestApp,
} from '@hearth/test-kit'
import { TEST_PASSWORD } from '@hearth/test-kit/db'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council

/** The people these tests sign in as, by address (each in the one council, with the test password). */
const PEOPLE: [email: string, role: Role][] = [
  ['admin@test.example', 'administrator'],
  ['enabler@test.example', 'enabler'],
  ['insight@test.example', 'insight_adviser'],
  ['strategy@test.example', 'strategy_member'],
  ['rosa.redfern@test.example', 'practitioner'],
  ['rhys.ridgeway@test.example', 'practitioner'],
  ['eli.eastwick@test.example', 'enabler'],
]

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  council = await makeCouncil(dbx.handle.db)
  for (const [email, role] of PEOPLE) await makePerson(dbx.handle.db, council, { email, role })
  // a second council, so that sign-in has more than one to choose from
  await makeCouncil(dbx.handle.db)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('sign-in', () => {
  it('signs in with the right password, sets an HttpOnly SameSite cookie and returns who you are', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'ADMIN@test.example', password: TEST_PASSWORD },
    })
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'hearth_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Strict')
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `hearth_session=${cookie.value}` },
    })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({
      email: 'admin@test.example',
      roles: ['administrator'],
      councilId: council.id,
    })
    // only the hash of the token is stored
    const rows = await dbx.handle.db.select().from(sessions)
    expect(rows.some((r) => r.tokenHash === cookie.value)).toBe(false)
  })

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'enabler@test.example', password: 'not-the-password' },
    })
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@test.example', password: 'not-the-password' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().error.message).toBe(unknown.json().error.message)
    expect(wrong.cookies.find((c) => c.name === 'hearth_session')).toBeUndefined()
  })

  it('names the field when the body is malformed', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'not-an-email' } })
    expect(res.statusCode).toBe(400)
    const fields = res.json().error.details.map((d: { field: string }) => d.field)
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']))
  })

  it('signs out: the old cookie no longer works', async () => {
    const s = await signInAs(t.app, 'insight@test.example')
    const out = await s.request('POST', '/api/auth/sign-out')
    expect(out.statusCode).toBe(200)
    const me = await s.request('GET', '/api/auth/me')
    expect(me.statusCode).toBe(401)
  })
})

describe('CSRF', () => {
  it('refuses a change without the token, or with a wrong one, and writes nothing', async () => {
    const s = await signInAs(t.app, 'admin@test.example')
    const before = await dbx.handle.db.select({ n: sql<number>`count(*)::int` }).from(people)
    const none = await s.request(
      'POST',
      '/api/people',
      { name: 'Csrf Nobody', email: 'csrf@test.example', roles: ['enabler'], password: 'long-enough-password' },
      { csrf: null },
    )
    expect(none.statusCode).toBe(403)
    expect(none.json().error.code).toBe('csrf_failed')
    const wrong = await s.request(
      'POST',
      '/api/people',
      { name: 'Csrf Nobody', email: 'csrf@test.example', roles: ['enabler'], password: 'long-enough-password' },
      { csrf: 'x'.repeat(43) },
    )
    expect(wrong.statusCode).toBe(403)
    const after = await dbx.handle.db.select({ n: sql<number>`count(*)::int` }).from(people)
    expect(after).toEqual(before)
    // with the token it works
    const ok = await s.request('POST', '/api/people', {
      name: 'Csrf Somebody',
      email: 'csrf@test.example',
      roles: ['enabler'],
      password: 'long-enough-password',
    })
    expect(ok.statusCode).toBe(201)
  })

  it('one session’s token does not work with another session', async () => {
    const a = await signInAs(t.app, 'admin@test.example')
    const b = await signInAs(t.app, 'admin@test.example')
    const res = await a.request(
      'POST',
      '/api/patches',
      { name: 'Cross token', postcodeAreas: ['NM8'] },
      { csrf: b.csrf },
    )
    expect(res.statusCode).toBe(403)
  })
})

describe('lock-out', () => {
  it(`locks the account after ${MAX_FAILED_SIGN_INS} failures, even against the right password, until an administrator unlocks it`, async () => {
    const email = 'rosa.redfern@test.example'
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'guess' } })
      expect(r.statusCode).toBe(401)
    }
    const last = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'guess' } })
    // a stranger guessing learns nothing: the same answer as an unknown email
    expect(last.statusCode).toBe(401)
    expect(last.json().error.message).toBe('That email and password do not match an account.')
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
    })
    // while locked, the right password gets the same answer as a wrong one (no password oracle, #31)
    expect(right.statusCode).toBe(401)
    expect(right.json().error.message).toBe(last.json().error.message)
    expect(right.json().error.code).toBe(last.json().error.code)
    // and the guess while locked counted
    const [counted] = await dbx.handle.db.select().from(people).where(eq(people.email, email))
    expect(counted!.failedSignIns).toBe(MAX_FAILED_SIGN_INS + 1)

    const admin = await signInAs(t.app, 'admin@test.example')
    const [rosa] = await dbx.handle.db.select().from(people).where(eq(people.email, email))
    const listed = (await admin.request('GET', `/api/people/${rosa!.id}`)).json()
    expect(listed.locked).toBe(true)
    const unlock = await admin.request('PATCH', `/api/people/${rosa!.id}`, { unlock: true })
    expect(unlock.statusCode).toBe(200)
    expect(unlock.json().locked).toBe(false)
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
    })
    expect(again.statusCode).toBe(200)
    const actions = (
      await dbx.handle.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.recordId, rosa!.id))
    ).map((r) => r.action)
    expect(actions.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(MAX_FAILED_SIGN_INS)
    expect(actions).toContain('auth.sign_in_refused_locked')
  })

  it('counts parallel guesses: 20 at once still lock the account', async () => {
    const email = 'rhys.ridgeway@test.example'
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'guess' } }),
      ),
    )
    expect(results.every((r) => r.statusCode === 401)).toBe(true)
    const [row] = await dbx.handle.db.select().from(people).where(eq(people.email, email))
    expect(row!.failedSignIns).toBeGreaterThanOrEqual(MAX_FAILED_SIGN_INS)
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now())
  })
})

describe('session expiry', () => {
  it('an idle-expired session is refused', async () => {
    const s = await signInAs(t.app, 'strategy@test.example')
    await dbx.handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.personId, s.personId))
    await t.app.actorChangesHeard() // changed in SQL, not through a route: heard within moments
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401)
  })

  it('an absolute-expired session is refused however recently used', async () => {
    const s = await signInAs(t.app, 'strategy@test.example')
    await dbx.handle.db
      .update(sessions)
      .set({ absoluteExpiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(sessions.personId, s.personId)))
    await t.app.actorChangesHeard()
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401)
  })

  it('use pushes the idle expiry forward', async () => {
    const s = await signInAs(t.app, 'enabler@test.example')
    const past = new Date(Date.now() - 5 * 60_000)
    await dbx.handle.db
      .update(sessions)
      .set({ lastSeenAt: past, expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(sessions.personId, s.personId))
    await t.app.actorChangesHeard()
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(200)
    const [row] = await dbx.handle.db.select().from(sessions).where(eq(sessions.personId, s.personId))
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000)
  })

  it('closing an account ends its sessions at once', async () => {
    const s = await signInAs(t.app, 'eli.eastwick@test.example')
    const admin = await signInAs(t.app, 'admin@test.example')
    expect((await admin.request('PATCH', `/api/people/${s.personId}`, { active: false })).statusCode).toBe(200)
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401)
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'eli.eastwick@test.example', password: TEST_PASSWORD },
    })
    expect(again.statusCode).toBe(401)
  })
})

describe('configuration', () => {
  it('a wrong value stops start-up with a message naming the variable', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ REDIS_URL: 'localhost' })).toThrow(/REDIS_URL/)
    expect(() => loadConfig({ REDIS_URL: 'redis://x', DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({})).toThrow(/REDIS_URL/)
    const fleet = { REDIS_URL: 'redis://x', DATABASE_URL: 'postgres://u@h/db' }
    for (const bad of ['home=postgres://u@h/d', 'Two=postgres://u@h/d', 'two=mysql://h/d', 'two'])
      expect(() => loadConfig({ ...fleet, DATABASE_SERVERS: bad }), bad).toThrow(/DATABASE_SERVERS/)
    expect(loadConfig({ ...fleet, DATABASE_SERVERS: 'two=postgres://u@h/d,three=postgres://u@k/d' }).embedded).toBe(
      false,
    )
    expect(() => loadConfig({ REDIS_URL: 'redis://x', DATABASE_SERVERS: 'two=postgres://u@h/d' })).toThrow(
      /DATABASE_URL/,
    )
  })
  it('no DATABASE_URL means embedded PGlite with the worker in-process', () => {
    const c = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })
    expect(c.embedded).toBe(true)
    expect(c.runWorkerInProcess).toBe(true)
    const s = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://u@h/db' })
    expect(s.embedded).toBe(false)
    expect(s.runWorkerInProcess).toBe(false)
  })
})
