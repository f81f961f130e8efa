import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assessments } from '@hearth/db/schema/assessments'
import { auditEvents } from '@hearth/db/schema/audit'
import { londonDateOf } from '@hearth/domain/working-days'
import {
  buildTestApp,
  type Child,
  type Family,
  freshDatabase,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makePerson,
  makeReferral,
  makeTeam,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #15, the child and family assessment: 45 working days from the referral (WT2023 ch.3), its
 * dates and factors checked against the census rules at the source, due and overdue for the lead
 * and the team. On PostgreSQL.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let team: Team
let family: Family
let ava: Child
let bo: Child
let lead: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>
let strategy: Awaited<ReturnType<typeof signInAs>>
const today = londonDateOf(new Date())

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  const council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  team = await makeTeam(db, council, { patch })
  const other = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM9'] }) })
  family = await makeFamily(db, council, { patch })
  ava = await makeChild(db, family, { firstName: 'Ava' })
  bo = await makeChild(db, family, { firstName: 'Bo' })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  // a team of three, so its counts are shown to strategy (fewer would be one person's)
  await makePerson(db, council, { role: 'practitioner', teams: [team] })
  await makePerson(db, council, { role: 'practitioner', teams: [team] })
  strategy = await signInAs(t.app, db, council, 'strategy_member')
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [other] })
  await makeAllocation(db, family, team, lead.person)
  // the family's referral today: an assessment started from it is on track
  await makeReferral(db, family, lead.person, { receivedAt: new Date() })
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('the child and family assessment', () => {
  it('is due 45 working days from the referral date; the census rules are checked at the source', async () => {
    const bad = await lead.request('POST', `/api/families/${family.id}/assessments`, {
      childId: ava.id,
      startedOn: '2026-01-05',
      referralDate: '2026-01-10',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0]).toMatchObject({ field: 'body.startedOn' })
    expect(bad.json().error.details[0].message).toMatch(/1103/)
    const res = await lead.request('POST', `/api/families/${family.id}/assessments`, {
      childId: ava.id,
      startedOn: '2026-01-07',
      referralDate: '2026-01-05',
    })
    expect(res.statusCode, res.body).toBe(201)
    // Mon 5 Jan 2026 + 45 WD (no bank holidays until Good Friday, 3 April) = Mon 9 March
    expect(res.json()).toMatchObject({ dueDate: '2026-03-09', state: 'overdue', childName: `Ava ${ava.lastName}` })
  })

  it('one open at a time for a child: ten at once make one', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        lead.request('POST', `/api/families/${family.id}/assessments`, { childId: bo.id, startedOn: today }),
      ),
    )
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1)
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9)
    // the referral date comes from the family's latest referral
    expect(results.find((r) => r.statusCode === 201)!.json().referralDate).toBe(today)
  })

  it('shows on the lead’s and the team’s lists, soonest due first; finishing it takes it off', async () => {
    const mine = (await lead.request('GET', '/api/me/assessments')).json() as { id: string; state: string }[]
    expect(mine.map((a) => a.state)).toEqual(['overdue', 'on_track'])
    const board = (await lead.request('GET', `/api/teams/${team.id}/assessments`)).json() as { id: string }[]
    expect(board.map((a) => a.id)).toEqual(mine.map((a) => a.id))
    // strategy sees the team's totals, never which child
    const council = (await strategy.request('GET', `/api/council/teams/${team.id}`)).json()
    expect(council).toMatchObject({ assessmentsOpen: 2, assessmentsOverdue: 1, clocksOverdue: 1, clocksDueSoon: 0 })
    const overdue = mine[0]!
    const noFactors = await lead.request('POST', `/api/assessments/${overdue.id}/finish`, {
      version: 1,
      authorisedOn: today,
      factors: [],
    })
    expect(noFactors.statusCode).toBe(400)
    expect(noFactors.json().error.details[0].message).toMatch(/8897Q/)
    const alone = await lead.request('POST', `/api/assessments/${overdue.id}/finish`, {
      version: 1,
      authorisedOn: today,
      factors: ['21', '16A'],
    })
    expect(alone.json().error.details[0].message).toMatch(/8869/)
    const early = await lead.request('POST', `/api/assessments/${overdue.id}/finish`, {
      version: 1,
      authorisedOn: '2026-01-06',
      factors: ['16A'],
    })
    expect(early.json().error.details[0]).toMatchObject({ field: 'body.authorisedOn' })
    const done = await lead.request('POST', `/api/assessments/${overdue.id}/finish`, {
      version: 1,
      authorisedOn: today,
      factors: ['16A', '3B'],
      summary: 'Neglect and domestic abuse; a child in need plan follows.',
    })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ state: 'finished', factors: ['16A', '3B'] })
    const after = (await lead.request('GET', '/api/me/assessments')).json() as { id: string }[]
    expect(after.map((a) => a.id)).not.toContain(overdue.id)
    const again = await lead.request('POST', `/api/assessments/${overdue.id}/finish`, {
      version: 2,
      authorisedOn: today,
      factors: ['16A'],
    })
    expect(again.statusCode).toBe(409)
    const audit = await dbx.handle.db.select().from(auditEvents).where(eq(auditEvents.recordId, overdue.id))
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['assessment.start', 'assessment.finish']))
  })

  it('another team: not found, nothing written; the database keeps a finished one as written', async () => {
    const [a] = await dbx.handle.db.select().from(assessments).where(eq(assessments.childId, ava.id))
    expect((await elsewhere.request('GET', `/api/families/${family.id}/assessments`)).statusCode).toBe(404)
    expect((await elsewhere.request('GET', `/api/assessments/${a!.id}`)).statusCode).toBe(404)
    expect(
      (await elsewhere.request('POST', `/api/families/${family.id}/assessments`, { childId: ava.id, startedOn: today }))
        .statusCode,
    ).toBe(404)
    expect((await elsewhere.request('GET', `/api/teams/${team.id}/assessments`)).statusCode).toBe(404)
    await expect(
      dbx.handle.db.execute(sql`update assessments set factors = '{20}' where id = ${a!.id}`),
    ).rejects.toThrow()
    await expect(dbx.handle.db.execute(sql`delete from assessments where id = ${a!.id}`)).rejects.toThrow()
  })
})
