import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePerson,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'
import { TEST_PASSWORD } from '@hearth/test-kit/db'

/**
 * #18 finding 6: an administrator in one council learned that an address was in use in another
 * council ("already in use") and could take addresses on another council's domain. Emails are now
 * unique within a council; sign-in takes the council (or an address used in exactly one council).
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let north: Council
let south: Council
let admin: Awaited<ReturnType<typeof signInAs>>

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  north = await makeCouncil(db, { name: 'Northtest Borough Council (test)' })
  south = await makeCouncil(db, { name: 'Southtest Borough Council (test)' })
  admin = await signInAs(t.app, db, north, 'administrator')
  await makePerson(db, north, { role: 'enabler', email: 'enabler@north.test.example' })
  await makePerson(db, south, { role: 'enabler', email: 'enabler@south.test.example' })
  await makePerson(db, south, { role: 'referral_officer', email: 'referrals@south.test.example' })
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const signIn = (body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: body })

describe('email addresses are unique within a council', () => {
  it('another council’s address is not "in use" here, and taking it changes nothing there', async () => {
    const made = await admin.request('POST', '/api/people', {
      name: 'Same Address',
      email: 'enabler@south.test.example',
      roles: ['enabler'],
      password: 'a-long-first-password',
    })
    expect(made.statusCode).toBe(201)
    // the other council's enabler still signs in, into Southmere, by choosing their council
    const res = await signIn({
      email: 'enabler@south.test.example',
      password: TEST_PASSWORD,
      councilId: south.id,
    })
    expect(res.statusCode).toBe(200)
    const cookie = `hearth_session=${res.cookies.find((c) => c.name === 'hearth_session')!.value}`
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json()
    expect(me.councilId).toBe(south.id)
    // and the new account signs into its own council with its own password
    const mine = await signIn({
      email: 'enabler@south.test.example',
      password: 'a-long-first-password',
      councilId: north.id,
    })
    expect(mine.statusCode).toBe(200)
  })

  it('the same address twice in one council is a 409 naming the field', async () => {
    const res = await admin.request('POST', '/api/people', {
      name: 'Twice',
      email: 'enabler@north.test.example',
      roles: ['enabler'],
      password: 'a-long-first-password',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details[0].field).toBe('body.email')
  })

  it('without a council, an address in two councils answers as an unknown one would', async () => {
    const unknown = await signIn({ email: 'nobody.at.all@south.test.example', password: TEST_PASSWORD })
    const shared = await signIn({ email: 'enabler@south.test.example', password: TEST_PASSWORD })
    expect(shared.statusCode).toBe(401)
    expect(shared.json().error.message).toBe(unknown.json().error.message)
    // an address in one council only still signs in without choosing
    expect((await signIn({ email: 'referrals@south.test.example', password: TEST_PASSWORD })).statusCode).toBe(200)
  })

  it('the wrong council answers as a wrong password would', async () => {
    const res = await signIn({
      email: 'referrals@south.test.example',
      password: TEST_PASSWORD,
      councilId: north.id,
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toBe('That email and password do not match an account.')
  })

  it('the sign-in page can list the councils, names only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/councils' })
    expect(res.statusCode).toBe(200)
    const list = res.json() as { id: string; name: string }[]
    expect(list.map((c) => c.id).sort()).toEqual([north.id, south.id].sort())
    expect(Object.keys(list[0]!).sort()).toEqual(['id', 'name'])
  })
})
