import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commissions } from '@hearth/db/schema/insight'
import { proposals } from '@hearth/db/schema/sign-off'
import { teamDecisions } from '@hearth/db/schema/team-board'
import { weeksBetween } from '../src/modules/insight/commission-queries'
import {
  buildTestApp,
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

type Signed = Awaited<ReturnType<typeof signInAs>>
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let practitioner: Signed
let adviser: Signed
let adviser2: Signed
let strategy: Signed
let admin: Signed
let familyId: string

const ask = (over: Record<string, unknown> = {}) => ({
  need: 'A specialist sleep support worker for two nights a week',
  why: 'Jay (6) has autism and sleeps two or three hours a night; mum is not coping. The sleep clinic has a nine-month wait and nothing in the directory works at night.',
  familyView: '“If he sleeps, we all sleep. We would try anything.”',
  weeks: 12,
  budgetPence: 600_000,
  ...over,
})

async function commission(weeklyPence: number, startDate: string, endDate: string) {
  const created = (await practitioner.request('POST', `/api/families/${familyId}/commissions`, ask())).json()
  expect((await adviser.request('POST', `/api/commissions/${created.id}/take`)).statusCode).toBe(200)
  const res = await adviser.request('POST', `/api/commissions/${created.id}/record`, {
    providerName: 'Nightingale Sleep Support (invented)',
    weeklyPence,
    startDate,
    endDate,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  const council = await makeCouncil(db)
  const patch = await makePatch(db, council)
  const team = await makeTeam(db, council, { patch })
  const insightTeam = await makeTeam(db, council, { kind: 'insight' })
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  adviser = await signInAs(t.app, db, council, 'insight_adviser', { teams: [insightTeam], name: 'Ines Insight' })
  adviser2 = await signInAs(t.app, db, council, 'insight_adviser', { teams: [insightTeam] })
  strategy = await signInAs(t.app, db, council, 'strategy_member', {
    teams: [await makeTeam(db, council, { kind: 'strategy' })],
  })
  admin = await signInAs(t.app, db, council, 'administrator')
  const family = await makeFamily(db, council, { patch })
  await makeChild(db, family, { firstName: 'Jay', dateOfBirth: '2020-04-02' })
  await makeAllocation(db, family, team, practitioner.person)
  familyId = family.id
  // sign-off at £5,000 in all
  expect(
    (
      await admin.request('POST', '/api/spend-thresholds', {
        signOffPence: 5_000_00,
        secondApproverPence: 20_000_00,
        decisionWorkingDays: 5,
        reason: 'Set for the commissioning tests',
      })
    ).statusCode,
  ).toBe(201)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('weeks a commission runs', () => {
  it('counts both ends, in whole weeks', () => {
    expect(weeksBetween('2026-01-05', '2026-01-11')).toBe(1)
    expect(weeksBetween('2026-01-05', '2026-01-12')).toBe(2)
    expect(weeksBetween('2026-01-05', '2026-03-29')).toBe(12)
    expect(weeksBetween('2026-01-05', '2026-01-05')).toBe(1)
  })
})

describe('commissioning', () => {
  it('at the threshold: a proposal waiting for strategy, counted once signed off', async () => {
    // £500 a week for 10 weeks (5 Jan – 15 Mar) = £5,000: at the threshold
    const c = await commission(50_000, '2027-01-04', '2027-03-14')
    expect(c).toMatchObject({
      status: 'commissioned',
      totalPence: 500_000,
      route: 'strategy',
      proposalStatus: 'awaiting_strategy',
      overBudget: false,
      providerName: 'Nightingale Sleep Support (invented)',
    })
    const [p] = await dbx.handle.db.select().from(proposals).where(eq(proposals.id, c.proposalId))
    expect(p).toMatchObject({
      route: 'strategy',
      status: 'awaiting_strategy',
      totalPence: 500_000,
      weeks: 10,
      weeklyPence: 50_000,
      commissionId: c.id,
      proposedBy: practitioner.personId,
      familyId,
    })
    expect(p!.what).toContain('commissioned from Nightingale Sleep Support (invented)')
    // strategy sees it in its queue, and approving it commits the spend
    const queue = (await strategy.request('GET', '/api/proposals?view=awaiting')).json() as {
      id: string
      commissionId: string | null
    }[]
    expect(queue.find((q) => q.id === c.proposalId)?.commissionId).toBe(c.id)
    const before = (await strategy.request('GET', '/api/council/overview')).json().committedPence
    expect(
      (
        await strategy.request('POST', `/api/proposals/${c.proposalId}/decision`, {
          outcome: 'approve',
          reasonsForTeam: 'Agreed: sleep is the thing that will keep this family together.',
        })
      ).statusCode,
    ).toBe(200)
    expect((await strategy.request('GET', '/api/council/overview')).json().committedPence).toBe(before + 500_000)
  })

  it('just below the threshold: a team decision, logged, and in committed spend at once', async () => {
    const before = (await strategy.request('GET', '/api/council/overview')).json().committedPence
    // £499.99 a week for 10 weeks = £4,999.90
    const c = await commission(49_999, '2027-01-04', '2027-03-14')
    expect(c).toMatchObject({ route: 'team', proposalStatus: 'team_decided', totalPence: 499_990 })
    const log = await dbx.handle.db.select().from(teamDecisions).where(eq(teamDecisions.familyId, familyId))
    expect(log.some((d) => (d.details as { commissionId?: string } | null)?.commissionId === c.id)).toBe(true)
    expect((await strategy.request('GET', '/api/council/overview')).json().committedPence).toBe(before + 499_990)
  })

  it('above the budget it still goes through, flagged', async () => {
    const c = await commission(80_000, '2027-01-04', '2027-03-28') // 12 weeks × £800 = £9,600 against a £6,000 budget
    expect(c).toMatchObject({ totalPence: 960_000, overBudget: true, route: 'strategy' })
  })

  it('only insight advisers take and record; one taker; only the taker records; never twice', async () => {
    const created = (await practitioner.request('POST', `/api/families/${familyId}/commissions`, ask())).json()
    for (const s of [practitioner, strategy, admin])
      expect((await s.request('POST', `/api/commissions/${created.id}/take`)).statusCode).toBe(403)
    const takes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? adviser : adviser2).request('POST', `/api/commissions/${created.id}/take`),
      ),
    )
    expect(takes.filter((r) => r.statusCode === 200)).toHaveLength(1)
    expect(takes.filter((r) => r.statusCode === 409)).toHaveLength(7)
    const holder = takes.find((r) => r.statusCode === 200)!.json().takenByName === 'Ines Insight' ? adviser : adviser2
    const other = holder === adviser ? adviser2 : adviser
    const body = {
      providerName: 'Nightingale Sleep Support (invented)',
      weeklyPence: 10_000,
      startDate: '2027-01-04',
      endDate: '2027-01-31',
    }
    expect((await other.request('POST', `/api/commissions/${created.id}/record`, body)).statusCode).toBe(403)
    // handing back puts it in the queue again; the other adviser can then take it
    expect((await other.request('POST', `/api/commissions/${created.id}/hand-back`)).statusCode).toBe(403)
    expect((await holder.request('POST', `/api/commissions/${created.id}/hand-back`)).json()).toMatchObject({
      status: 'waiting',
      takenById: null,
    })
    expect((await holder.request('POST', `/api/commissions/${created.id}/take`)).statusCode).toBe(200)
    const bad = await holder.request('POST', `/api/commissions/${created.id}/record`, {
      ...body,
      endDate: '2026-12-01',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].field).toBe('body.endDate')
    // two records at once: one proposal
    const both = await Promise.all([
      holder.request('POST', `/api/commissions/${created.id}/record`, body),
      holder.request('POST', `/api/commissions/${created.id}/record`, body),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409])
    expect(await dbx.handle.db.select().from(proposals).where(eq(proposals.commissionId, created.id))).toHaveLength(1)
    const [row] = await dbx.handle.db.select().from(commissions).where(eq(commissions.id, created.id))
    expect(row!.status).toBe('commissioned')
  })

  it('the family’s chronology shows it; the adviser queue lists waiting oldest first', async () => {
    const chron = (await practitioner.request('GET', `/api/families/${familyId}/chronology`)).json() as {
      kind: string
      title: string
      link: string | null
    }[]
    expect(
      chron.filter(
        (e) => e.kind === 'commission' && e.title.startsWith('Commissioned: A specialist sleep support worker'),
      ),
    ).toHaveLength(4)
    const a = (
      await practitioner.request('POST', `/api/families/${familyId}/commissions`, ask({ need: 'First waiting' }))
    ).json()
    const b = (
      await practitioner.request('POST', `/api/families/${familyId}/commissions`, ask({ need: 'Second waiting' }))
    ).json()
    const q = (await adviser.request('GET', '/api/commissions?view=waiting')).json() as { id: string }[]
    expect(q.map((x) => x.id)).toEqual([a.id, b.id])
    const team = (await practitioner.request('GET', '/api/commissions?view=team')).json() as { id: string }[]
    expect(team.length).toBeGreaterThanOrEqual(6)
  })
})

describe('withdrawing a request to commission', () => {
  it('only while waiting; it stays on record', async () => {
    const c = (
      await practitioner.request('POST', `/api/families/${familyId}/commissions`, ask({ need: 'Not needed after all' }))
    ).json()
    expect((await adviser.request('POST', `/api/commissions/${c.id}/withdraw`)).statusCode).toBe(403)
    expect((await practitioner.request('POST', `/api/commissions/${c.id}/withdraw`)).statusCode).toBe(200)
    const [row] = await dbx.handle.db.select().from(commissions).where(eq(commissions.id, c.id))
    expect(row!.status).toBe('withdrawn')
    expect((await adviser.request('POST', `/api/commissions/${c.id}/take`)).json().error.message).toBe(
      'The team withdrew this request.',
    )
    expect((await practitioner.request('POST', `/api/commissions/${c.id}/withdraw`)).statusCode).toBe(409)
  })
})
