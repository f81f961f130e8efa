import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffConflicts } from '@hearth/db/schema/conflicts'
import {
  buildTestApp,
  type Council,
  type Family,
  freshDatabase,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #21, conflicts of interest: a member of staff who declares they know a family is kept out of
 * its record from the next request on, by every route (the family scope every read goes through),
 * every list and the search; an administrator ends it with why; the declaration is kept.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let family: Family
let childId: string
let me: Awaited<ReturnType<typeof signInAs>>
let colleague: Awaited<ReturnType<typeof signInAs>>
let officer: Awaited<ReturnType<typeof signInAs>>
let admin: Awaited<ReturnType<typeof signInAs>>

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const team = await makeTeam(db, council, { patch })
  family = await makeFamily(db, council, { patch, name: 'Neighbourly family' })
  childId = (await makeChild(db, family, { firstName: 'Nextdoor', lastName: 'Neighbourly' })).id
  me = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  colleague = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  officer = await signInAs(t.app, db, council, 'referral_officer')
  admin = await signInAs(t.app, db, council, 'administrator')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('a conflict of interest', () => {
  it('declared by the family’s reference, it keeps the person out of every read at once', async () => {
    expect((await me.request('GET', `/api/families/${family.id}`)).statusCode).toBe(200)
    const declared = await me.request('POST', '/api/me/conflicts', {
      reference: family.reference,
      reason: 'They live next door to my mother',
    })
    expect(declared.statusCode, declared.body).toBe(201)
    for (const path of [
      `/api/families/${family.id}`,
      `/api/children/${childId}`,
      `/api/families/${family.id}/plan`,
      `/api/families/${family.id}/chronology`,
      `/api/families/${family.id}/family-link`,
    ])
      expect((await me.request('GET', path)).statusCode, path).toBe(404)
    const list = (await me.request('GET', '/api/families?limit=200')).json() as { id: string }[]
    expect(list.map((f) => f.id)).not.toContain(family.id)
    const search = (await me.request('GET', '/api/search?q=Nextdoor+Neighbourly')).json()
    expect(search.results.map((r: { id: string }) => r.id)).not.toContain(childId)
    // nobody else is affected
    expect((await colleague.request('GET', `/api/families/${family.id}`)).statusCode).toBe(200)
    // declaring twice keeps one
    await me.request('POST', '/api/me/conflicts', { reference: family.reference, reason: 'again' })
    expect((await me.request('GET', '/api/me/conflicts')).json().conflicts).toHaveLength(1)
  })

  it('holds for the front door too, whose scope is the whole council', async () => {
    await officer.request('POST', '/api/me/conflicts', { familyId: family.id, reason: 'My cousin’s family' })
    expect((await officer.request('GET', `/api/families/${family.id}`)).statusCode).toBe(404)
    const matches = (await officer.request('GET', '/api/search?q=Nextdoor+Neighbourly')).json()
    expect(matches.results).toEqual([])
  })

  it('an administrator ends it, with why; it is kept, and cannot be ended twice or deleted', async () => {
    const all = (await admin.request('GET', '/api/conflicts')).json().conflicts as { id: string; personId: string }[]
    const mine = all.find((c) => c.personId === me.personId)!
    const end = await admin.request('POST', `/api/conflicts/${mine.id}/end`, {
      reason: 'Declared for the wrong family',
    })
    expect(end.statusCode, end.body).toBe(200)
    expect((await me.request('GET', `/api/families/${family.id}`)).statusCode).toBe(200)
    expect((await admin.request('POST', `/api/conflicts/${mine.id}/end`, { reason: 'again' })).statusCode).toBe(409)
    expect((await me.request('POST', `/api/conflicts/${mine.id}/end`, { reason: 'mine' })).statusCode).toBe(403)
    await expect(
      dbx.handle.db.execute(sql`delete from staff_conflicts where council_id = ${council.id}`),
    ).rejects.toThrow()
    expect(
      await dbx.handle.db.select().from(staffConflicts).where(eq(staffConflicts.councilId, council.id)),
    ).toHaveLength(2)
  })
})
