import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { STEP_KIND_LIST } from '@hearth/domain/case-steps'
import {
  buildTestApp,
  type Council,
  type Family,
  freshDatabase,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #34, a child in care: the care plan, health, education and missing steps recorded through the
 * API (refused naming the field where the order is wrong), their clocks running in `clock_dues`
 * at once, and the child's "In care" page (what is due first), open to the family's team only and
 * audited. Dates worked by hand: looked after and placed on Saturday 7 November 2026.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let family: Family
let childId: string
let teamId: string
let lead: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>
let stranger: Awaited<ReturnType<typeof signInAs>>

const post = (kind: string, on: string, details: Record<string, unknown>, endOn: string | null = null) =>
  lead.request('POST', `/api/families/${family.id}/steps`, { childId, kind, on, endOn, details })
const view = async () => {
  const res = await lead.request('GET', `/api/children/${childId}/in-care`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const dueOf = (v: { due: { clock: string; dueOn: string }[] }) =>
  Object.fromEntries(v.due.map((c) => [c.clock, c.dueOn]))

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const team = await makeTeam(db, council, { patch })
  teamId = team.id
  const other = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM9'] }) })
  family = await makeFamily(db, council, { patch })
  childId = (await makeChild(db, family, { firstName: 'Carey', dateOfBirth: '2015-06-01' })).id
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [other] })
  const second = await makeCouncil(db)
  stranger = await signInAs(t.app, db, second, 'practitioner', {
    teams: [await makeTeam(db, second, { patch: await makePatch(db, second, { postcodeAreas: ['NM1'] }) })],
  })
  await makeAllocation(db, family, team, lead.person)
  const ep = await post('episode', '2026-10-05', { referralSource: '6', primaryNeed: 'N1' })
  expect(ep.statusCode, ep.body).toBe(201)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('a child in care', () => {
  it('before being looked after: no In care details, and a health assessment is refused, offering the step first', async () => {
    const v = await view()
    expect(v).toMatchObject({ childName: expect.stringContaining('Carey'), lookedAfter: null, familyId: family.id })
    const res = await post('health_assessment', '2026-11-02', { type: 'initial' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.on', offer: 'looked_after', message: expect.any(String) }),
    ])
  })

  it('looked after and placed: the care plan, health, education, review and visit clocks start at once', async () => {
    expect((await post('looked_after', '2026-11-07', { legalStatus: 'C1' })).statusCode).toBe(201)
    const placed = await post('placement', '2026-11-07', {
      type: 'U6',
      provider: 'PR4',
      inArea: false,
      postcode: 'nm9 9zz',
    })
    expect(placed.statusCode, placed.body).toBe(201)
    const v = await view()
    // Sat 7 Nov: 9(1) … 13(5), 16(6) … 20(10); 23(11) … 27(15), 30(16), 1 Dec(17) … 4 Dec(20)
    expect(dueOf(v)).toEqual({
      first_lac_visit: '2026-11-14', // 7 calendar days (CPPCR reg 28(2))
      care_plan: '2026-11-20', // 10 working days from the first placement (reg 4(2))
      first_lac_review: '2026-12-04', // 20 working days (reg 33(1))
      initial_health_assessment: '2026-12-04',
      pep: '2026-12-04', // 11 years old: of compulsory school age
    })
    // due items first, soonest first
    expect(v.due.map((c: { dueOn: string }) => c.dueOn)).toEqual(
      [...v.due.map((c: { dueOn: string }) => c.dueOn)].sort(),
    )
    expect(v.lookedAfter).toMatchObject({
      since: '2026-11-07',
      legalStatus: 'C1',
      legalStatusLabel: 'Interim care order',
    })
    expect(v.placement).toMatchObject({ since: '2026-11-07', inArea: false })
  })

  it('a review health assessment before the initial one is refused; the initial one moves the clock to a year', async () => {
    const early = await post('health_assessment', '2026-11-18', { type: 'review' })
    expect(early.statusCode).toBe(400)
    expect(early.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.details.type'])
    expect((await post('health_assessment', '2026-11-18', { type: 'initial' })).statusCode).toBe(201)
    expect((await post('care_plan', '2026-11-19', {})).statusCode).toBe(201)
    expect((await post('pep', '2026-11-20', { type: 'initial' })).statusCode).toBe(201)
    const due = dueOf(await view())
    expect(due.initial_health_assessment).toBeUndefined()
    expect(due.care_plan).toBeUndefined()
    expect(due.health_review).toBe('2027-11-18') // from 5, every 12 months (reg 7(2))
    expect(due.pep_review).toBe('2027-03-20') // each term: 4 months by default (local)
  })

  it('back from being missing: the return home interview is due in 72 hours; recording it stops the clock', async () => {
    const bad = await post('missing_episode', '2026-11-27', { kind: 'missing', returnInterview: 'held' }, '2026-11-28')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.details.returnInterviewOn'])
    const res = await post('missing_episode', '2026-11-27', { kind: 'missing' }, '2026-11-28')
    expect(res.statusCode, res.body).toBe(201)
    const step = res.json()
    expect(dueOf(await view()).return_home_interview).toBe('2026-12-01')
    const fixed = await lead.request('PUT', `/api/steps/${step.id}`, {
      kind: 'missing_episode',
      on: '2026-11-27',
      endOn: '2026-11-28',
      details: { kind: 'missing', returnInterview: 'held', returnInterviewOn: '2026-11-30' },
      version: step.version,
      reason: 'The interview was held on Monday',
    })
    expect(fixed.statusCode, fixed.body).toBe(200)
    const v = await view()
    expect(dueOf(v).return_home_interview).toBeUndefined()
    expect(v.missing).toEqual([
      expect.objectContaining({ from: '2026-11-27', to: '2026-11-28', returnInterview: 'held' }),
    ])
    expect(v.health.lastAssessment).toEqual({ on: '2026-11-18', type: 'initial' })
    expect(v.carePlanAgreedOn).toBe('2026-11-19')
  })

  it('a placement’s provider is checked against its type; a change of legal status starts a new episode', async () => {
    const parents = await post('placement', '2026-11-25', { type: 'P1', provider: 'PR4', inArea: true })
    expect(parents.statusCode).toBe(400)
    expect(parents.json().error.details.map((d: { field: string }) => d.field)).toContain('body.details.provider')
    const reason = await post('placement', '2026-11-25', {
      type: 'U6',
      provider: 'PR1',
      inArea: true,
      changeReason: 'CHILD',
    })
    expect(reason.json().error.details.map((d: { field: string }) => d.field)).toContain('body.details.changeReason')
    const badPostcode = await post('placement', '2026-11-25', {
      type: 'U6',
      provider: 'PR1',
      inArea: true,
      postcode: 'NOPE',
    })
    expect(badPostcode.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.details.postcode'])
    const same = await post('legal_status', '2026-11-24', { legalStatus: 'C1' })
    expect(same.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.details.legalStatus'])
    expect((await post('legal_status', '2026-11-24', { legalStatus: 'C2' })).statusCode).toBe(201)
    const v = await view()
    expect(v.placement).toMatchObject({
      type: 'U6',
      provider: 'PR4',
      providerLabel: 'A private provider',
      postcode: 'NM9 9ZZ',
    })
    expect(
      v.episodes.map(
        (e: { decom: string; rne: string; ls: string; place: string; dec: string | null; rec: string | null }) =>
          [e.decom, e.rne, e.ls, e.place, e.dec, e.rec].join(' '),
      ),
    ).toEqual(['2026-11-07 S C1 U6 2026-11-24 X1', '2026-11-24 L C2 U6  '])
  })

  it('a looked-after review says how the child took part; “under 4” is refused for an 11-year-old', async () => {
    const none = await post('lac_review', '2026-12-01', {})
    expect(none.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.details.participation'])
    const wrong = await post('lac_review', '2026-12-01', { participation: 'PN0' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.details.participation', census: '440' }),
    ])
    expect((await post('lac_review', '2026-12-01', { participation: 'PN1' })).statusCode).toBe(201)
    const v = await view()
    expect(v.reviews).toEqual({ last: '2026-12-01', held: 1 })
    expect(dueOf(v).first_lac_review).toBeUndefined()
    expect(dueOf(v).second_lac_review).toBe('2027-03-01') // 3 months on (reg 33(2))
  })

  it('is on the team’s list of children in care, with its legal status, placement and what is due first', async () => {
    const res = await lead.request('GET', `/api/teams/${teamId}/children-in-care`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual([
      expect.objectContaining({
        childId,
        familyId: family.id,
        since: '2026-11-07',
        legalStatus: 'C2', // changed on 24 November
        placement: 'Fostered with another carer: not long-term or fostering for adoption (U6)',
        next: expect.objectContaining({ dueOn: expect.any(String) }),
      }),
    ])
    expect((await elsewhere.request('GET', `/api/teams/${teamId}/children-in-care`)).statusCode).toBe(404)
  })

  it('every kind of step the domain knows, the database accepts (its check names them all)', async () => {
    const [c] = (
      (await dbx.handle.db.execute(
        sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'case_steps_kind_check'`,
      )) as unknown as { rows: { def: string }[] }
    ).rows
    for (const kind of STEP_KIND_LIST) expect(c!.def).toContain(`'${kind}'`)
  })

  it('is the family’s team’s: another team, and another council, are told it does not exist; reads are audited', async () => {
    expect((await elsewhere.request('GET', `/api/children/${childId}/in-care`)).statusCode).toBe(404)
    expect((await stranger.request('GET', `/api/children/${childId}/in-care`)).statusCode).toBe(404)
    const rows = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'in_care.read'), eq(auditEvents.childId, childId)))
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.actorPersonId === lead.person.id && r.familyId === family.id)).toBe(true)
  })
})
