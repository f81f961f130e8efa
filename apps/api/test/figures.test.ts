import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  adminTasks,
  allocations,
  children,
  families,
  insightRequests,
  memberships,
  offers,
  people,
  referrals,
  teams,
} from '@hearth/db'
import { holidaySet, workingDayDeadline } from '@hearth/domain'
import { getFigureSeries } from '../src/modules/figures/get-figure-series'
import { getTeamFigures } from '../src/modules/figures/get-team-figures'
import { ctxOf, makeTestApp, signInAs, type TestApp } from '../../../test/helpers/app'
import { freshPgDatabase, seedTwoCouncils } from '../../../test/helpers/db'

/**
 * Team figures against a fixture counted by hand. Three weeks ending Thursday 3 September 2026
 * (Mondays 17 Aug, 24 Aug, 31 Aug; Monday 31 August is the summer bank holiday). Times are UTC;
 * England is on BST (UTC+1), so a week ends at 23:00 UTC on the Sunday.
 */
const NOW = new Date('2026-09-03T12:00:00Z')
const at = (iso: string) => new Date(iso)

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
let alder: string
let empty: string

beforeAll(async () => {
  dbx = await freshPgDatabase()
  seeded = await seedTwoCouncils(dbx.handle, 8)
  t = await makeTestApp(dbx.handle)
  const db = dbx.handle.db
  const c = seeded.a.councilId
  const [a, e] = await db
    .insert(teams)
    .values([
      { councilId: c, name: 'Alder family team (test)', kind: 'family_facing' },
      { councilId: c, name: 'Empty family team (test)', kind: 'family_facing' },
    ])
    .returning()
  alder = a!.id
  empty = e!.id
  const [p1, p2, p3, en] = await db
    .insert(people)
    .values([
      { councilId: c, name: 'Alma Alderton', email: 'alma.alderton@northmoor.example', roles: ['practitioner'] },
      { councilId: c, name: 'Amos Alderton', email: 'amos.alderton@northmoor.example', roles: ['practitioner'] },
      { councilId: c, name: 'Ada Gone', email: 'ada.gone@northmoor.example', roles: ['practitioner'], active: false },
      { councilId: c, name: 'Enid Enabler-Alder', email: 'enid.alder@northmoor.example', roles: ['enabler'] },
    ])
    .returning()
  // capacity 14 (team default) + 10 (Amos's own cap); the inactive practitioner and the enabler do not count
  await db.insert(memberships).values([
    { councilId: c, teamId: alder, personId: p1!.id },
    { councilId: c, teamId: alder, personId: p2!.id, caseloadCap: 10 },
    { councilId: c, teamId: alder, personId: p3!.id },
    { councilId: c, teamId: alder, personId: en!.id },
  ])
  const fam = async (n: number, kids: number) => {
    const [f] = await db
      .insert(families)
      .values({
        councilId: c,
        reference: `FIG-${n}`,
        name: `Figurehead family ${n}`,
        addressLine1: `${n} Counting Lane`,
        town: 'Northmoor',
        postcode: 'NM9 9ZZ',
      })
      .returning()
    for (let k = 0; k < kids; k++)
      await db.insert(children).values({
        councilId: c,
        familyId: f!.id,
        laChildId: `FIG${n}${k}`,
        firstName: `Kid${k}`,
        lastName: `Figurehead${n}`,
        sex: 'U',
        dateOfBirth: '2018-01-01',
        createdAt: at('2026-01-01T00:00:00Z'),
      })
    return f!.id
  }
  const F1 = await fam(1, 2)
  const F2 = await fam(2, 1)
  const F3 = await fam(3, 3)
  const F4 = await fam(4, 1)
  const F5 = await fam(5, 1)
  const F6 = await fam(6, 1)
  const F7 = await fam(7, 1)
  await db.insert(allocations).values([
    {
      councilId: c,
      familyId: F1,
      teamId: alder,
      personId: p1!.id,
      role: 'lead',
      startedAt: at('2026-08-10T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F1,
      teamId: alder,
      personId: p2!.id,
      role: 'co_worker',
      startedAt: at('2026-08-10T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F2,
      teamId: alder,
      personId: p1!.id,
      role: 'lead',
      startedAt: at('2026-08-19T09:00:00Z'),
      endedAt: at('2026-08-26T09:00:00Z'),
      endedReason: 'Closed',
    },
    {
      councilId: c,
      familyId: F3,
      teamId: alder,
      personId: p2!.id,
      role: 'lead',
      startedAt: at('2026-08-25T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F4,
      teamId: alder,
      personId: p2!.id,
      role: 'lead',
      startedAt: at('2026-09-02T09:00:00Z'),
    },
  ])
  const H = holidaySet()
  const ref = async (
    n: number,
    familyId: string,
    receivedAt: string,
    decidedAt: string | null,
    routed: string | null,
  ) => {
    const due = workingDayDeadline(at(receivedAt), 1, H)
    const [r] = await db
      .insert(referrals)
      .values({
        councilId: c,
        reference: `FIGREF-${n}`,
        receivedAt: at(receivedAt),
        receivedBy: p1!.id,
        source: '1B',
        worries: 'Invented worries for counting.',
        familyId,
        dueDate: due.dueDate,
        dueAt: due.dueAt,
        status: decidedAt ? 'decided' : 'awaiting_decision',
        decision: decidedAt ? 'early_help' : null,
        decidedAt: decidedAt ? at(decidedAt) : null,
        routedTeamId: routed,
        routingStatus: routed ? 'routed' : 'not_needed',
      })
      .returning()
    return r!
  }
  // R1: Friday before the bank holiday; due at the end of Tuesday 1 September; decided that Tuesday: on time
  const R1 = await ref(1, F4, '2026-08-28T14:00:00Z', '2026-09-01T09:00:00Z', alder)
  expect(R1.dueAt.toISOString()).toBe('2026-09-01T23:00:00.000Z') // by hand: Sat, Sun and the bank holiday are not working days
  const R2 = await ref(2, F5, '2026-09-01T08:00:00Z', '2026-09-03T09:00:00Z', alder) // due end of Wed 2 Sep: late
  const R3 = await ref(3, F2, '2026-08-17T09:00:00Z', '2026-08-17T10:00:00Z', alder) // on time
  await ref(4, F7, '2026-08-25T09:00:00Z', '2026-08-25T10:00:00Z', null) // no further action: nobody's team
  const R5 = await ref(5, F6, '2026-08-20T09:00:00Z', '2026-08-20T11:00:00Z', alder) // on time
  const R6 = await ref(6, F7, '2026-08-18T09:00:00Z', null, null)
  await db.insert(offers).values([
    {
      councilId: c,
      familyId: F2,
      teamId: alder,
      referralId: R3.id,
      status: 'held',
      offeredAt: at('2026-08-17T10:30:00Z'),
      heldAt: at('2026-08-19T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F4,
      teamId: alder,
      referralId: R1.id,
      status: 'held',
      offeredAt: at('2026-09-01T09:30:00Z'),
      heldAt: at('2026-09-02T09:00:00Z'),
    },
    {
      councilId: c,
      familyId: F5,
      teamId: alder,
      referralId: R2.id,
      status: 'waiting',
      offeredAt: at('2026-09-03T09:30:00Z'),
    },
    {
      councilId: c,
      familyId: F6,
      teamId: alder,
      referralId: R5.id,
      status: 'waiting',
      offeredAt: at('2026-08-20T12:00:00Z'),
    },
    {
      councilId: c,
      familyId: F7,
      teamId: alder,
      referralId: R6.id,
      status: 'withdrawn',
      offeredAt: at('2026-08-18T12:00:00Z'),
    },
  ])
  const task = (n: number, created: string, done: string | null, team = alder) => ({
    councilId: c,
    sourceKey: `fig:${n}`,
    taskType: 'ask_enabler',
    teamId: team,
    dueAt: at('2026-12-01T00:00:00Z'),
    minutesSaved: 20,
    status: (done ? 'done' : 'open') as 'done' | 'open',
    createdAt: at(created),
    completedAt: done ? at(done) : null,
    completedBy: done ? en!.id : null,
  })
  await db.insert(adminTasks).values([
    task(1, '2026-08-18T09:00:00Z', '2026-08-18T13:00:00Z'), // 4 h
    task(2, '2026-08-19T09:00:00Z', '2026-08-21T09:00:00Z'), // 48 h
    task(3, '2026-08-23T20:00:00Z', '2026-08-24T08:00:00Z'), // Sunday 21:00 in England (week 1), done Monday (week 2): 12 h
    task(4, '2026-09-01T08:00:00Z', null),
    task(5, '2026-08-18T09:00:00Z', '2026-08-18T10:00:00Z', seeded.a.teamIds['Eastfield family team']!), // another team's
  ])
  const q = (kind: 'consultation' | 'coaching', asked: string, taken: string | null) => ({
    councilId: c,
    kind,
    topic: kind === 'consultation' ? 'disability' : 'team_working',
    teamId: alder,
    question: 'Invented question for counting.',
    askedBy: p1!.id,
    askedAt: at(asked),
    status: (taken ? 'taken' : 'waiting') as 'taken' | 'waiting',
    takenAt: taken ? at(taken) : null,
  })
  await db.insert(insightRequests).values([
    q('consultation', '2026-08-18T09:00:00Z', '2026-08-18T15:00:00Z'), // 6 h
    q('consultation', '2026-08-27T09:00:00Z', '2026-09-01T09:00:00Z'), // 120 h, taken in week 3
    q('consultation', '2026-09-01T10:00:00Z', '2026-09-01T12:00:00Z'), // 2 h
    q('coaching', '2026-09-01T10:00:00Z', '2026-09-01T11:00:00Z'), // coaching: not a consultation wait
    q('consultation', '2026-09-02T10:00:00Z', null),
  ])
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('team figures against a hand count', () => {
  it('Alder, week by week', async () => {
    const s = await getFigureSeries({ db: dbx.handle.db }, ctxOf(seeded.a.councilId), 3, alder, NOW)
    expect(s.weeks).toEqual(['2026-08-17', '2026-08-24', '2026-08-31'])
    expect(s.teams).toHaveLength(1)
    expect(s.teams[0]).toMatchObject({ teamName: 'Alder family team (test)', practitioners: 2 })
    expect(s.teams[0]!.weeks).toEqual([
      {
        weekStart: '2026-08-17',
        familiesHeld: 2,
        childrenHeld: 3,
        capacityChildren: 24,
        familiesWaiting: 1,
        longestWaitHours: 83,
        referralsDecided: 2,
        referralsDecidedInOneWorkingDay: 2,
        adminTasksCreated: 3,
        adminTasksDone: 2,
        medianAdminHoursToComplete: 26,
        consultationsAsked: 1,
        medianConsultationWaitHours: 6,
      },
      {
        weekStart: '2026-08-24',
        familiesHeld: 2,
        childrenHeld: 5,
        capacityChildren: 24,
        familiesWaiting: 1,
        longestWaitHours: 251,
        referralsDecided: 0,
        referralsDecidedInOneWorkingDay: 0,
        adminTasksCreated: 0,
        adminTasksDone: 1,
        medianAdminHoursToComplete: 12,
        consultationsAsked: 1,
        medianConsultationWaitHours: null,
      },
      {
        weekStart: '2026-08-31',
        familiesHeld: 3,
        childrenHeld: 6,
        capacityChildren: 24,
        familiesWaiting: 2,
        longestWaitHours: 336,
        referralsDecided: 2,
        referralsDecidedInOneWorkingDay: 1,
        adminTasksCreated: 1,
        adminTasksDone: 0,
        medianAdminHoursToComplete: null,
        consultationsAsked: 2,
        medianConsultationWaitHours: 61,
      },
    ])
  })

  it('the front door: every referral decision, routed or not, by week (a bank holiday is not a working day)', async () => {
    const s = await getFigureSeries({ db: dbx.handle.db }, ctxOf(seeded.a.councilId), 3, undefined, NOW)
    expect(s.frontDoor).toEqual([
      { weekStart: '2026-08-17', received: 3, decided: 2, decidedInOneWorkingDay: 2 },
      { weekStart: '2026-08-24', received: 2, decided: 1, decidedInOneWorkingDay: 1 },
      { weekStart: '2026-08-31', received: 1, decided: 2, decidedInOneWorkingDay: 1 },
    ])
  })

  it('a team with nobody on it: zeros and blanks, never an error', async () => {
    const deps = { db: dbx.handle.db }
    const s = await getFigureSeries(deps, ctxOf(seeded.a.councilId), 3, empty, NOW)
    expect(s.teams[0]!.practitioners).toBe(0)
    for (const w of s.teams[0]!.weeks) {
      expect(w).toMatchObject({
        familiesHeld: 0,
        childrenHeld: 0,
        capacityChildren: 0,
        familiesWaiting: 0,
        longestWaitHours: 0,
        referralsDecided: 0,
        adminTasksCreated: 0,
        medianAdminHoursToComplete: null,
        consultationsAsked: 0,
        medianConsultationWaitHours: null,
      })
    }
    const [now] = await getTeamFigures(deps, ctxOf(seeded.a.councilId), empty)
    expect(now).toMatchObject({
      practitioners: 0,
      capacityChildren: 0,
      familiesHeld: 0,
      childrenHeld: 0,
      familiesWaiting: 0,
      committedPence: 0,
    })
  })

  it('the council view and the figures come from the same module and agree today', async () => {
    const deps = { db: dbx.handle.db }
    const [snapshot] = await getTeamFigures(deps, ctxOf(seeded.a.councilId), alder)
    const s = await getFigureSeries(deps, ctxOf(seeded.a.councilId), 1, alder)
    const thisWeek = s.teams[0]!.weeks[0]!
    expect(thisWeek.familiesHeld).toBe(snapshot!.familiesHeld)
    expect(thisWeek.childrenHeld).toBe(snapshot!.childrenHeld)
    expect(thisWeek.capacityChildren).toBe(snapshot!.capacityChildren)
    expect(thisWeek.familiesWaiting).toBe(snapshot!.familiesWaiting)
  })
})

describe('over the API', () => {
  it('strategy and insight get the figures and the same as CSV; no worker is named', async () => {
    const strategy = await signInAs(t.app, 'strategy@northmoor.example')
    const insight = await signInAs(t.app, 'insight@northmoor.example')
    const json = await insight.request('GET', `/api/figures/teams?weeks=4&teamId=${alder}`)
    expect(json.statusCode).toBe(200)
    expect(json.body).not.toMatch(/Alma|Amos|Alderton|Enid/)
    const csv = await strategy.request('GET', '/api/figures/teams.csv?weeks=4')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="hearth-team-figures-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const lines = csv.body.trim().split('\r\n')
    expect(lines[0]).toBe(
      'Team,Week starting,Children held (end of week),Families held (end of week),"Capacity (children, today)",Families waiting (end of week),Longest wait (hours),Referral decisions,Decided within one working day,Admin tasks made,Admin tasks done,Median hours to do a task,Consultations asked,Median hours a consultation waited',
    )
    // 3 seeded family-facing teams + Alder + Empty, 4 weeks each, and the front door's 4 weeks
    expect(lines).toHaveLength(1 + 5 * 4 + 4)
    expect(lines.filter((l) => l.startsWith('Front door (all referral decisions),'))).toHaveLength(4)
    const alderRows = lines.filter((l) => l.startsWith('Alder family team (test),'))
    const w = json.json().teams[0].weeks
    expect(alderRows.map((l) => l.split(',').slice(1, 4).join(','))).toEqual(
      w.map(
        (x: { weekStart: string; childrenHeld: number; familiesHeld: number }) =>
          `${x.weekStart},${x.childrenHeld},${x.familiesHeld}`,
      ),
    )
    const overview = await strategy.request('GET', '/api/council/overview.csv')
    expect(overview.statusCode).toBe(200)
    expect(overview.body.split('\r\n')[0]).toMatch(/^Team,Practitioners,/)
    expect(overview.body).toContain('Empty family team (test),0,0,0,0,0,0,0,0,0.00,0')
    for (const who of ['practitioner', 'enabler', 'referrals', 'admin']) {
      const s = await signInAs(t.app, `${who}@northmoor.example`)
      expect((await s.request('GET', '/api/figures/teams.csv')).statusCode).toBe(403)
    }
  })
})
