import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { people } from '@hearth/db'
import { buildTestApp, type Council, freshDatabase, makeCouncil, makePerson, type TestApp } from '../../../test/kit'

/**
 * Sign-in cannot be used to guess at speed, nor to learn which accounts exist: after the limit a
 * 429 in the one error shape (counted in Redis, so every API process shares it), and one answer at
 * one cost for an unknown email, a closed account, a locked one and a wrong password.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle, { SIGN_IN_LIMIT_PER_IP: 12, SIGN_IN_LIMIT_PER_EMAIL: 5 })
  council = await makeCouncil(dbx.handle.db)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const attempt = (email: string, password: string, ip = '203.0.113.9') =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip })

describe('sign-in', () => {
  it('answers 429 after the limit for one email, even from many addresses', async () => {
    const target = await makePerson(dbx.handle.db, council, { role: 'practitioner' })
    const codes: number[] = []
    for (let i = 0; i < 8; i++) codes.push((await attempt(target.email, 'guess', `198.51.100.${i + 1}`)).statusCode)
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true)
    expect(codes.slice(5)).toEqual([429, 429, 429])
    const last = await attempt(target.email, 'guess', '198.51.100.99')
    expect(last.json().error).toMatchObject({ code: 'rate_limited' })
  })

  it('answers 429 after the limit for one address, whatever the emails', async () => {
    const codes: number[] = []
    for (let i = 0; i < 15; i++) codes.push((await attempt(`nobody${i}@test.example`, 'guess', '192.0.2.7')).statusCode)
    expect(codes.filter((c) => c === 429).length).toBe(3)
    expect(codes.slice(0, 12).every((c) => c === 401)).toBe(true)
  })

  it('says the same, at the same cost, for unknown, closed, locked and wrong-password accounts', async () => {
    const db = dbx.handle.db
    const open = await makePerson(db, council, { role: 'enabler' })
    const closed = await makePerson(db, council, { role: 'enabler', active: false })
    const locked = await makePerson(db, council, { role: 'enabler' })
    await db
      .update(people)
      .set({ failedSignIns: 5, lockedUntil: new Date(Date.now() + 3600_000) })
      .where(eq(people.id, locked.id))
    const cases: [string, string, string][] = [
      ['unknown', 'no.such.person@test.example', 'hearth-demo-2026'],
      ['closed', closed.email, 'hearth-demo-2026'],
      ['locked, wrong password', locked.email, 'wrong-password'],
      ['wrong password', open.email, 'wrong-password'],
    ]
    const timings: Record<string, number> = {}
    let ip = 1
    for (const [what, email, password] of cases) {
      const samples: number[] = []
      for (let i = 0; i < 3; i++) {
        const start = performance.now()
        const res = await attempt(email, password, `203.0.113.${ip++}`)
        samples.push(performance.now() - start)
        expect(res.statusCode, what).toBe(401)
        expect(res.json().error.message, what).toBe('That email and password do not match an account.')
      }
      timings[what] = samples.sort((a, b) => a - b)[1]!
    }
    // every path runs the password hash (tens of milliseconds): none answers in a fraction of another
    const slowest = Math.max(...Object.values(timings))
    const fastest = Math.min(...Object.values(timings))
    expect(fastest, JSON.stringify(timings)).toBeGreaterThan(slowest * 0.4)
    // the owner of the locked account, who knows its password, is told it is locked
    const owner = await attempt(locked.email, 'hearth-demo-2026', '203.0.113.200')
    expect(owner.statusCode).toBe(423)
  })
})
