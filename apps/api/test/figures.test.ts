import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getFigureSeries } from '../src/modules/figures/get-figure-series'
import { getTeamFigures } from '../src/modules/figures/get-team-figures'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePatch,
  makePerson,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'
import { callerIn } from '@hearth/test-kit/app'
import { figuresFixture } from './figures.fixture'

/**
 * Team figures against a fixture counted by hand. Three weeks ending Thursday 3 September 2026
 * (Mondays 17 Aug, 24 Aug, 31 Aug; Monday 31 August is the summer bank holiday). Times are UTC;
 * England is on BST (UTC+1), so a week ends at 23:00 UTC on the Sunday.
 */
const NOW = new Date('2026-09-03T12:00:00Z')

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let alder: string
let empty: string
let r1DueAt: Date
/** One person of each role that is not a practitioner, signed in on demand. */
const as = (role: 'strategy_member' | 'insight_adviser' | 'enabler' | 'referral_officer' | 'administrator') =>
  signInAs(t.app, dbx.handle.db, council, role)

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  // three patch teams beside the fixture's two; Eastfield has eight practitioners
  const teams = []
  for (const name of ['Eastfield', 'Riverside', 'Oakhill']) {
    const patch = await makePatch(db, council, { name, postcodeAreas: [`T${name[0]}1`] })
    teams.push(await makeTeam(db, council, { patch, name: `${name} family team` }))
  }
  for (let i = 0; i < 8; i++) await makePerson(db, council, { role: 'practitioner', teams: [teams[0]!] })
  const fx = await figuresFixture(dbx.handle, council.id, teams[0]!.id)
  alder = fx.alder
  empty = fx.empty
  r1DueAt = fx.r1DueAt
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

/** The fixture's notes are of contacts nobody booked: no appointment is counted. */
const noAppointments = {
  appointments: 0,
  appointmentsOnTime: 0,
  appointmentsShortNotice: 0,
  appointmentsMissed: 0,
  familyFeedback: 0,
  familyFeedbackAverage: null,
}

describe('team figures against a hand count', () => {
  it('the fixture’s clock: R1 on the Friday before the bank holiday is due at the end of Tuesday', () => {
    // by hand: Saturday, Sunday and the bank holiday are not working days
    expect(r1DueAt.toISOString()).toBe('2026-09-01T23:00:00.000Z')
  })

  it('Alder, week by week', async () => {
    const s = await getFigureSeries({ db: dbx.handle.db }, callerIn(council.id), 3, alder, NOW)
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
        contactShare: 0.061,
        ...noAppointments,
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
        contactShare: 0,
        ...noAppointments,
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
        contactShare: 0.031,
        ...noAppointments,
      },
    ])
  })

  it('the front door: every referral decision, routed or not, by week (a bank holiday is not a working day)', async () => {
    const s = await getFigureSeries({ db: dbx.handle.db }, callerIn(council.id), 3, undefined, NOW)
    expect(s.frontDoor).toEqual([
      { weekStart: '2026-08-17', received: 3, decided: 2, decidedInOneWorkingDay: 2 },
      { weekStart: '2026-08-24', received: 2, decided: 1, decidedInOneWorkingDay: 1 },
      { weekStart: '2026-08-31', received: 1, decided: 2, decidedInOneWorkingDay: 1 },
    ])
  })

  it('a team with nobody on it: zeros and blanks, never an error', async () => {
    const deps = { db: dbx.handle.db }
    const s = await getFigureSeries(deps, callerIn(council.id), 3, empty, NOW)
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
    const [now] = await getTeamFigures(deps, callerIn(council.id), empty)
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
    const [snapshot] = await getTeamFigures(deps, callerIn(council.id), alder)
    const s = await getFigureSeries(deps, callerIn(council.id), 1, alder)
    const thisWeek = s.teams[0]!.weeks[0]!
    expect(thisWeek.familiesHeld).toBe(snapshot!.familiesHeld)
    expect(thisWeek.childrenHeld).toBe(snapshot!.childrenHeld)
    expect(thisWeek.capacityChildren).toBe(snapshot!.capacityChildren)
    expect(thisWeek.familiesWaiting).toBe(snapshot!.familiesWaiting)
  })
})

describe('over the API', () => {
  it('strategy and insight get the figures and the same as CSV; no worker is named', async () => {
    const strategy = await as('strategy_member')
    const insight = await as('insight_adviser')
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
      'Team,Week starting,Children held (end of week),Families held (end of week),"Capacity (children, today)",Families waiting (end of week),Longest wait (hours),Referral decisions,Decided within one working day,Admin tasks made,Admin tasks done,Median hours to do a task,Consultations asked,Median hours a consultation waited,Share of the working week with families (%),Booked visits and meetings recorded,Kept on time,Rearranged with under 24 hours’ notice,Missed,Families who said how things are going,"How things are going, average (1 very bad to 5 very good; 3 or more answers)"',
    )
    // 3 patch teams + Alder + Empty, 4 weeks each, the front door's 4 weeks, and
    // all the teams together (the share of the week with families)
    expect(lines).toHaveLength(1 + 5 * 4 + 4 + 4)
    expect(lines.filter((l) => l.startsWith('All family-facing teams,'))).toHaveLength(4)
    expect(lines.filter((l) => l.startsWith('Front door (all referral decisions),'))).toHaveLength(4)
    const alderRows = lines.filter((l) => l.startsWith('Alder family team (test),'))
    const w = json.json().teams[0].weeks
    expect(alderRows.map((l) => l.split(',').slice(1, 4).join(','))).toEqual(
      w.map(
        (x: { weekStart: string; childrenHeld: number | null; familiesHeld: number | null }) =>
          `${x.weekStart},${x.childrenHeld ?? 'fewer than 5'},${x.familiesHeld ?? 'fewer than 5'}`,
      ),
    )
    const overview = await strategy.request('GET', '/api/council/overview.csv')
    expect(overview.statusCode).toBe(200)
    expect(overview.body.split('\r\n')[0]).toMatch(/^Team,Practitioners,/)
    expect(overview.body).toContain('Empty family team (test),0,0,0,0,0,0,0,0,0.00,0')
    const practitioner = signInAs(t.app, dbx.handle.db, council, 'practitioner')
    for (const who of [practitioner, as('enabler'), as('referral_officer'), as('administrator')]) {
      const s = await who
      expect((await s.request('GET', '/api/figures/teams.csv')).statusCode).toBe(403)
    }
  })
  it('a team of fewer than 3 practitioners: counts from 1 to 4 are not shown, nor what hangs on them', async () => {
    const insight = await as('insight_adviser')
    const res = await insight.request('GET', `/api/figures/teams?weeks=52&teamId=${alder}`)
    expect(res.statusCode).toBe(200)
    const team = res.json().teams[0]
    expect(team).toMatchObject({ practitioners: 2, smallNumbersHidden: true })
    // the week of 17 August, counted by hand above: 2 families, 3 children, 1 waiting (83 hours),
    // 2 of 2 referrals on time, 3 tasks made, 2 done; capacity is not a count of anyone's work
    const week = team.weeks.find((x: { weekStart: string }) => x.weekStart === '2026-08-17')
    expect(week).toMatchObject({
      familiesHeld: null,
      childrenHeld: null,
      capacityChildren: 24,
      familiesWaiting: null,
      longestWaitHours: null,
      referralsDecided: null,
      referralsDecidedInOneWorkingDay: null,
      adminTasksCreated: null,
      adminTasksDone: null,
      medianAdminHoursToComplete: null,
    })
    // zero names nobody, and is shown
    expect(team.weeks.some((x: { consultationsAsked: number | null }) => x.consultationsAsked === 0)).toBe(true)
    // a team of 8: everything shown
    const all = (await insight.request('GET', '/api/figures/teams?weeks=4')).json()
    const eastfield = all.teams.find((x: { teamName: string }) => x.teamName === 'Eastfield family team')
    expect(eastfield.smallNumbersHidden).toBe(false)
    expect(eastfield.weeks.every((x: { familiesHeld: number | null }) => x.familiesHeld !== null)).toBe(true)
    // the council view of the team says the same
    const strategy = await as('strategy_member')
    const one = (await strategy.request('GET', `/api/council/teams/${alder}`)).json()
    expect(one).toMatchObject({ smallNumbersHidden: true, capacityChildren: 24 })
    for (const k of ['familiesHeld', 'childrenHeld'] as const) {
      expect(one[k] === null || one[k] === 0 || one[k] >= 5, `${k} = ${one[k]}`).toBe(true)
    }
    const csv = (await strategy.request('GET', `/api/figures/teams.csv?weeks=52&teamId=${alder}`)).body
    expect(csv).toContain('Alder family team (test),2026-08-17,fewer than 5,fewer than 5,24,fewer than 5,,')
    // nor its share of the week with families: it would be Alma's or Amos's own
    expect(week.contactShare).toBeNull()
    expect(csv).toMatch(
      /Alder family team \(test\),2026-08-17,.*,not shown \(fewer than 3 practitioners\),[^\r,]*,[^\r,]*,[^\r,]*,[^\r,]*,[^\r,]*,[^\r,]*\r\n/,
    )
  })
  it('direct-contact time for insight and strategy: each team’s share and all the teams’, never a person’s', async () => {
    const s = await getFigureSeries({ db: dbx.handle.db }, callerIn(council.id), 3, undefined, NOW)
    expect(s.contactTime).toMatchObject({ before: 0.16, target: 0.25 })
    // every practitioner of the teams, once: the fixture's 270 minutes in week 1, over full-time weeks
    // (nobody else in the council has recorded a note; nobody has leave or a pattern of their own)
    const n = s.contactTime.practitioners
    expect(n).toBeGreaterThan(2)
    expect(s.contactTime.council.map((w) => w.contactShare)).toEqual([
      Math.round((270 / (n * 2220)) * 1000) / 1000,
      0,
      Math.round((111 / (n * 1776)) * 1000) / 1000,
    ])
    const insight = await as('insight_adviser')
    const res = await insight.request('GET', '/api/figures/teams?weeks=4')
    expect(res.json().contactTime.council).toHaveLength(4)
    expect(res.body).not.toMatch(/Alma|Amos|Alderton|Ada Gone/)
  })
})
