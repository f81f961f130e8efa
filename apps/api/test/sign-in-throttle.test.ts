import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { people } from '@hearth/db/schema/organisation'
import { buildTestApp, type Council, freshDatabase, makeCouncil, makePerson, type TestApp } from '@hearth/test-kit'

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
    // A fresh set of accounts each round, so no account reaches the per-email limit or locks.
    async function accounts(round: number): Promise<[string, string, string][]> {
      const open = await makePerson(db, council, { role: 'enabler' })
      const closed = await makePerson(db, council, { role: 'enabler', active: false })
      const locked = await makePerson(db, council, { role: 'enabler' })
      await db
        .update(people)
        .set({ failedSignIns: 5, lockedUntil: new Date(Date.now() + 3600_000) })
        .where(eq(people.id, locked.id))
      lockedEmail = locked.email
      return [
        ['unknown', `no.such.person.${round}@test.example`, 'hearth-demo-2026'],
        ['closed', closed.email, 'hearth-demo-2026'],
        ['locked, wrong password', locked.email, 'wrong-password'],
        ['wrong password', open.email, 'wrong-password'],
      ]
    }
    let lockedEmail = ''
    // Round by round, each case once per round, so a burst of load from tests running alongside
    // falls on every case alike; the median of seven rounds is compared.
    const samples: Record<string, number[]> = {}
    let ip = 1
    for (let round = 0; round < 7; round++) {
      for (const [what, email, password] of await accounts(round)) {
        const start = performance.now()
        const res = await attempt(email, password, `203.0.113.${ip++}`)
        samples[what] ??= []
        samples[what].push(performance.now() - start)
        expect(res.statusCode, what).toBe(401)
        expect(res.json().error.message, what).toBe('That email and password do not match an account.')
      }
    }
    const timings = Object.fromEntries(Object.entries(samples).map(([what, s]) => [what, s.sort((a, b) => a - b)[3]!]))
    // every path runs the password hash (tens of milliseconds): none answers in a fraction of another
    const slowest = Math.max(...Object.values(timings))
    const fastest = Math.min(...Object.values(timings))
    expect(fastest, JSON.stringify(timings)).toBeGreaterThan(slowest * 0.4)
    // the owner's right password gets the same answer while locked (the lock-out is no oracle, #31)
    const owner = await attempt(lockedEmail, 'hearth-demo-2026', '203.0.113.200')
    expect(owner.statusCode).toBe(401)
    expect(owner.json().error.message).toBe('That email and password do not match an account.')
  })
})
