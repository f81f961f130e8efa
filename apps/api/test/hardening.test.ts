import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildTestApp,
  type Council,
  type Family,
  freshDatabase,
  makeAllocation,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  type Session,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/**
 * Bad input from the outside tester's list: each is a 400 naming the field, in the one error
 * shape, never a 500 and never a half-written record; every /api answer is not to be cached and
 * carries the security headers, refusals included.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let team: Team
let family: Family
let practitioner: Awaited<ReturnType<typeof signInAs>>
let officer: Session
let admin: Session
let adviser: Session

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  team = await makeTeam(db, council, { patch })
  family = await makeFamily(db, council, { patch })
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  await makeAllocation(db, family, team, practitioner.person)
  officer = await signInAs(t.app, db, council, 'referral_officer')
  admin = await signInAs(t.app, db, council, 'administrator')
  adviser = await signInAs(t.app, db, council, 'insight_adviser')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const counts = async () =>
  (
    (await dbx.handle.db.execute(
      sql`select (select count(*)::int from families) f, (select count(*)::int from visits) v,
        (select count(*)::int from referrals) r, (select count(*)::int from children) c`,
    )) as unknown as { rows: unknown[] }
  ).rows[0]

function expect400(res: { statusCode: number; json(): unknown }, field: string) {
  expect(res.statusCode).toBe(400)
  const body = res.json() as { error: { code: string; details: { field: string; message: string }[] } }
  expect(body.error.code).toBe('validation_failed')
  expect(body.error.details.map((d) => d.field)).toContain(field)
}

describe('bad input never reaches a 500', () => {
  it('a NUL byte in a search or in free text is a 400 naming the field; nothing is written', async () => {
    const before = await counts()
    expect400(await practitioner.request('GET', '/api/directory/services?q=a%00'), 'query.q')
    expect400(await officer.request('GET', '/api/families?q=a%00'), 'query.q')
    expect400(
      await officer.request('POST', '/api/families', {
        name: 'Nul\u0000family',
        addressLine1: '1 Lane',
        town: 'Testtown',
        postcode: 'NM1 1AA',
      }),
      'body.name',
    )
    expect(await counts()).toEqual(before)
  })

  it('years 0000 and 9999 are refused where dates are taken, before any clock runs', async () => {
    const before = await counts()
    const visit = (startsAt: string) =>
      practitioner.request('POST', `/api/families/${family.id}/visits`, {
        kind: 'home_visit',
        startsAt,
        place: 'At home',
      })
    expect400(await visit('9999-01-01T10:00:00Z'), 'body.startsAt')
    expect400(await visit('0000-01-01T10:00:00Z'), 'body.startsAt')
    expect400(
      await officer.request('POST', '/api/referrals', {
        receivedAt: '0000-01-01T00:00:00Z',
        source: '2A',
        worries: 'A worry for the test.',
        family: { existingFamilyId: family.id },
        children: [{ firstName: 'Test', lastName: 'Child', dateOfBirth: '2018-01-01', sex: 'U' }],
      }),
      'body.receivedAt',
    )
    expect400(await admin.request('GET', '/api/audit?to=9999-12-31'), 'query.to')
    expect400(await practitioner.request('GET', `/api/teams/${team.id}/rota?from=9999-12-31`), 'query.from')
    expect(await counts()).toEqual(before)
  })

  it('a date of birth in the future points to the expected date of birth', async () => {
    const res = await officer.request('POST', `/api/families/${family.id}/children`, {
      firstName: 'Soon',
      lastName: 'Born',
      dateOfBirth: '2099-01-01',
      sex: 'U',
    })
    expect400(res, 'body.dateOfBirth')
    expect(JSON.stringify(res.json())).toContain('expected date of birth')
  })

  it('a body nested deeper than any form is refused without walking it', async () => {
    // 100,000 levels, as the tester sent: built as text (stringifying it would overflow here)
    const n = 100_000
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/families',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'application/json' },
      payload: `{"name":${'{"a":'.repeat(n)}"x"${'}'.repeat(n)}}`,
    })
    expect(res.statusCode, res.body.slice(0, 200)).toBe(400)
    expect(['validation_failed', 'bad_request']).toContain(res.json().error.code)
    // and at 40 levels (JSON the parser takes), the guard names where
    let mid: unknown = 'x'
    for (let i = 0; i < 40; i++) mid = { a: mid }
    const res40 = await officer.request('POST', '/api/families', { name: mid })
    expect400(res40, 'body.name.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a')
  })

  it('an Open Referral file nested 100,000 levels deep is refused, naming the file', async () => {
    const n = 100_000
    const content = `{"content":[{"id":"s1","name":"Deep","extra":${'['.repeat(n)}1${']'.repeat(n)}}]}`
    const res = await adviser.request('POST', '/api/directory/import', { content, fileName: 'deep.json' })
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400)
    expect(res.json().error.details[0]).toMatchObject({ field: '(file)', message: expect.stringMatching(/nested/) })
  })

  it('money up to the contracts’ bound (£100m a week, for 260 weeks) is kept to the penny', async () => {
    const weekly = 100_000_000_00
    const res = await practitioner.request('POST', `/api/families/${family.id}/proposals`, {
      what: 'A very large package',
      forWhom: 'The whole family',
      why: 'To test the largest amounts the form takes.',
      weeklyPence: weekly,
      weeks: 260,
      alternatives: 'None at this size.',
      familyView: 'They would like to see it work.',
    })
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201)
    expect(res.json()).toMatchObject({ weeklyPence: weekly, totalPence: weekly * 260 })
    const over = await practitioner.request('POST', `/api/families/${family.id}/proposals`, {
      what: 'Too large',
      forWhom: 'The family',
      why: 'Over the bound.',
      weeklyPence: weekly + 1,
      weeks: 1,
      alternatives: 'None.',
      familyView: 'None.',
    })
    expect400(over, 'body.weeklyPence')
    const thresholds = await admin.request('POST', '/api/spend-thresholds', {
      signOffPence: weekly,
      secondApproverPence: weekly,
      decisionWorkingDays: 5,
      reason: 'Testing the largest amounts the form takes.',
    })
    expect(thresholds.statusCode, thresholds.body.slice(0, 300)).toBe(201)
  })

  it('“__proto__” and “constructor” are not queues', async () => {
    for (const q of ['__proto__', 'constructor', 'toString']) {
      const res = await admin.request('POST', `/api/dead-letters/${q}/1/retry`, {})
      expect(res.statusCode, q).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
  })

  it('an unreadable URL and a parameter too long still answer in the one error shape', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/families/%E0%A4%A' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('bad_request')
    const long = await practitioner.request('GET', `/api/families/${'a'.repeat(500)}`)
    expect(long.statusCode).toBeGreaterThanOrEqual(400)
    expect(long.statusCode).toBeLessThan(500)
    expect(long.json().error.code).toBeTruthy()
  })
})

describe('every /api answer', () => {
  it('is never cached, and carries the security headers, refusals included', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/families' }), // 401
      await admin.request('GET', '/api/families'), // 403
      await practitioner.request('GET', `/api/families/${family.id}`), // 200
      await practitioner.request('GET', '/api/no-such-thing'), // 404
    ]
    expect(answers.map((a) => a.statusCode)).toEqual([401, 403, 200, 404])
    for (const a of answers) {
      expect(a.headers['cache-control']).toBe('no-store')
      expect(a.headers['x-content-type-options']).toBe('nosniff')
      expect(a.headers['content-security-policy']).toContain("default-src 'self'")
    }
  })
})

describe('audit only what happened', () => {
  it('moving a visit while it is being cancelled: one clear 409 for the losers, an audit row per real move', async () => {
    const v = await practitioner.request('POST', `/api/families/${family.id}/visits`, {
      kind: 'home_visit',
      startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      place: 'At home',
    })
    expect(v.statusCode).toBe(201)
    const id = v.json().id
    const moves = Array.from({ length: 12 }, (_, i) =>
      practitioner.request('PATCH', `/api/visits/${id}`, { place: `Room ${i}`, reason: 'The room changed' }),
    )
    const cancel = practitioner.request('POST', `/api/visits/${id}/cancel`, { reason: 'Family away' })
    const answers = await Promise.all([...moves, cancel])
    const codes = answers.map((a) => a.statusCode)
    expect(
      codes.every((c) => c === 200 || c === 409),
      codes.join(','),
    ).toBe(true)
    const movedOk = answers.slice(0, 12).filter((a) => a.statusCode === 200).length
    const rows = (await dbx.handle.db.execute(
      sql`select count(*)::int n from audit_events where action = 'visit.move' and record_id = ${id}`,
    )) as unknown as { rows: { n: number }[] }
    expect(rows.rows[0]!.n).toBe(movedOk)
    expect(answers[12]!.statusCode).toBe(200)
  })
})
