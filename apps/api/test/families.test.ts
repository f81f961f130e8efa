import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { families } from '@hearth/db'
import { makeTestApp, signInAs, type Session, type TestApp } from '../../../test/helpers/app'
import { freshPgDatabase, seedTwoCouncils } from '../../../test/helpers/db'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
let practitioner: Session
let referrals: Session

beforeAll(async () => {
  dbx = await freshPgDatabase()
  seeded = await seedTwoCouncils(dbx.handle, 12)
  t = await makeTestApp(dbx.handle)
  practitioner = await signInAs(t.app, 'practitioner@northmoor.example') // Eastfield team (NM1, NM2)
  referrals = await signInAs(t.app, 'referrals@northmoor.example')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('who sees which families', () => {
  it('the front door sees every family of the council; a practitioner only their team’s patch', async () => {
    const all = (await referrals.request('GET', '/api/families?limit=200')).json() as { patchId: string | null }[]
    expect(all).toHaveLength(12)
    const mine = (await practitioner.request('GET', '/api/families?limit=200')).json() as {
      patchId: string | null
      postcode: string
    }[]
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.length).toBeLessThan(12)
    expect(mine.every((f) => f.patchId === seeded.a.patchIds[0])).toBe(true)
    expect(mine.every((f) => /^NM[12] /.test(f.postcode))).toBe(true)
  })

  it('a family in another patch is "not found" for the practitioner, not "forbidden"', async () => {
    const [other] = await dbx.handle.db
      .select()
      .from(families)
      .where(and(eq(families.councilId, seeded.a.councilId), eq(families.patchId, seeded.a.patchIds[1]!)))
    const res = await practitioner.request('GET', `/api/families/${other!.id}`)
    expect(res.statusCode).toBe(404)
    expect((await referrals.request('GET', `/api/families/${other!.id}`)).statusCode).toBe(200)
  })

  it('an enabler cannot read family records at all', async () => {
    const enabler = await signInAs(t.app, 'enabler@northmoor.example')
    expect((await enabler.request('GET', '/api/families')).statusCode).toBe(403)
  })

  it('search finds a family by a child’s name, and the search term is not a LIKE pattern', async () => {
    const [fam] = await dbx.handle.db.select().from(families).where(eq(families.councilId, seeded.a.councilId)).limit(1)
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
    expect(body.patchId).toBe(seeded.a.patchIds[1])
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
    expect(moved.json().patchId).toBe(seeded.a.patchIds[2])
    expect((await practitioner.request('GET', `/api/families/${fam.id}`)).statusCode).toBe(404)
  })
})
