import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocations } from '@hearth/db/schema/team-board'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeChild,
  makeCouncil,
  makeFamily,
  makeOffer,
  makePatch,
  makePerson,
  makeReferral,
  makeTeam,
  type Session,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/** Urgent first: a child in danger never waits below an early-help family because it arrived later. */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let team: Team
let worker: Session
const offerIds: Record<string, string> = {}
const familyIds: Record<string, string> = {}

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  team = await makeTeam(db, council, { patch })
  worker = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  await makePerson(db, council, { role: 'practitioner', teams: [team] })
  const officer = await makePerson(db, council, { role: 'referral_officer' })
  const today = londonDateOf(new Date())
  const specs = [
    { key: 'early help', decision: 'early_help', minutesAgo: 180, dobs: [addCalendarDays(today, -4 * 365)] },
    { key: 'strategy', decision: 'strategy_discussion', minutesAgo: 10, dobs: [addCalendarDays(today, -7 * 366)] },
    { key: 'assessment', decision: 'assessment', minutesAgo: 60, dobs: [addCalendarDays(today, -125)] },
    { key: 'assessment, older', decision: 'assessment', minutesAgo: 120, dobs: [] },
  ]
  for (const s of specs) {
    const family = await makeFamily(db, council, { patch, name: `${s.key} family` })
    for (const dob of s.dobs) await makeChild(db, family, { dateOfBirth: dob })
    const referral = await makeReferral(db, family, officer, { status: 'decided', decision: s.decision })
    const offer = await makeOffer(db, family, team, referral, {
      offeredAt: new Date(Date.now() - s.minutesAgo * 60_000),
    })
    offerIds[s.key] = offer.id
    familyIds[s.key] = family.id
  }
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('the families waiting on a team board', () => {
  it('come in order of urgency, then of waiting time, with each child’s age', async () => {
    const board = (await worker.request('GET', `/api/teams/${team.id}/board`)).json()
    expect(board.offers.map((o: { familyName: string }) => o.familyName)).toEqual([
      'strategy family',
      'assessment, older family',
      'assessment family',
      'early help family',
    ])
    expect(board.offers[0].childAges).toEqual(['7 years'])
    expect(board.offers[2].childAges).toEqual(['4 months'])
    // My day's arrivals come in the same order
    const day = (await worker.request('GET', '/api/me/day')).json()
    expect(day.arrivals.map((a: { familyId: string }) => a.familyId)).toEqual(
      board.offers.map((o: { familyId: string }) => o.familyId),
    )
  })

  it('a family taken a minute ago is “not yet seen”, not overdue; after four weeks unseen it is overdue', async () => {
    const claim = await worker.request('POST', `/api/teams/${team.id}/offers/${offerIds.strategy}/claim`, {})
    expect(claim.statusCode, claim.body).toBe(200)
    const mine = () =>
      worker
        .request('GET', '/api/me/day')
        .then((r) => r.json().families.find((f: { familyId: string }) => f.familyId === familyIds.strategy))
    expect((await mine()).state).toBe('not_yet_seen')
    await dbx.handle.db
      .update(allocations)
      .set({ startedAt: new Date(Date.now() - 29 * 86_400_000) })
      .where(and(eq(allocations.councilId, council.id), eq(allocations.familyId, familyIds.strategy!)))
    expect((await mine()).state).toBe('overdue')
  })
})
