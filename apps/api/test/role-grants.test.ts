import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { people, roleGrants } from '@hearth/db/schema/organisation'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePatch,
  makeTeam,
  signInAs as signInByRole,
  signInWithEmail as signInAs,
  type Session,
  type TestApp,
} from '@hearth/test-kit'
import { TEST_PASSWORD } from '@hearth/test-kit/db'

/**
 * #18 finding 7: an administrator gave themself the referral-officer role and opened every
 * family. Roles now take effect only when a second administrator approves them: not the one who
 * asked, not the person they are for; an account made by one administrator starts with none.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let other: Council
let ada: Awaited<ReturnType<typeof signInByRole>>
let abel: Awaited<ReturnType<typeof signInByRole>>

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  other = await makeCouncil(db)
  await makeTeam(db, council, { patch: await makePatch(db, council) })
  ada = await signInByRole(t.app, db, council, 'administrator', { name: 'Ada Admin' })
  abel = await signInByRole(t.app, db, council, 'administrator', { name: 'Abel Adminson' })
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const grantsFor = async (s: Session, personId: string) =>
  ((await s.request('GET', '/api/role-grants')).json() as { id: string; personId: string; role: string }[]).filter(
    (g) => g.personId === personId,
  )

describe('roles need a second administrator', () => {
  it('an administrator who gives themself case access gets none until another approves', async () => {
    const res = await ada.request('PATCH', `/api/people/${ada.personId}`, {
      roles: ['administrator', 'referral_officer'],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ roles: ['administrator'], pendingRoles: ['referral_officer'] })
    // still no families: the role is not theirs yet
    expect((await ada.request('GET', '/api/families')).statusCode).toBe(403)
    const [grant] = await grantsFor(ada, ada.personId)
    // nor can they approve it themself
    const self = await ada.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: true })
    expect(self.statusCode).toBe(403)
    const [row] = await dbx.handle.db.select().from(people).where(eq(people.id, ada.personId))
    expect(row!.roles).toEqual(['administrator'])
    // the second administrator refuses it: still nothing, and the refusal is on the audit trail
    const refused = await abel.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: false })
    expect(refused.statusCode).toBe(200)
    expect((await ada.request('GET', '/api/families')).statusCode).toBe(403)
    const again = await abel.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: true })
    expect(again.statusCode).toBe(409)
    const audit = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'role.refused'), eq(auditEvents.recordId, ada.personId)))
    expect(audit).toHaveLength(1)
  })

  it('an account one administrator makes cannot open a family until a second approves its role', async () => {
    const made = await ada.request('POST', '/api/people', {
      name: 'Puppet Person',
      email: 'puppet.person@test.example',
      roles: ['referral_officer'],
      password: 'a-long-first-password',
    })
    expect(made.statusCode).toBe(201)
    expect(made.json()).toMatchObject({ roles: [], pendingRoles: ['referral_officer'] })
    const puppet = await signInAs(t.app, 'puppet.person@test.example', 'a-long-first-password')
    expect((await puppet.request('GET', '/api/families')).statusCode).toBe(403)
    const [grant] = await grantsFor(abel, made.json().id)
    const ok = await abel.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: true })
    expect(ok.statusCode).toBe(200)
    // takes effect on the person's next request, without signing in again
    expect((await puppet.request('GET', '/api/families')).statusCode).toBe(200)
    const person = (await ada.request('GET', `/api/people/${made.json().id}`)).json()
    expect(person).toMatchObject({ roles: ['referral_officer'], pendingRoles: [] })
  })

  it('the list says who may decide: not the one who asked', async () => {
    const made = await ada.request('POST', '/api/people', {
      name: 'Waiting Person',
      email: 'waiting.person@test.example',
      roles: ['enabler'],
      password: 'a-long-first-password',
    })
    const mine = await grantsFor(ada, made.json().id)
    const theirs = await grantsFor(abel, made.json().id)
    expect(mine.map((g) => (g as unknown as { canDecide: boolean }).canDecide)).toEqual([false])
    expect(theirs.map((g) => (g as unknown as { canDecide: boolean }).canDecide)).toEqual([true])
  })

  it('taking a role away needs nobody else, and takes effect at once', async () => {
    const made = await ada.request('POST', '/api/people', {
      name: 'Leaving Person',
      email: 'leaving.person@test.example',
      roles: ['enabler'],
      password: 'a-long-first-password',
    })
    const [grant] = await grantsFor(abel, made.json().id)
    await abel.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: true })
    const res = await ada.request('PATCH', `/api/people/${made.json().id}`, { roles: ['insight_adviser'] })
    expect(res.json()).toMatchObject({ roles: [], pendingRoles: ['insight_adviser'] })
  })

  it('an administrator cannot add themself to a team', async () => {
    const teams = (await ada.request('GET', '/api/teams')).json() as { id: string; kind: string }[]
    const team = teams.find((x) => x.kind === 'family_facing')!
    const res = await ada.request('POST', `/api/teams/${team.id}/members`, { personId: ada.personId })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].field).toBe('body.personId')
  })

  it('another council’s grant is not found', async () => {
    const south = await signInByRole(t.app, dbx.handle.db, other, 'administrator')
    const made = await ada.request('POST', '/api/people', {
      name: 'Cross Person',
      email: 'cross.person@test.example',
      roles: ['enabler'],
      password: 'a-long-first-password',
    })
    const [grant] = await grantsFor(abel, made.json().id)
    const res = await south.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: true })
    expect(res.statusCode).toBe(404)
  })

  it('one administrator cannot set another’s password: it waits for a second (#31)', async () => {
    const abelEmail = abel.person.email
    const signIn = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: abelEmail, password } })
    const set = await ada.request('PATCH', `/api/people/${abel.personId}`, { password: 'ada-knows-this-one-now' })
    expect(set.statusCode, set.body).toBe(200)
    // nothing changed yet: ada cannot sign in as abel, abel still can with his own
    expect((await signIn('ada-knows-this-one-now')).statusCode).toBe(401)
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(200)
    const [grant] = (await grantsFor(ada, abel.personId)).filter((g) => g.role === 'new_password')
    expect(grant).toBeTruthy()
    // neither the one who set it nor the person it is for may approve it
    expect((await ada.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: true })).statusCode).toBe(
      403,
    )
    expect((await abel.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: true })).statusCode).toBe(
      403,
    )
    // nor is the hash anywhere but the database row it waits in
    expect(JSON.stringify(await grantsFor(ada, abel.personId))).not.toMatch(/scrypt/)
    // a third administrator approves: the new password works, the old does not, abel's sessions end
    const made = await ada.request('POST', '/api/people', {
      name: 'Cara Thirdadmin',
      email: 'cara.thirdadmin@test.example',
      roles: ['administrator'],
      password: 'a-long-first-password',
    })
    const [caraGrant] = await grantsFor(abel, made.json().id)
    expect(
      (await abel.request('POST', `/api/role-grants/${caraGrant!.id}/decision`, { approve: true })).statusCode,
    ).toBe(200)
    const cara = await signInAs(t.app, 'cara.thirdadmin@test.example', 'a-long-first-password')
    const ok = await cara.request('POST', `/api/role-grants/${grant!.id}/decision`, { approve: true })
    expect(ok.statusCode, ok.body).toBe(200)
    expect((await signIn('ada-knows-this-one-now')).statusCode).toBe(200)
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(401)
    expect((await abel.request('GET', '/api/auth/me')).statusCode).toBe(401)
    const [row] = await dbx.handle.db.select().from(roleGrants).where(eq(roleGrants.id, grant!.id))
    expect(row!.passwordHash).toBeNull()
  })
})
