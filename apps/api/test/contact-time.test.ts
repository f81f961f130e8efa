import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FULL_TIME_PATTERN, workingMinutes } from '@hearth/domain/contact-time'
import { recentWeeks } from '@hearth/domain/insight'
import { holidaySet } from '@hearth/domain/working-days'
import {
  buildTestApp,
  type Family,
  freshDatabase,
  makeAllocation,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #13, direct-contact time through the API: the minutes of a practitioner's finalised notes over
 * their working week (pattern, bank holidays, leave, all set by the team); each member's share for
 * the team, the practitioner's own for them, a dash for a week with no hours.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let team: Team
let family: Family
let lead: Awaited<ReturnType<typeof signInAs>>
let coWorker: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>
const monday = recentWeeks(new Date(), 1)[0]!

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  const council = await makeCouncil(db)
  team = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM1'] }) })
  const other = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM9'] }) })
  family = await makeFamily(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM2'] }) })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  coWorker = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [other] })
  // the family in the team's patch
  await db.execute(
    `update families set patch_id = (select patch_id from teams where id = '${team.id}') where id = '${family.id}'`,
  )
  await makeAllocation(db, family, team, lead.person, coWorker.person)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

async function note(minutes: number, text: string) {
  const n = await lead.request('POST', `/api/families/${family.id}/notes`, {
    directMinutes: minutes,
    happenedAt: new Date().toISOString(),
    worries: text,
  })
  const done = await lead.request('POST', `/api/notes/${n.json().id}/finalise`, { keepSimilar: true })
  expect(done.statusCode, done.body).toBe(200)
}

describe('direct-contact time', () => {
  it('the practitioner’s own week: their notes’ minutes over their working minutes', async () => {
    await note(120, 'An invented first visit this week, about school.')
    await note(60, 'An invented phone call about the rent arrears and the landlord.')
    const res = await lead.request('GET', '/api/me/contact-time?weeks=1')
    expect(res.statusCode).toBe(200)
    const working = workingMinutes(FULL_TIME_PATTERN, monday, holidaySet(), new Set())
    expect(res.json()).toMatchObject({ target: 0.25, before: 0.16 })
    expect(res.json().weeks).toEqual([
      { weekStart: monday, directMinutes: 180, workingMinutes: working, share: working ? 180 / working : null },
    ])
  })

  it('the team sets a part-time pattern and a week of leave: a dash for that week, and the team’s share counts hours worked', async () => {
    const pattern = await lead.request('PUT', `/api/teams/${team.id}/members/${coWorker.person.id}/working-pattern`, {
      minutes: [0, 450, 450, 450, 0, 0, 0],
    })
    expect(pattern.statusCode).toBe(200)
    const sunday = new Date(Date.parse(`${monday}T12:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10)
    const leave = await lead.request('POST', `/api/teams/${team.id}/members/${coWorker.person.id}/leave`, {
      from: monday,
      to: sunday,
    })
    expect(leave.statusCode).toBe(200)
    const res = (await coWorker.request('GET', `/api/teams/${team.id}/contact-time?weeks=1`)).json()
    const co = res.members.find((m: { personId: string }) => m.personId === coWorker.person.id)
    expect(co.weeks[0]).toMatchObject({ workingMinutes: 0, share: null })
    const mine = res.members.find((m: { personId: string }) => m.personId === lead.person.id)
    expect(res.team[0]).toMatchObject({
      directMinutes: 180,
      workingMinutes: mine.weeks[0].workingMinutes,
      share: mine.weeks[0].share,
    })
  })

  it('another team sees neither its members’ figures nor can set their hours', async () => {
    expect((await elsewhere.request('GET', `/api/teams/${team.id}/contact-time`)).statusCode).toBe(404)
    const res = await elsewhere.request('PUT', `/api/teams/${team.id}/members/${lead.person.id}/working-pattern`, {
      minutes: [0, 0, 0, 0, 0, 0, 0],
    })
    expect(res.statusCode).toBe(404)
  })
})
