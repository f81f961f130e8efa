import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refreshCouncilClocks } from '@hearth/db/case-process'
import { clockAlerts, clockDues } from '@hearth/db/schema/case-process'
import { councils } from '@hearth/db/schema/councils'
import type { HearthEvent } from '@hearth/jobs'
import { CLOCK_RULES_VERSION, clockDueDate } from '@hearth/domain/clocks'
import { addCalendarDays, addWorkingDays, holidaySet, londonDateOf } from '@hearth/domain/working-days'
import { handlers } from '../src/jobs/case-process/clocks.sweep.handler'
import { handlers as housekeeping } from '../src/jobs/housekeeping/housekeeping.handler'
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
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #15, the clocks' sweep (BullMQ, hourly and at boot): each alert once however often it runs; a
 * run after missed days catches up; a corrected date moves the clock and raises for the new date.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let team: Team
let family: Family
let lead: Awaited<ReturnType<typeof signInAs>>
const hol = holidaySet()
const today = londonDateOf(new Date())
const daysAgo = (n: number) => addCalendarDays(today, -n)
const events: HearthEvent[] = []
const sweep = (day: string) =>
  handlers['clocks.sweep']!.run(
    { db: dbx.handle.guarded, publish: async (e) => void events.push(e) },
    { councilId: council.id, today: day },
  )
const alerts = () => dbx.handle.db.select().from(clockAlerts).where(eq(clockAlerts.councilId, council.id))
const childIds: string[] = []

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  team = await makeTeam(db, council, { patch })
  family = await makeFamily(db, council, { patch })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  await makeAllocation(db, family, team, lead.person)
  // three children, each with a strategy discussion 30 days ago: three ICPC clocks, all overdue
  for (const name of ['Ava', 'Bo', 'Cy']) {
    const kid = await makeChild(db, family, { firstName: name })
    childIds.push(kid.id)
    const post = (body: Record<string, unknown>) =>
      lead.request('POST', `/api/families/${family.id}/steps`, { childId: kid.id, ...body })
    expect(
      (await post({ kind: 'episode', on: daysAgo(40), details: { referralSource: '6', primaryNeed: 'N1' } }))
        .statusCode,
    ).toBe(201)
    const sd = await post({
      kind: 'strategy_discussion',
      on: daysAgo(30),
      details: { agencies: ['police'], decision: 's47' },
    })
    expect(sd.statusCode, sd.body).toBe(201)
  }
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('the clocks’ sweep', () => {
  it('missed for days, the first run catches up: each clock past its date gets its overdue alert', async () => {
    await sweep(today)
    const raised = await alerts()
    expect(raised).toHaveLength(3)
    expect(raised.every((a) => a.level === 'overdue' && a.raisedOn === today)).toBe(true)
    expect(events).toEqual([{ type: 'clocks.alerted', councilId: council.id, teamIds: [team.id], alerts: 3 }])
    // the screens say when the team was told
    const mine = (await lead.request('GET', '/api/me/clocks')).json() as { alertedOn: string | null }[]
    expect(mine.map((c) => c.alertedOn)).toEqual([today, today, today])
    const board = (await lead.request('GET', `/api/teams/${team.id}/board`)).json()
    expect(board.due.urgent.map((c: { alertedOn: string }) => c.alertedOn)).toEqual([today, today, today])
  })

  it('run twice the same day (or the next), it raises nothing more', async () => {
    await sweep(today)
    await sweep(addCalendarDays(today, 1))
    expect(await alerts()).toHaveLength(3)
    expect(events).toHaveLength(1)
  })

  it('a corrected date moves the clock; the sweep raises for the new date, once', async () => {
    const cp = (await lead.request('GET', `/api/families/${family.id}/case-process`)).json()
    const sd = cp.steps.find(
      (s: { kind: string; childId: string }) => s.kind === 'strategy_discussion' && s.childId === childIds[0],
    )
    const fixed = await lead.request('PUT', `/api/steps/${sd.id}`, {
      version: 1,
      reason: 'The discussion was this week, not last month: the wrong month was typed.',
      kind: 'strategy_discussion',
      on: daysAgo(1),
      details: sd.details,
    })
    expect(fixed.statusCode, fixed.body).toBe(200)
    const [due] = await dbx.handle.db
      .select()
      .from(clockDues)
      .where(and(eq(clockDues.councilId, council.id), eq(clockDues.childId, childIds[0]!)))
    const dueOn = clockDueDate('icpc', daysAgo(1), hol)
    expect(due!.dueOn).toBe(dueOn)
    // no longer overdue: the clock shows no alert at its new date
    const mine = (await lead.request('GET', '/api/me/clocks')).json() as { key: string; alertedOn: string | null }[]
    expect(mine.find((c) => c.key === due!.key)!.alertedOn).toBeNull()
    // the day it falls due soon, the sweep says so, once
    const warnFrom = [...Array(30).keys()]
      .map((i) => addCalendarDays(today, i))
      .find((d) => addWorkingDays(d, 2, hol) >= dueOn)!
    await sweep(addCalendarDays(warnFrom, -1))
    expect((await alerts()).filter((a) => a.key === due!.key && a.dueOn === dueOn)).toHaveLength(0)
    await sweep(warnFrom)
    await sweep(warnFrom)
    const after = (await alerts()).filter((a) => a.key === due!.key && a.dueOn === dueOn)
    expect(after.map((a) => a.level)).toEqual(['due_soon'])
  })
})

describe('the hourly sweep over every council', () => {
  it('works every clock out again once when the rules change (CLOCK_RULES_VERSION), never twice (#34)', async () => {
    const db = dbx.handle.db
    const dues = () => db.select().from(clockDues).where(eq(clockDues.councilId, council.id))
    const before = await dues()
    expect(before.length).toBeGreaterThan(0)
    const wrongDay = '2020-01-02'
    // a due date stored by older rules, in a council marked as worked out by them
    await db.update(clockDues).set({ dueOn: wrongDay }).where(eq(clockDues.key, before[0]!.key))
    await db
      .update(councils)
      .set({ clockRulesVersion: CLOCK_RULES_VERSION - 1 })
      .where(eq(councils.id, council.id))
    await sweep(today)
    const after = await dues()
    expect(after.find((d) => d.key === before[0]!.key)!.dueOn).toBe(before[0]!.dueOn)
    const [c] = await db.select().from(councils).where(eq(councils.id, council.id))
    expect(c!.clockRulesVersion).toBe(CLOCK_RULES_VERSION)
    // current: the next sweep leaves stored clocks alone (it only raises alerts)
    const [one] = await dues()
    await db.update(clockDues).set({ dueOn: wrongDay }).where(eq(clockDues.key, one!.key))
    await sweep(today)
    expect((await dues()).find((d) => d.key === one!.key)?.dueOn).toBe(wrongDay)
    await db.transaction((tx) => refreshCouncilClocks(tx, council.id))
  })

  it('leaves housekeeping to its own job: the audit trail’s months three ahead (migration 0038)', async () => {
    const ahead = new Date()
    ahead.setUTCDate(15)
    ahead.setUTCMonth(ahead.getUTCMonth() + 3)
    const name = `audit_events_y${ahead.toISOString().slice(0, 4)}m${ahead.toISOString().slice(5, 7)}`
    // the template database was migrated when the suite began: drop the furthest month to see it made again
    await dbx.handle.db.execute(sql.raw(`drop table if exists ${name}`))
    const exists = async () =>
      (
        (await dbx.handle.db.execute(sql`select to_regclass(${name})::text as r`)) as unknown as {
          rows: { r: string | null }[]
        }
      ).rows[0]!.r
    expect(await exists()).toBeNull()
    await handlers['clocks.sweep']!.run(
      { db: dbx.handle.guarded, publish: async (e) => void events.push(e) },
      { today },
    )
    expect(await exists()).toBeNull() // not the clocks' sweep's work
    await housekeeping['audit.partitions']!.run({ db: dbx.handle.guarded, publish: async () => {} }, {})
    expect(await exists()).toBe(name)
    await housekeeping['audit.partitions']!.run({ db: dbx.handle.guarded, publish: async () => {} }, {})
    expect(await exists()).toBe(name) // a second run changes nothing
  })
})
