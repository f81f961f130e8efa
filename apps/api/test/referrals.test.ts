import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { children, families } from '@hearth/db/schema/families'
import { startWorker, type RunningWorker } from '@hearth/worker'
import {
  buildTestApp,
  type Child,
  type Council,
  freshDatabase,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  type Patch,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'
import { requireEnv } from '@hearth/test-kit/env'
import { testLogger } from '@hearth/test-kit/log-capture'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let worker: RunningWorker
let officer: Awaited<ReturnType<typeof signInAs>>
let council: Council
let firstPatch: Patch
let known: Child
let otherChild: Child

beforeAll(async () => {
  dbx = await freshDatabase(30)
  t = await buildTestApp(dbx.handle)
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: t.prefix,
    relayIntervalMs: 50,
  })
  const db = dbx.handle.db
  council = await makeCouncil(db)
  // three patches by postcode area, each with its family-facing team
  const patches: Patch[] = []
  for (const area of ['NM1', 'NM2', 'NM3']) {
    const patch = await makePatch(db, council, { postcodeAreas: [area] })
    await makeTeam(db, council, { patch })
    patches.push(patch)
  }
  firstPatch = patches[0]!
  const family = await makeFamily(db, council, { patch: firstPatch, name: 'Quillfeather family' })
  known = await makeChild(db, family, { firstName: 'Marnie', lastName: 'Quillfeather', dateOfBirth: '2017-06-21' })
  const other = await makeFamily(db, council, { patch: patches[1]!, name: 'Brackenridge family' })
  otherChild = await makeChild(db, other, { firstName: 'Tobin', lastName: 'Brackenridge' })
  officer = await signInAs(t.app, db, council, 'referral_officer', {
    teams: [await makeTeam(db, council, { kind: 'referral' })],
  })
})
afterAll(async () => {
  await worker.close()
  await t.close()
  await dbx.drop()
})

function newReferral(over: Record<string, unknown> = {}) {
  return {
    receivedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    source: '2A',
    referrerName: 'Class teacher (invented)',
    referrerOrganisation: 'Copper Street School (invented)',
    worries: 'Robin said their dad hit them when he was angry. There is a red mark on Robin’s arm.',
    familyKnowledge: 'Mum knows we are calling and agrees.',
    familyConsent: 'agreed',
    family: {
      name: 'Larkmoor family',
      addressLine1: '12 Copper Street',
      town: 'Northmoor',
      postcode: 'NM1 7TT',
      language: 'English',
      interpreterNeeded: false,
    },
    children: [{ firstName: 'Robin', lastName: 'Larkmoor', dateOfBirth: '2016-09-12', sex: 'M', ethnicity: 'WBRI' }],
    ...over,
  }
}

describe('recording a referral', () => {
  it('creates the family, the child and the referral with a one-working-day clock', async () => {
    const res = await officer.request('POST', '/api/referrals', newReferral())
    expect(res.statusCode).toBe(201)
    const r = res.json()
    expect(r.reference).toMatch(/^R-\d{5}$/)
    expect(r.status).toBe('awaiting_decision')
    expect(r.childNames).toEqual(['Robin Larkmoor'])
    expect(r.clock.state).toMatch(/on_track|due_soon/)
    expect(new Date(r.clock.dueAt).getTime()).toBeGreaterThan(Date.now())
    const [fam] = await dbx.handle.db.select().from(families).where(eq(families.id, r.familyId))
    expect(fam!.patchId).toBe(firstPatch.id)
  })

  it('says when a child of the family is on a plan or under an enquiry; never for a restricted family (#32)', async () => {
    const db = dbx.handle.db
    const r = (await officer.request('POST', '/api/referrals', newReferral())).json()
    const see = async () => (await officer.request('GET', `/api/referrals/${r.id}`)).json().protection
    expect(await see()).toBeNull()
    const [kid] = await db.select().from(children).where(eq(children.familyId, r.familyId))
    const [someone] = (
      (await db.execute(sql`select id from people where council_id = ${kid!.councilId} limit 1`)) as unknown as {
        rows: { id: string }[]
      }
    ).rows
    const stepOf = (kind: string, endDate: string | null = null) =>
      db.execute(sql`insert into case_steps (council_id, family_id, child_id, kind, on_date, end_date, recorded_by)
        values (${kid!.councilId}, ${r.familyId}, ${kid!.id}, ${kind}, '2026-11-02', ${endDate}, ${someone!.id})`)
    await stepOf('s47', '2026-11-20') // an enquiry that has finished says nothing
    expect(await see()).toBeNull()
    await stepOf('s47')
    expect(await see()).toBe('s47')
    await stepOf('cp_plan')
    expect(await see()).toBe('cp_plan')
    await db.execute(sql`update families set restricted = true, restricted_reason = 'Test' where id = ${r.familyId}`)
    expect(await see()).toBeNull()
  })

  it('the list of waiting referrals is ordered by time left, and overdue is shown plainly', async () => {
    const old = await officer.request(
      'POST',
      '/api/referrals',
      newReferral({
        receivedAt: '2026-01-05T09:00:00Z',
        family: { ...newReferral().family, name: 'Oldacre family', postcode: 'NM2 1AA' },
      }),
    )
    expect(old.statusCode).toBe(201)
    const list = (await officer.request('GET', '/api/referrals?view=awaiting')).json() as {
      id: string
      clock: { dueAt: string; state: string }
    }[]
    const dues = list.map((r) => r.clock.dueAt)
    expect([...dues].sort()).toEqual(dues)
    expect(list[0]!.id).toBe(old.json().id)
    expect(list[0]!.clock.state).toBe('overdue')
  })

  it('20 concurrent submissions with one Idempotency-Key make one referral', async () => {
    const body = newReferral({ family: { ...newReferral().family, name: 'Doubleclick family', postcode: 'NM3 3AB' } })
    const key = 'intake-test-key-0001'
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/referrals',
          headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'idempotency-key': key },
          payload: body,
        }),
      ),
    )
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes.filter((c) => c === 201)).toHaveLength(1)
    expect(codes.filter((c) => c === 200)).toHaveLength(19)
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1)
    const [{ n }] = (await dbx.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(families)
      .where(eq(families.name, 'Doubleclick family'))) as [{ n: number }]
    expect(n).toBe(1)
    // the same key with a different referral is refused
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'idempotency-key': key },
      payload: { ...body, worries: 'Something else entirely.' },
    })
    expect(other.statusCode).toBe(409)
    const badKey = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'idempotency-key': 'x' },
      payload: body,
    })
    expect(badKey.statusCode).toBe(400)
    expect(badKey.json().error.details[0].field).toBe('headers.idempotency-key')
  })

  it('finds a known child by a spelling variant, and links them instead of making a new record', async () => {
    const [fam] = await dbx.handle.db.select().from(families).where(eq(families.id, known.familyId))
    // swap first and last name, as a caller might
    const q = new URLSearchParams({
      firstName: known.lastName,
      lastName: known.firstName,
      dateOfBirth: known.dateOfBirth!,
    })
    const matches = (await officer.request('GET', `/api/referrals/matches?${q}`)).json() as {
      childId: string
      reasons: string[]
      familyReference: string
    }[]
    expect(matches[0]!.childId).toBe(known.id)
    expect(matches[0]!.reasons).toEqual(expect.arrayContaining(['same date of birth']))
    expect(matches[0]!.familyReference).toBe(fam!.reference)
    // the date of birth as people write it (day first, slashes) finds the same child
    const [y, m, d] = known.dateOfBirth!.split('-')
    const uk = new URLSearchParams({
      firstName: known.lastName,
      lastName: known.firstName,
      dateOfBirth: `${d}/${m}/${y}`,
    })
    const ukMatches = (await officer.request('GET', `/api/referrals/matches?${uk}`)).json() as {
      childId: string
      reasons: string[]
    }[]
    expect(ukMatches[0]).toMatchObject({ childId: known.id, reasons: expect.arrayContaining(['same date of birth']) })
    const before = (
      (await dbx.handle.db.select({ n: sql<number>`count(*)::int` }).from(children)) as [{ n: number }]
    )[0].n
    const res = await officer.request(
      'POST',
      '/api/referrals',
      newReferral({ family: { existingFamilyId: known.familyId }, children: [{ existingChildId: known.id }] }),
    )
    expect(res.statusCode).toBe(201)
    expect(res.json().familyId).toBe(known.familyId)
    const after = ((await dbx.handle.db.select({ n: sql<number>`count(*)::int` }).from(children)) as [{ n: number }])[0]
      .n
    expect(after).toBe(before)
    const detail = (await officer.request('GET', `/api/referrals/${res.json().id}`)).json()
    expect(detail.children).toEqual([expect.objectContaining({ id: known.id, linked: true })])
  })

  it('refuses to link a child of another family record', async () => {
    const [a, b] = [known, otherChild]
    const res = await officer.request(
      'POST',
      '/api/referrals',
      newReferral({ family: { existingFamilyId: a.familyId }, children: [{ existingChildId: b.id }] }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].field).toBe('body.children.0.existingChildId')
  })
})
