import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type Session, signInAs, type TestApp } from '@hearth/test-kit/app'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'

/**
 * #18 finding 6: a Northmoor administrator learned that an address was in use in another council
 * ("already in use") and could take addresses on another council's domain. Emails are now unique
 * within a council; sign-in takes the council (or an address used in exactly one council).
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
let north: Session

beforeAll(async () => {
  dbx = await freshPgDatabase()
  seeded = await seedTwoCouncils(dbx.handle, 2)
  t = await makeTestApp(dbx.handle)
  north = await signInAs(t.app, 'admin@northmoor.example')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const signIn = (body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: body })

describe('email addresses are unique within a council', () => {
  it('another council’s address is not "in use" here, and taking it changes nothing there', async () => {
    const made = await north.request('POST', '/api/people', {
      name: 'Same Address',
      email: 'enabler@southmere.example',
      roles: ['enabler'],
      password: 'a-long-first-password',
    })
    expect(made.statusCode).toBe(201)
    // the Southmere enabler still signs in, into Southmere, by choosing their council
    const res = await signIn({
      email: 'enabler@southmere.example',
      password: 'hearth-demo-2026',
      councilId: seeded.b.councilId,
    })
    expect(res.statusCode).toBe(200)
    const cookie = `hearth_session=${res.cookies.find((c) => c.name === 'hearth_session')!.value}`
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json()
    expect(me.councilId).toBe(seeded.b.councilId)
    // and the Northmoor account signs into Northmoor with its own password
    const mine = await signIn({
      email: 'enabler@southmere.example',
      password: 'a-long-first-password',
      councilId: seeded.a.councilId,
    })
    expect(mine.statusCode).toBe(200)
  })

  it('the same address twice in one council is a 409 naming the field', async () => {
    const res = await north.request('POST', '/api/people', {
      name: 'Twice',
      email: 'enabler@northmoor.example',
      roles: ['enabler'],
      password: 'a-long-first-password',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details[0].field).toBe('body.email')
  })

  it('without a council, an address in two councils answers as an unknown one would', async () => {
    const unknown = await signIn({ email: 'nobody.at.all@southmere.example', password: 'hearth-demo-2026' })
    const shared = await signIn({ email: 'enabler@southmere.example', password: 'hearth-demo-2026' })
    expect(shared.statusCode).toBe(401)
    expect(shared.json().error.message).toBe(unknown.json().error.message)
    // an address in one council only still signs in without choosing
    expect((await signIn({ email: 'referrals@southmere.example', password: 'hearth-demo-2026' })).statusCode).toBe(200)
  })

  it('the wrong council answers as a wrong password would', async () => {
    const res = await signIn({
      email: 'referrals@southmere.example',
      password: 'hearth-demo-2026',
      councilId: seeded.a.councilId,
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toBe('That email and password do not match an account.')
  })

  it('the sign-in page can list the councils, names only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/councils' })
    expect(res.statusCode).toBe(200)
    const list = res.json() as { id: string; name: string }[]
    expect(list.map((c) => c.id).sort()).toEqual([seeded.a.councilId, seeded.b.councilId].sort())
    expect(Object.keys(list[0]!).sort()).toEqual(['id', 'name'])
  })
})
