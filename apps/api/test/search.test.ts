import { limit } from '@hearth/test-kit/time'
import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '@hearth/db/client'
import { auditEvents } from '@hearth/db/schema/audit'
import { isValidNhsNumber, upnCheckLetter } from '@hearth/domain/identifiers'
import {
  buildTestApp,
  type Council,
  callerIn,
  type Family,
  freshDatabase,
  makeAdult,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'
import { searchRecords } from '../src/modules/search/search-records'

/**
 * #21, the search box: names misspelt, swapped or sounding alike, dates of birth either way
 * round, identifiers and references; only what the searcher may see (another team's patch and
 * another council are simply absent); every search audited with what was searched.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let family: Family
let hidden: Family
let childId: string
let hiddenChildId: string
let foreignChildId: string
let practitioner: Awaited<ReturnType<typeof signInAs>>
let officer: Awaited<ReturnType<typeof signInAs>>
let enabler: Awaited<ReturnType<typeof signInAs>>

/** A valid NHS number from nine digits (the tenth is the check digit). */
function nhsFrom(nine: string) {
  for (let d = 0; d <= 9; d++) if (isValidNhsNumber(`${nine}${d}`)) return `${nine}${d}`
  throw new Error('no check digit')
}
const NHS = nhsFrom('943476591')
const UPN = (() => {
  const body = '801200001234'
  return `${upnCheckLetter(`X${body}`)}${body}`
})()

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const elsewhere = await makePatch(db, council, { postcodeAreas: ['NM9'] })
  const team = await makeTeam(db, council, { patch })
  family = await makeFamily(db, council, { patch, name: 'Quillby family', postcode: 'NM1 4QQ' })
  hidden = await makeFamily(db, council, { patch: elsewhere, name: 'Quillbey family', postcode: 'NM9 1ZZ' })
  childId = (
    await makeChild(db, family, {
      firstName: 'Mohammed',
      lastName: 'Quillby',
      dateOfBirth: '2019-03-12',
      nhsNumber: NHS,
      upn: UPN,
    })
  ).id
  await makeAdult(db, family, { name: 'Testmum Quillby' })
  hiddenChildId = (
    await makeChild(db, hidden, { firstName: 'Mohammed', lastName: 'Quillbey', dateOfBirth: '2019-03-12' })
  ).id
  const other = await makeCouncil(db)
  const otherPatch = await makePatch(db, other, { postcodeAreas: ['NM1'] })
  const otherFamily = await makeFamily(db, other, { patch: otherPatch, name: 'Quillby family' })
  foreignChildId = (
    await makeChild(db, otherFamily, { firstName: 'Mohammed', lastName: 'Quillby', dateOfBirth: '2019-03-12' })
  ).id
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team], name: 'Priya Searchwell' })
  officer = await signInAs(t.app, db, council, 'referral_officer')
  enabler = await signInAs(t.app, db, council, 'enabler')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

type Hit = { kind: string; id: string; why: string[]; title: string; detail: string }
const search = async (who: typeof practitioner, q: string) => {
  const res = await who.request('GET', `/api/search?q=${encodeURIComponent(q)}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().results as Hit[]
}
const ids = (hits: Hit[]) => hits.map((h) => h.id)

describe('the search box', () => {
  it('finds a child by a misspelt name, a name that sounds alike, and names swapped', async () => {
    for (const q of ['Mohammed Quillby', 'Muhammad Quilby', 'Mohamed Kwillby', 'Quillby Mohammed']) {
      const hits = await search(practitioner, q)
      const child = hits.find((h) => h.id === childId)
      expect(child, q).toBeTruthy()
      expect(hits[0]!.id, q).toBe(childId)
    }
    const swapped = (await search(practitioner, 'Quillby Mohammed')).find((h) => h.id === childId)!
    expect(swapped.why).toContain('name, first and last swapped')
    const misspelt = (await search(practitioner, 'Muhammad Quilby')).find((h) => h.id === childId)!
    expect(misspelt.why).toContain('name (spelt differently or sounds alike)')
  })

  it('by date of birth, with the day and month either way round, together with a name', async () => {
    const exact = (await search(practitioner, 'Quillby 12/03/2019')).find((h) => h.id === childId)!
    expect(exact.why).toContain('date of birth')
    const swapped = (await search(practitioner, 'Quillby 03/12/2019')).find((h) => h.id === childId)!
    expect(swapped.why).toContain('date of birth, day and month swapped')
    expect(ids(await search(practitioner, 'Quillby 01/01/2018'))).not.toContain(childId)
  })

  it('by NHS number (spaced or not), UPN, family reference and postcode', async () => {
    const spaced = `${NHS.slice(0, 3)} ${NHS.slice(3, 6)} ${NHS.slice(6)}`
    expect((await search(practitioner, spaced))[0]).toMatchObject({ id: childId, why: ['NHS number'] })
    // the consistent identifier is shown wherever the child is found
    expect((await search(practitioner, 'Mohammed Quillby'))[0]!.detail).toContain(`NHS number ${spaced}`)
    expect((await search(practitioner, UPN.toLowerCase()))[0]).toMatchObject({ id: childId, why: ['UPN or LAchildID'] })
    expect((await search(practitioner, family.reference))[0]).toMatchObject({ id: family.id, kind: 'family' })
    expect(ids(await search(practitioner, 'nm14qq'))).toContain(family.id)
  })

  it('finds the family’s adults and colleagues by name', async () => {
    expect((await search(practitioner, 'Testmum Quilby')).map((h) => h.title)).toContain('Testmum Quillby')
    const staff = await search(enabler, 'Priya Searchwel')
    expect(staff.map((h) => `${h.kind} ${h.title}`)).toContain('staff Priya Searchwell')
  })

  it('only what the searcher may see: another patch and another council are absent', async () => {
    const mine = ids(await search(practitioner, 'Mohammed Quillby 12/03/2019'))
    expect(mine).toContain(childId)
    expect(mine).not.toContain(hiddenChildId)
    expect(mine).not.toContain(foreignChildId)
    // the front door sees the whole council (it must find known families), never another council
    const door = ids(await search(officer, 'Mohammed Quillby 12/03/2019'))
    expect(door).toEqual(expect.arrayContaining([childId, hiddenChildId]))
    expect(door).not.toContain(foreignChildId)
    // an enabler reads no case records: colleagues only
    expect((await search(enabler, 'Mohammed Quillby')).filter((h) => h.kind !== 'staff')).toEqual([])
  })

  it('every search is audited: what was searched, and what was shown', async () => {
    await search(practitioner, 'Muhammad Quilby')
    const [row] = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.councilId, council.id), eq(auditEvents.action, 'search')))
      .orderBy(desc(auditEvents.id))
      .limit(1)
    expect(row!.actorPersonId).toBe(practitioner.personId)
    expect(row!.details).toMatchObject({ q: 'Muhammad Quilby', ids: expect.arrayContaining([childId]) })
  })

  it('too short or too long is a 400 naming the field', async () => {
    for (const q of ['a', 'x'.repeat(201)]) {
      const res = await practitioner.request('GET', `/api/search?q=${q}`)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details[0].field).toBe('query.q')
    }
  })
})

describe('the search on embedded PGlite (its own pg_trgm and fuzzystrmatch)', () => {
  it(
    'finds a misspelt, sound-alike name there too',
    async () => {
      const lite = await openDb({ kind: 'pglite', dataDir: 'memory://' })
      try {
        await lite.migrate()
        const c = await makeCouncil(lite.db)
        const patch = await makePatch(lite.db, c, { postcodeAreas: ['NM1'] })
        const f = await makeFamily(lite.db, c, { patch, name: 'Quillby family' })
        const kid = await makeChild(lite.db, f, {
          firstName: 'Mohammed',
          lastName: 'Quillby',
          dateOfBirth: '2019-03-12',
        })
        const found = await searchRecords({ db: lite.guarded }, callerIn(c.id), 'Muhammad Kwillby 03/12/2019')
        expect(found.results[0]).toMatchObject({ id: kid.id, kind: 'child' })
        expect(found.results[0]!.why).toEqual([
          'name (spelt differently or sounds alike)',
          'date of birth, day and month swapped',
        ])
      } finally {
        await lite.close()
      }
    },
    limit(60_000),
  )
})
