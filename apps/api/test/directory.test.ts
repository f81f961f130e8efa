import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OrukService } from '@hearth/contracts/open-referral'
import { seedDirectory } from '@hearth/db/seed/directory'
import {
  buildTestApp,
  freshDatabase,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  type Patch,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

const SAMPLE = readFileSync(join(__dirname, '../../../test/fixtures/open-referral-sample.json'), 'utf8')

type Signed = Awaited<ReturnType<typeof signInAs>>
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let insight: Signed
let insightB: Signed
let practitioner: Signed
let otherTeam: Signed
let familyId: string
let riverside: Patch
let otherCouncilPatch: Patch

const counts = async () =>
  (
    (await dbx.handle.db.execute(sql`select (select count(*)::int from directory_services) s, (select count(*)::int from directory_organisations) o, (select count(*)::int from directory_locations) l,
    (select count(*)::int from directory_eligibility) e, (select count(*)::int from directory_cost_options) c, (select count(*)::int from directory_service_locations) sl,
    (select string_agg(name || status, '|' order by id) from directory_services) names`)) as unknown as {
      rows: Record<string, unknown>[]
    }
  ).rows[0]

/** Services compared as data: sub-lists in id order (ORUK does not give them an order). */
function normalise(list: unknown[]) {
  return list
    .map((x) => OrukService.parse(x))
    .map((s) => ({
      ...s,
      eligibilitys: [...s.eligibilitys].sort((a, b) => a.id.localeCompare(b.id)),
      cost_options: [...s.cost_options].sort((a, b) => a.id.localeCompare(b.id)),
      service_at_locations: [...s.service_at_locations].sort((a, b) => a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id))
}

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  // two councils, each with the invented directory of eight services the demo council has
  // (services for the whole council and for named patches)
  const council = await makeCouncil(db)
  const other = await makeCouncil(db)
  await db.transaction((tx) => seedDirectory(tx, council.id, 'NM'))
  await db.transaction((tx) => seedDirectory(tx, other.id, 'SM'))
  const eastfield = await makePatch(db, council, { name: 'Eastfield', postcodeAreas: ['NM1'] })
  riverside = await makePatch(db, council, { name: 'Riverside', postcodeAreas: ['NM2'] })
  otherCouncilPatch = await makePatch(db, other, { name: 'Eastfield', postcodeAreas: ['SM1'] })
  const team = await makeTeam(db, council, { patch: eastfield })
  const riversideTeam = await makeTeam(db, council, { patch: riverside })
  insight = await signInAs(t.app, db, council, 'insight_adviser', {
    teams: [await makeTeam(db, council, { kind: 'insight' })],
  })
  insightB = await signInAs(t.app, db, other, 'insight_adviser', {
    teams: [await makeTeam(db, other, { kind: 'insight' })],
  })
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team], name: 'Priya Practitioner' })
  otherTeam = await signInAs(t.app, db, council, 'practitioner', { teams: [riversideTeam] })
  const family = await makeFamily(db, council, { patch: eastfield })
  await makeChild(db, family, { firstName: 'Sam', dateOfBirth: '2016-05-14' })
  await makeAllocation(db, family, team, practitioner.person)
  familyId = family.id
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('Open Referral UK import and export', () => {
  it('imports the sample file, and exporting gives the same services back', async () => {
    const res = await insight.request('POST', '/api/directory/import', { fileName: 'sample.json', content: SAMPLE })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ organisations: 2, services: 3, locations: 2, created: 3, updated: 0 })
    const out = await insight.request('GET', '/api/directory/export')
    expect(out.statusCode).toBe(200)
    expect(out.headers['content-disposition']).toMatch(
      /attachment; filename="open-referral-services-\d{4}-\d{2}-\d{2}\.json"/,
    )
    const doc = JSON.parse(out.body) as { totalElements: number; content: { id: string }[] }
    expect(doc.totalElements).toBe(doc.content.length)
    const exported = doc.content.filter((s) => s.id.startsWith('sample-'))
    expect(exported).toHaveLength(3)
    expect(normalise(exported)).toEqual(normalise((JSON.parse(SAMPLE) as { content: unknown[] }).content))
    // and the exported file imports again cleanly, changing nothing
    const before = await counts()
    const again = await insight.request('POST', '/api/directory/import', { content: out.body })
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json()).toMatchObject({ created: 0, updated: doc.content.length })
    expect(await counts()).toEqual(before)
  })

  it('refuses a file that is not JSON, with the line, and imports nothing', async () => {
    const before = await counts()
    const broken = SAMPLE.replace(
      '"status": "active",\n      "attending_access": "appointment"',
      '"status": "active"\n      "attending_access": "appointment"',
    )
    expect(broken).not.toBe(SAMPLE)
    const line = broken.split('\n').findIndex((l) => l.includes('"attending_access": "appointment"')) + 1
    const res = await insight.request('POST', '/api/directory/import', { content: broken })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toContain('Nothing was changed')
    expect(res.json().error.details[0].message).toMatch(new RegExp(`^line ${line}, column \\d+: not valid JSON`))
    expect(await counts()).toEqual(before)
  })

  it('refuses a file with a wrong field, naming the line and field, even when other services are fine', async () => {
    const before = await counts()
    const doc = JSON.parse(SAMPLE)
    doc.content.unshift({
      ...doc.content[0],
      id: 'sample-svc-new-and-fine',
      name: 'A new service that must not arrive',
    })
    doc.content[2].cost_options[0].amount = -5
    doc.content[3].service_taxonomys[0].taxonomy.id = 'astrology'
    delete doc.content[1].organization.name
    const file = JSON.stringify(doc, null, 2)
    const lines = file.split('\n')
    const res = await insight.request('POST', '/api/directory/import', { content: file })
    expect(res.statusCode).toBe(400)
    const details = res.json().error.details as { field: string; message: string }[]
    const byField = Object.fromEntries(details.map((d) => [d.field, d.message]))
    expect(byField['content[2].cost_options[0].amount']).toMatch(
      new RegExp(`^line ${lines.findIndex((l) => l.includes('"amount": -5')) + 1}, column \\d+: cannot be negative`),
    )
    expect(byField['content[3].service_taxonomys[0].taxonomy.id']).toMatch(
      new RegExp(
        `^line ${lines.findIndex((l) => l.includes('"id": "astrology"')) + 1}, column \\d+: not a need Hearth knows`,
      ),
    )
    // a missing field points at the object it is missing from
    const orgLine =
      lines.findIndex(
        (l, i) =>
          i > lines.findIndex((x) => x.includes('"id": "sample-svc-young-carers"')) && l.includes('"organization": {'),
      ) + 1
    expect(byField['content[1].organization.name']).toMatch(new RegExp(`^line ${orgLine}, column \\d+: `))
    expect(await counts()).toEqual(before)
  })

  it('refuses two services with one id, and a file without services', async () => {
    const doc = JSON.parse(SAMPLE)
    doc.content.push({ ...doc.content[0] })
    const res = await insight.request('POST', '/api/directory/import', { content: JSON.stringify(doc, null, 2) })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0]).toMatchObject({ field: 'content[3].id' })
    expect(res.json().error.details[0].message).toContain('the same service id as service 1')
    const none = await insight.request('POST', '/api/directory/import', { content: '{"services": []}' })
    expect(none.statusCode).toBe(400)
    expect(none.json().error.details[0]).toMatchObject({ field: 'content' })
  })

  it('only insight advisers import; the import stays in its council', async () => {
    expect((await practitioner.request('POST', '/api/directory/import', { content: SAMPLE })).statusCode).toBe(403)
    const [mine] = (await insight.request('GET', '/api/directory/services?q=Lanternfold')).json().services
    expect((await insightB.request('GET', `/api/directory/services/${mine.id}`)).statusCode).toBe(404)
    expect((await insight.request('GET', `/api/directory/services/${mine.id}`)).statusCode).toBe(200)
    const b = await insightB.request('GET', '/api/directory/export')
    expect((JSON.parse(b.body) as { content: { id: string }[] }).content.some((s) => s.id.startsWith('sample-'))).toBe(
      false,
    )
  })
})

describe('search', () => {
  const names = async (qs: string) =>
    ((await practitioner.request('GET', `/api/directory/services?${qs}`)).json().services as { name: string }[]).map(
      (s) => s.name,
    )

  it('by need, age, patch, cost and words', async () => {
    expect(await names('need=young_carers')).toEqual([
      'Hollybrook Young Carers Club',
      'Lanternfold Young Carers Club (invented)',
    ])
    const age4 = await names('age=4')
    expect(age4).not.toContain('Lanternfold Young Carers Club (invented)')
    expect(age4).toContain('Steady Steps Parenting Course (invented)')
    expect(age4).toContain('Moorside Money Advice') // no age limits: for everyone
    const inRiverside = await names(`patchId=${riverside.id}`)
    expect(inRiverside).toContain('Steady Steps Parenting Course (invented)')
    expect(inRiverside).toContain('Brightwater Family Therapy (invented)') // whole council
    expect(inRiverside).not.toContain('Lanternfold Young Carers Club (invented)') // Eastfield only
    expect(await names('cost=Spot%20purchase')).toEqual([
      'Brightwater Family Therapy',
      'Brightwater Family Therapy (invented)',
      'Kestrel Short Breaks',
    ])
    expect(await names('q=therap')).toEqual(['Brightwater Family Therapy', 'Brightwater Family Therapy (invented)'])
    expect(await names('q=lanternfold%20community')).toEqual([
      'Lanternfold Young Carers Club (invented)',
      'Steady Steps Parenting Course (invented)',
    ])
    // a page at a time, in name order, with the total
    const all = (await practitioner.request('GET', '/api/directory/services?limit=100')).json()
    const page2 = (await practitioner.request('GET', '/api/directory/services?limit=4&offset=4')).json()
    expect(page2.total).toBe(all.total)
    expect(all.total).toBe(8 + 3)
    expect(page2.services.map((x: { id: string }) => x.id)).toEqual(
      all.services.slice(4, 8).map((x: { id: string }) => x.id),
    )
    expect((await practitioner.request('GET', '/api/directory/services?limit=500')).statusCode).toBe(400)
    const bad = await practitioner.request('GET', `/api/directory/services?patchId=${otherCouncilPatch.id}`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].field).toBe('query.patchId')
  })

  it('shows what a practitioner needs to refer', async () => {
    const [svc] = (
      await practitioner.request('GET', '/api/directory/services?q=Brightwater%20Family%20Therapy%20(invented)')
    ).json().services
    expect(svc).toMatchObject({
      howToRefer: 'Insight commissions it: ask the insight team.',
      waitingWeeks: 6,
      capacityNote: 'Four new families a month.',
      areas: ['Whole council'],
      costOptions: [{ option: 'Spot purchase', amountPence: 8550, amountDescription: 'per session' }],
      eligibility: [{ minimumAge: 5, maximumAge: 18 }],
      organisation: { name: 'Brightwater Therapies Ltd (invented)' },
    })
    expect(svc.locations[0]).toMatchObject({ name: 'Brightwater Clinic', postalCode: 'NM3 4CD' })
  })
})

describe('services on a family’s plan', () => {
  it('the holding team records a referral; it shows on the chronology; others cannot', async () => {
    const [svc] = (await practitioner.request('GET', '/api/directory/services?need=young_carers&q=Lanternfold')).json()
      .services
    const res = await practitioner.request('POST', `/api/families/${familyId}/services`, {
      serviceId: svc.id,
      status: 'referred',
      onDate: '2026-11-02',
      note: 'Sam (10) cares for mum most evenings; he would like to go.',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      serviceName: 'Lanternfold Young Carers Club (invented)',
      status: 'referred',
      onDate: '2026-11-02',
      recordedByName: 'Priya Practitioner',
    })
    const chron = (await practitioner.request('GET', `/api/families/${familyId}/chronology`)).json() as {
      title: string
      detail: string | null
    }[]
    expect(
      chron.find(
        (e) =>
          e.title === 'Referred to Lanternfold Young Carers Club (invented) (Lanternfold Community Trust (invented))',
      )?.detail,
    ).toContain('Sam (10)')
    expect(
      (
        await otherTeam.request('POST', `/api/families/${familyId}/services`, {
          serviceId: svc.id,
          status: 'referred',
          onDate: '2026-11-02',
        })
      ).statusCode,
    ).toBe(404)
    // a service from another council's directory
    const [svcB] = (await insightB.request('GET', '/api/directory/services?need=young_carers')).json().services
    const cross = await practitioner.request('POST', `/api/families/${familyId}/services`, {
      serviceId: svcB.id,
      status: 'referred',
      onDate: '2026-11-02',
    })
    expect(cross.statusCode).toBe(400)
    expect(cross.json().error.details[0].field).toBe('body.serviceId')
    expect((await practitioner.request('GET', `/api/families/${familyId}/services`)).json()).toHaveLength(1)
  })

  it('an adviser adds a service by hand; it exports as Open Referral', async () => {
    const res = await insight.request('POST', '/api/directory/services', {
      name: 'Fernhill Homework Club',
      description: 'After-school homework help with a snack.',
      organisationName: 'Fernhill Library Friends',
      needs: ['education'],
      areas: ['Eastfield'],
      minimumAge: 7,
      maximumAge: 14,
      cost: 'Free',
      howToRefer: 'Just turn up.',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      name: 'Fernhill Homework Club',
      needs: ['education'],
      areas: ['Eastfield'],
      eligibility: [{ minimumAge: 7, maximumAge: 14 }],
      costOptions: [{ option: 'Free' }],
    })
    const bad = await insight.request('POST', '/api/directory/services', {
      name: 'X',
      description: 'Y',
      organisationName: 'Z',
      needs: ['astrology'],
      cost: 'Free',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].field).toBe('body.needs')
    const doc = JSON.parse((await insight.request('GET', '/api/directory/export')).body) as {
      content: { name: string; service_taxonomys: { taxonomy: { id: string; vocabulary: string } }[] }[]
    }
    const fern = doc.content.find((s) => s.name === 'Fernhill Homework Club')!
    expect(fern.service_taxonomys[0]!.taxonomy).toMatchObject({ id: 'education', vocabulary: 'Hearth needs' })
  })

  it('a proposal can name the service it buys (this council’s only)', async () => {
    const [svc] = (
      await practitioner.request('GET', '/api/directory/services?q=Brightwater%20Family%20Therapy%20(invented)')
    ).json().services
    const body = {
      what: 'Family therapy, weekly',
      forWhom: 'The whole family',
      why: 'Arguments at home are getting worse.',
      weeklyPence: 8550,
      weeks: 12,
      alternatives: 'The parenting course (waiting list).',
      familyView: '“We need someone to help us talk.”',
    }
    const ok = await practitioner.request('POST', `/api/families/${familyId}/proposals`, { ...body, serviceId: svc.id })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toMatchObject({ serviceId: svc.id, serviceName: 'Brightwater Family Therapy (invented)' })
    const [svcB] = (await insightB.request('GET', '/api/directory/services?need=young_carers')).json().services
    const cross = await practitioner.request('POST', `/api/families/${familyId}/proposals`, {
      ...body,
      serviceId: svcB.id,
    })
    expect(cross.statusCode).toBe(400)
    expect(cross.json().error.details[0].field).toBe('body.serviceId')
  })
})
