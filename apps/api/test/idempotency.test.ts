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
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

/**
 * Duplicate writes (#18 finding 9): the same change sent twice at once, or again after a dropped
 * connection, with one Idempotency-Key makes one record and one letter, and every copy gets the
 * first one's answer. Against real PostgreSQL, many copies at once.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let family: Family
let lead: Awaited<ReturnType<typeof signInAs>>
let coWorker: Awaited<ReturnType<typeof signInAs>>

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const team = await makeTeam(db, council, { patch })
  family = await makeFamily(db, council, { patch })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  coWorker = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  await makeAllocation(db, family, team, lead.person)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const res = (await dbx.handle.db.execute(query)) as unknown as { rows: T[] }
  return res.rows[0]!
}
const visitCount = () =>
  one<{ n: number }>(sql`select count(*)::int n from visits where family_id = ${family.id}`).then((r) => r.n)
const bookedJobs = () =>
  one<{ n: number }>(
    sql`select count(*)::int n from outbox where payload->>'trigger' = 'visit.booked'
      and payload->>'subjectId' in (select id::text from visits where family_id = ${family.id})`,
  ).then((r) => r.n)

let at = 0
const booking = () => ({
  kind: 'home_visit',
  startsAt: new Date(Date.UTC(2031, 0, 6 + at++, 10)).toISOString(),
  place: 'The family home',
})
const url = () => `/api/families/${family.id}/visits`
const withKey = (key: string) => ({ headers: { 'idempotency-key': key } })

describe('an Idempotency-Key on every change', () => {
  it('twenty copies of one booking at once make one visit and one letter job, and all get its answer', async () => {
    const before = await visitCount()
    const jobsBefore = await bookedJobs()
    const body = booking()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => lead.request('POST', url(), body, withKey('double-click-0001'))),
    )
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201))
    const ids = new Set(answers.map((a) => a.json().id))
    expect(ids.size).toBe(1)
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19)
    expect(await visitCount()).toBe(before + 1)
    expect(await bookedJobs()).toBe(jobsBefore + 1)
    const audits = await one<{ n: number }>(
      sql`select count(*)::int n from audit_events where action = 'visit.book' and record_id = ${[...ids][0]}`,
    )
    expect(audits.n).toBe(1)
  })

  it('sent again later, the same key gives the same answer and changes nothing', async () => {
    const body = booking()
    const first = await lead.request('POST', url(), body, withKey('retry-after-drop'))
    expect(first.statusCode).toBe(201)
    const before = await visitCount()
    const again = await lead.request('POST', url(), body, withKey('retry-after-drop'))
    expect(again.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(await visitCount()).toBe(before)
  })

  it('the same key on a different request is refused, naming the header, and changes nothing', async () => {
    await lead.request('POST', url(), booking(), withKey('used-once-key'))
    const before = await visitCount()
    const res = await lead.request('POST', url(), booking(), withKey('used-once-key'))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].field).toBe('headers.idempotency-key')
    expect(await visitCount()).toBe(before)
  })

  it('a refused change frees its key, so the corrected form can be sent with it', async () => {
    const bad = await lead.request('POST', url(), { ...booking(), place: '' }, withKey('fix-and-resend'))
    expect(bad.statusCode).toBe(400)
    const before = await visitCount()
    const good = await lead.request('POST', url(), booking(), withKey('fix-and-resend'))
    expect(good.statusCode).toBe(201)
    expect(await visitCount()).toBe(before + 1)
  })

  it('keys are per person: one person cannot replay, or block, another one’s answer', async () => {
    const body = booking()
    const mine = await lead.request('POST', url(), body, withKey('shared-key-01'))
    const theirs = await coWorker.request('POST', url(), body, withKey('shared-key-01'))
    expect(mine.statusCode).toBe(201)
    // the co-worker does not hold the family (not allocated): refused on its merits, not replayed
    expect(theirs.headers['idempotent-replayed']).toBeUndefined()
    expect(theirs.body).not.toBe(mine.body)
  })

  it('a key that is not 8 to 200 plain characters is a 400 naming the header', async () => {
    for (const key of ['short', 'x'.repeat(201), 'has spaces in it', 'semi;colon;key']) {
      const res = await lead.request('POST', url(), booking(), withKey(key))
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details[0].field).toBe('headers.idempotency-key')
    }
  })

  it('every change in the OpenAPI document takes the header', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json()
    const post = doc.paths['/api/families/{id}/visits'].post
    expect(post.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key')
  })
})
