import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildTestApp,
  type Council,
  type Family,
  freshDatabase,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  type Patch,
  type Session,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

/**
 * One council with three patches (NM1–2, NM3–4, NM5–6), a family-facing team on the first, and
 * families in each patch and one outside them all; a practitioner in the team, a referral officer.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let patch: Patch[]
let fams: Family[]
let practitioner: Session
let referrals: Session

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  patch = [
    await makePatch(db, council, { postcodeAreas: ['NM1', 'NM2'] }),
    await makePatch(db, council, { postcodeAreas: ['NM3', 'NM4'] }),
    await makePatch(db, council, { postcodeAreas: ['NM5', 'NM6'] }),
  ]
  const team = await makeTeam(db, council, { patch: patch[0]! })
  fams = []
  for (const [i, p] of [patch[0], patch[0], patch[1], patch[2], undefined].entries())
    fams.push(
      await makeFamily(db, council, {
        name: `${['Ashgrove', 'Birchley', 'Cedarholm', 'Dunmere', 'Elmstead'][i]} family`,
        patch: p,
        postcode: p ? `${p.postcodeAreas[0]} ${i + 1}AB` : 'NM9 9ZZ',
      }),
    )
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  referrals = await signInAs(t.app, db, council, 'referral_officer')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('who sees which families', () => {
  it('the front door sees every family of the council; a practitioner only their team’s patch', async () => {
    const all = (await referrals.request('GET', '/api/families?limit=200')).json() as { patchId: string | null }[]
    expect(all).toHaveLength(fams.length)
    const mine = (await practitioner.request('GET', '/api/families?limit=200')).json() as {
      patchId: string | null
      postcode: string
    }[]
    expect(mine).toHaveLength(2)
    expect(mine.every((f) => f.patchId === patch[0]!.id)).toBe(true)
    expect(mine.every((f) => /^NM[12] /.test(f.postcode))).toBe(true)
  })

  it('a family in another patch is "not found" for the practitioner, not "forbidden"', async () => {
    const other = fams[2]
    const res = await practitioner.request('GET', `/api/families/${other!.id}`)
    expect(res.statusCode).toBe(404)
    expect((await referrals.request('GET', `/api/families/${other!.id}`)).statusCode).toBe(200)
  })

  it('an enabler cannot read family records at all', async () => {
    const enabler = await signInAs(t.app, dbx.handle.db, council, 'enabler')
    expect((await enabler.request('GET', '/api/families')).statusCode).toBe(403)
  })

  it('search finds a family by a child’s name, and the search term is not a LIKE pattern', async () => {
    const fam = fams[3]
    const found = (
      await referrals.request('GET', `/api/families?q=${encodeURIComponent(fam!.name.split(' ')[0]!)}`)
    ).json() as { id: string }[]
    expect(found.map((f) => f.id)).toContain(fam!.id)
    const wild = (await referrals.request('GET', '/api/families?q=%25')).json()
    expect(wild).toEqual([])
  })
})

describe('recording a family', () => {
  it('derives the patch from the postcode and gives the next reference', async () => {
    const res = await referrals.request('POST', '/api/families', {
      name: 'Zedwood family',
      addressLine1: '3 Lantern Row',
      town: 'Northmoor',
      postcode: 'nm3 2ab',
      language: 'Polish',
      interpreterNeeded: true,
    })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body.postcode).toBe('NM3 2AB')
    expect(body.patchId).toBe(patch[1]!.id)
    expect(body.reference).toMatch(/^F-\d{5}$/)
  })

  it('a postcode no patch covers is kept, with no patch', async () => {
    const res = await referrals.request('POST', '/api/families', {
      name: 'Outerby family',
      addressLine1: '9 Far Lane',
      town: 'Elsewhere',
      postcode: 'NM9 9ZZ',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().patchId).toBeNull()
  })

  it('a practitioner may not record a family outside their patch', async () => {
    const res = await practitioner.request('POST', '/api/families', {
      name: 'Outsider family',
      addressLine1: '1 Oak Rise',
      town: 'Northmoor',
      postcode: 'NM5 1AB',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].field).toBe('body.postcode')
  })

  it('adds a child, an adult and a relationship, and shows them on the family', async () => {
    const fam = (
      await referrals.request('POST', '/api/families', {
        name: 'Brookhollow family',
        addressLine1: '2 Mill Court',
        town: 'Northmoor',
        postcode: 'NM1 6PQ',
      })
    ).json()
    const child = await referrals.request('POST', `/api/families/${fam.id}/children`, {
      firstName: 'Wren',
      lastName: 'Brookhollow',
      dateOfBirth: '2019-06-01',
      sex: 'F',
      ethnicity: 'WBRI',
      nhsNumber: '943 476 5919',
    })
    expect(child.statusCode).toBe(201)
    expect(child.json().nhsNumber).toBe('9434765919')
    expect(child.json().laChildId).toMatch(/^[A-Z0-9]{1,20}$/)
    const unborn = await referrals.request('POST', `/api/families/${fam.id}/children`, {
      firstName: 'Baby',
      lastName: 'Brookhollow',
      expectedDateOfBirth: '2027-03-01',
      sex: 'U',
    })
    expect(unborn.statusCode).toBe(201)
    const adult = await referrals.request('POST', `/api/families/${fam.id}/adults`, {
      name: 'Sam Brookhollow',
      description: 'Mum',
      livesWithFamily: true,
    })
    expect(adult.statusCode).toBe(201)
    const rel = await referrals.request('POST', `/api/families/${fam.id}/relationships`, {
      adultId: adult.json().id,
      childId: child.json().id,
      kind: 'parent',
      strengths: 'Reads with Wren every night.',
    })
    expect(rel.statusCode).toBe(201)
    const again = await referrals.request('POST', `/api/families/${fam.id}/relationships`, {
      adultId: adult.json().id,
      childId: child.json().id,
      kind: 'parent',
    })
    expect(again.statusCode).toBe(409)
    const detail = (await practitioner.request('GET', `/api/families/${fam.id}`)).json()
    expect(detail.children).toHaveLength(2)
    expect(detail.adults[0].name).toBe('Sam Brookhollow')
    expect(detail.relationships[0]).toMatchObject({ kind: 'parent', strengths: 'Reads with Wren every night.' })
    // the birth turns the unborn child into a born one: date of birth set, expected date cleared
    const born = await practitioner.request('PATCH', `/api/children/${unborn.json().id}`, {
      firstName: 'Ivy',
      dateOfBirth: '2026-11-20',
      expectedDateOfBirth: null,
      sex: 'F',
    })
    expect(born.statusCode).toBe(200)
    expect(born.json()).toMatchObject({ firstName: 'Ivy', dateOfBirth: '2026-11-20', expectedDateOfBirth: null })
  })

  it('moving a family to a postcode in another patch moves it out of the practitioner’s sight', async () => {
    const fam = (
      await referrals.request('POST', '/api/families', {
        name: 'Movington family',
        addressLine1: '5 Hill',
        town: 'Northmoor',
        postcode: 'NM2 3AB',
      })
    ).json()
    expect((await practitioner.request('GET', `/api/families/${fam.id}`)).statusCode).toBe(200)
    const moved = await referrals.request('PATCH', `/api/families/${fam.id}`, { postcode: 'NM6 1AA' })
    expect(moved.json().patchId).toBe(patch[2]!.id)
    expect((await practitioner.request('GET', `/api/families/${fam.id}`)).statusCode).toBe(404)
  })
})
