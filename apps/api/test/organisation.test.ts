import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePatch,
  makeTeam,
  signInAs,
  signInWithEmail,
  type TestApp,
} from '@hearth/test-kit'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let admin: Awaited<ReturnType<typeof signInAs>>
let secondAdmin: Awaited<ReturnType<typeof signInAs>>

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  // three patches, each served by one family-facing team
  for (const name of ['Eastfield', 'Riverside', 'Oakhill'])
    await makeTeam(db, council, { patch: await makePatch(db, council, { name }) })
  admin = await signInAs(t.app, db, council, 'administrator')
  secondAdmin = await signInAs(t.app, db, council, 'administrator')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('organisation', () => {
  it('an administrator sets up a patch, a team for it, a person, and puts the person in the team', async () => {
    const patch = await admin.request('POST', '/api/patches', {
      name: 'Northgate',
      postcodeAreas: ['nm7', 'NM8 2', 'NM7'],
    })
    expect(patch.statusCode).toBe(201)
    expect(patch.json().postcodeAreas).toEqual(['NM7', 'NM8 2'])
    const team = await admin.request('POST', '/api/teams', {
      name: 'Northgate family team',
      kind: 'family_facing',
      patchId: patch.json().id,
    })
    expect(team.statusCode).toBe(201)
    expect(team.json()).toMatchObject({ patchName: 'Northgate', caseloadCap: 14, memberCount: 0 })
    const person = await admin.request('POST', '/api/people', {
      name: 'Nell Newcombe',
      email: 'Nell.Newcombe@test.example',
      roles: ['practitioner'],
      password: 'a-long-first-password',
    })
    expect(person.statusCode).toBe(201)
    expect(person.json().email).toBe('nell.newcombe@test.example')
    // the role waits for a second administrator
    expect(person.json()).toMatchObject({ roles: [], pendingRoles: ['practitioner'] })
    const [grant] = (await secondAdmin.request('GET', '/api/role-grants')).json()
    expect(grant).toMatchObject({ personName: 'Nell Newcombe', role: 'practitioner', canDecide: true })
    const approved = await secondAdmin.request('POST', `/api/role-grants/${grant.id}/decision`, { approve: true })
    expect(approved.statusCode).toBe(200)
    const add = await admin.request('POST', `/api/teams/${team.json().id}/members`, { personId: person.json().id })
    expect(add.statusCode).toBe(201)
    const twice = await admin.request('POST', `/api/teams/${team.json().id}/members`, { personId: person.json().id })
    expect(twice.statusCode).toBe(409)
    const detail = (await admin.request('GET', `/api/teams/${team.json().id}`)).json()
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['Nell Newcombe'])
    // the new person can sign in and sees the families of Northgate (none yet)
    const nell = await signInWithEmail(t.app, 'nell.newcombe@test.example', 'a-long-first-password')
    const me = (await nell.request('GET', '/api/auth/me')).json()
    expect(me.teams.map((x: { name: string }) => x.name)).toEqual(['Northgate family team'])
    expect((await nell.request('GET', '/api/families')).json()).toEqual([])
    const remove = await admin.request('DELETE', `/api/teams/${team.json().id}/members/${person.json().id}`)
    expect(remove.statusCode).toBe(200)
    expect((await admin.request('GET', `/api/teams/${team.json().id}`)).json().members).toEqual([])
  })

  it('the patches list counts the teams serving each patch', async () => {
    const list = (await admin.request('GET', '/api/patches')).json() as { name: string; teamCount: number }[]
    const byName = Object.fromEntries(list.map((p) => [p.name, p.teamCount]))
    expect(byName).toMatchObject({ Eastfield: 1, Riverside: 1, Oakhill: 1, Northgate: 1 })
  })

  it('only family-facing teams serve a patch', async () => {
    const patches = (await admin.request('GET', '/api/patches')).json()
    const res = await admin.request('POST', '/api/teams', {
      name: 'Patchy enablers',
      kind: 'enabler',
      patchId: patches[0].id,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.patchId' })
  })

  it('an administrator cannot lock themself out', async () => {
    const self = await admin.request('PATCH', `/api/people/${admin.personId}`, { active: false })
    expect(self.statusCode).toBe(400)
    const roles = await admin.request('PATCH', `/api/people/${admin.personId}`, { roles: ['enabler'] })
    expect(roles.statusCode).toBe(400)
    expect(roles.json().error.details[0].field).toBe('body.roles')
  })

  it('writes to the organisation are audited', async () => {
    const audit = (await admin.request('GET', `/api/audit?personId=${admin.personId}&limit=500`)).json()
    const actions = audit.events.map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'patch.create',
        'team.create',
        'person.create',
        'membership.create',
        'membership.delete',
      ]),
    )
  })

  it('serves the OpenAPI document with the routes in it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3/)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/families/{id}', '/api/teams/{id}/members', '/api/auth/sign-in']),
    )
    expect(doc.paths['/api/families'].post.requestBody).toBeTruthy()
  })

  it('health: live always; ready checks PostgreSQL and Redis', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' })
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json().checks).toEqual({ postgres: 'ok', redis: 'ok' })
  })
})
