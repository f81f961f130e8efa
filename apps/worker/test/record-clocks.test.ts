import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clockAlerts, clockDues } from '@hearth/db/schema/case-process'
import { referrals } from '@hearth/db/schema/referrals'
import type { HearthEvent } from '@hearth/jobs'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePatch,
  makeTeam,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'
import { handlers } from '../src/jobs/case-process/clocks.sweep.handler'

/**
 * #34, one clock model: a referral's decision runs as a `clock_dues` row like a child's clocks,
 * raised by the one sweep (the front door told), moved when the calendar changes (its referral
 * with it) and stopped by the decision. Dates worked by hand: Friday 22 May 2026, before the
 * spring bank holiday (Monday 25 May), is due Tuesday 26 May (WT2023 ch.3, one working day).
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let front: Team
let family: Team
let officer: Awaited<ReturnType<typeof signInAs>>
let admin: Awaited<ReturnType<typeof signInAs>>
const events: HearthEvent[] = []
const sweep = (day: string) =>
  handlers['clocks.sweep']!.run(
    { db: dbx.handle.guarded, publish: async (e) => void events.push(e) },
    { councilId: council.id, today: day },
  )

const referral = (receivedAt: string, n: number) => ({
  receivedAt,
  source: '2A',
  referrerName: 'Class teacher (invented)',
  worries: 'An invented worry for a clock test.',
  familyConsent: 'agreed',
  family: {
    name: `Clockmoor ${n} family`,
    addressLine1: `${n} Tick Street`,
    town: 'Northmoor',
    postcode: 'NM1 7TT',
    language: 'English',
    interpreterNeeded: false,
  },
  children: [{ firstName: 'Tam', lastName: `Clockmoor${n}`, dateOfBirth: '2016-09-12', sex: 'M', ethnicity: 'WBRI' }],
})
const clockOf = async (id: string) =>
  (
    await dbx.handle.db
      .select()
      .from(clockDues)
      .where(and(eq(clockDues.councilId, council.id), eq(clockDues.recordId, id)))
  )[0]
const referralRow = async (id: string) => (await dbx.handle.db.select().from(referrals).where(eq(referrals.id, id)))[0]!

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  family = await makeTeam(db, council, { patch })
  front = await makeTeam(db, council, { kind: 'referral' })
  officer = await signInAs(t.app, db, council, 'referral_officer', { teams: [front] })
  admin = await signInAs(t.app, db, council, 'administrator')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('a referral’s decision is one of the council’s clocks', () => {
  let id: string
  it('starts with the referral: Friday before the spring bank holiday is due Tuesday', async () => {
    const res = await officer.request('POST', '/api/referrals', referral('2026-05-22T13:00:00Z', 1))
    expect(res.statusCode, res.body).toBe(201)
    id = res.json().id
    expect(await clockOf(id)).toMatchObject({
      clock: 'referral_decision',
      startOn: '2026-05-22',
      dueOn: '2026-05-26',
      childId: null,
      familyId: res.json().familyId,
    })
    // the referral keeps its copy: late from the start of Wednesday 27 May, London time (BST)
    const r = await referralRow(id)
    expect([r.dueDate, r.dueAt.toISOString()]).toEqual(['2026-05-26', '2026-05-26T23:00:00.000Z'])
  })

  it('the one sweep raises it, due soon then overdue, once each, and tells the front door only', async () => {
    await sweep('2026-05-20') // before it arrived in this story: nothing within the warning
    await sweep('2026-05-22')
    await sweep('2026-05-22')
    await sweep('2026-05-27')
    const raised = await dbx.handle.db
      .select({ level: clockAlerts.level, raisedOn: clockAlerts.raisedOn })
      .from(clockAlerts)
      .where(and(eq(clockAlerts.councilId, council.id), eq(clockAlerts.key, `referral_decision:${id}`)))
      .orderBy(clockAlerts.raisedOn)
    expect(raised).toEqual([
      { level: 'due_soon', raisedOn: '2026-05-22' },
      { level: 'overdue', raisedOn: '2026-05-27' },
    ])
    const told = events.filter((e) => e.type === 'clocks.alerted')
    expect(told).toEqual([
      { type: 'clocks.alerted', councilId: council.id, teamIds: [front.id], alerts: 1 },
      { type: 'clocks.alerted', councilId: council.id, teamIds: [front.id], alerts: 1 },
    ])
    expect(JSON.stringify(told)).not.toContain(family.id)
    expect((await clockOf(id))!.alertedOn).toBe('2026-05-27')
  })

  it('a bank holiday the council adds moves the clock and its referral, and it is told about again', async () => {
    const second = (await officer.request('POST', '/api/referrals', referral('2026-06-05T09:00:00Z', 2))).json()
    // Friday 5 June: due Monday 8 June
    expect((await clockOf(second.id))!.dueOn).toBe('2026-06-08')
    await sweep('2026-06-05')
    expect((await clockOf(second.id))!.alertedOn).toBe('2026-06-05')
    const added = await admin.request('POST', '/api/bank-holidays', { date: '2026-06-08', name: 'Invented day off' })
    expect(added.statusCode, added.body).toBe(201)
    const moved = await clockOf(second.id)
    expect([moved!.dueOn, moved!.alertedOn]).toEqual(['2026-06-09', null])
    const r = await referralRow(second.id)
    expect([r.dueDate, r.dueAt.toISOString()]).toEqual(['2026-06-09', '2026-06-09T23:00:00.000Z'])
    await sweep('2026-06-05')
    expect((await clockOf(second.id))!.alertedOn).toBe('2026-06-05') // the new date told
    const removed = await admin.request('DELETE', '/api/bank-holidays/2026-06-08')
    expect(removed.statusCode, removed.body).toBe(200)
    expect((await clockOf(second.id))!.dueOn).toBe('2026-06-08')
    expect((await referralRow(second.id)).dueDate).toBe('2026-06-08')
  })

  it('stops when the referral is decided: no clock of it is left to raise', async () => {
    const res = await officer.request('POST', `/api/referrals/${id}/decision`, {
      decision: 'nfa',
      reasons: 'The school has sorted this out with the family (invented).',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(await clockOf(id)).toBeUndefined()
    const left = await dbx.handle.db
      .select({ key: clockDues.key })
      .from(clockDues)
      .where(and(eq(clockDues.councilId, council.id), isNull(clockDues.childId)))
    expect(left.map((r) => r.key)).toHaveLength(1) // the second referral's, still waiting
  })
})
