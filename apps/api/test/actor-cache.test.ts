import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActorCache, type CachedActorRow } from '../src/kernel/actor-cache'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePatch,
  makeTeam,
  type Session,
  signInAs,
  signInWithEmail,
  type Team,
  type TestApp,
} from '@hearth/test-kit'
import { waitUntil } from '@hearth/test-kit/wait'

const row = (personId: string, o: Partial<CachedActorRow> = {}): CachedActorRow => ({
  personId,
  councilId: 'c',
  councilName: 'A council',
  name: 'Test Person',
  email: 'x@example.test',
  roles: ['practitioner'],
  active: true,
  csrfToken: 't',
  expiresAt: new Date(Date.now() + 60_000),
  absoluteExpiresAt: new Date(Date.now() + 3600_000),
  lastSeenAt: new Date(),
  teams: [],
  conflicts: [],
  glass: [],
  ...o,
})

describe('the actor cache, alone', () => {
  it('serves nothing until it is listening, and nothing once it stops', () => {
    const c = new ActorCache(10_000)
    c.set('h1', row('p1'), c.generation())
    expect(c.get('h1', new Date())).toBeNull()
    c.up()
    c.set('h1', row('p1'), c.generation())
    expect(c.get('h1', new Date())?.personId).toBe('p1')
    c.down()
    expect(c.get('h1', new Date())).toBeNull()
    c.up()
    expect(c.get('h1', new Date())).toBeNull()
  })

  it('drops a person’s sessions when told, everything on `all`, and ignores another process’s sync', () => {
    const c = new ActorCache(10_000)
    c.up()
    c.set('h1', row('p1'), c.generation())
    c.set('h2', row('p1'), c.generation())
    c.set('h3', row('p2'), c.generation())
    c.changed('sync:abc')
    expect(c.get('h1', new Date())).not.toBeNull()
    c.changed('person:p1')
    expect(c.get('h1', new Date())).toBeNull()
    expect(c.get('h2', new Date())).toBeNull()
    expect(c.get('h3', new Date())).not.toBeNull()
    c.changed('all')
    expect(c.get('h3', new Date())).toBeNull()
  })

  it('does not keep a lookup that raced an announcement', () => {
    const c = new ActorCache(10_000)
    c.up()
    const gen = c.generation() // the lookup begins
    c.changed('person:p9') // a change commits meanwhile (any person)
    c.set('h1', row('p1'), gen)
    expect(c.get('h1', new Date())).toBeNull()
  })

  it('checks the session’s expiry and its own time limit on every use', () => {
    const c = new ActorCache(1_000)
    c.up()
    c.set('h1', row('p1', { expiresAt: new Date(Date.now() + 500) }), c.generation())
    expect(c.get('h1', new Date())).not.toBeNull()
    expect(c.get('h1', new Date(Date.now() + 600))).toBeNull()
    c.set('h2', row('p2'), c.generation())
    expect(c.get('h2', new Date(Date.now() + 1_500))).toBeNull()
  })
})

describe('the actor cache in two API processes sharing one database', () => {
  let dbx: Awaited<ReturnType<typeof freshDatabase>>
  let a: TestApp
  let b: TestApp
  let council: Council
  let team: Team
  let admin: Session
  let worker: Session & { person: { id: string; email: string } }
  let workerOnB: Session

  beforeAll(async () => {
    dbx = await freshDatabase()
    a = await buildTestApp(dbx.handle)
    b = await buildTestApp(dbx.handle, { BULLMQ_PREFIX: a.prefix })
    const db = dbx.handle.db
    council = await makeCouncil(db)
    const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
    team = await makeTeam(db, council, { patch })
    admin = await signInAs(a.app, db, council, 'administrator')
    worker = await signInAs(a.app, db, council, 'practitioner', { teams: [team] })
    workerOnB = await signInWithEmail(b.app, worker.person.email)
    await waitUntil(async () => !!a.app.actorCache?.listening && !!b.app.actorCache?.listening)
  })
  afterAll(async () => {
    await a.close()
    await b.close()
    await dbx.drop()
  })

  it('a second request within the time limit does not ask PostgreSQL who it is', async () => {
    const cache = b.app.actorCache!
    expect((await workerOnB.request('GET', `/api/teams/${team.id}/board`)).statusCode).toBe(200)
    const hits = cache.hits
    expect((await workerOnB.request('GET', `/api/teams/${team.id}/board`)).statusCode).toBe(200)
    expect(cache.hits).toBe(hits + 1)
  })

  it('taken off the team in one process: refused at once there, and in the other as soon as it hears', async () => {
    expect((await worker.request('GET', `/api/teams/${team.id}/board`)).statusCode).toBe(200)
    expect((await workerOnB.request('GET', `/api/teams/${team.id}/board`)).statusCode).toBe(200)
    const removed = await admin.request('DELETE', `/api/teams/${team.id}/members/${worker.person.id}`)
    expect(removed.statusCode, removed.body).toBeLessThan(300)
    // the process that made the change heard it before it answered
    // (another team's board is not theirs to know of: 404)
    expect((await worker.request('GET', `/api/teams/${team.id}/board`)).statusCode).toBe(404)
    await waitUntil(
      async () => (await workerOnB.request('GET', `/api/teams/${team.id}/board`)).statusCode === 404,
      2000,
    )
  })

  it('closed by hand in SQL, outside any route: both processes stop serving the session', async () => {
    await workerOnB.request('GET', '/api/auth/me')
    await dbx.handle.db.execute(sql`update people set active = false where id = ${worker.person.id}`)
    await waitUntil(
      async () =>
        (await worker.request('GET', '/api/auth/me')).statusCode === 401 &&
        (await workerOnB.request('GET', '/api/auth/me')).statusCode === 401,
      2000,
    )
  })

  it('its listening connection cut: nothing served from memory until it listens again', async () => {
    const cache = a.app.actorCache!
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200)
    await dbx.handle.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and application_name = 'hearth-listen-hearth_actor'`,
    )
    await waitUntil(async () => !cache.listening, 2000)
    const hits = cache.hits
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200)
    expect(cache.hits).toBe(hits)
    // back within a few seconds, empty
    await waitUntil(async () => cache.listening, 5000)
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200)
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200)
    expect(cache.hits).toBe(hits + 1)
  })
})
