import { limit } from '@hearth/test-kit/time'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type DbHandle } from '@hearth/db/client'
import { familyLetters } from '@hearth/db/schema/contact'
import { allocations, teamDecisions } from '@hearth/db/schema/team-board'
import { type Council, makeCouncil, makePatch, makeTeam, signInAs as signInByRole } from '@hearth/test-kit'
import { makeTestApp, signInAs, type Session, type TestApp } from '@hearth/test-kit/app'
import { boardFixture, invariants } from '@hearth/test-kit/board-fixture'
import { freshPgDatabase } from '@hearth/test-kit/db'

async function claimStorm(t: TestApp, handle: DbHandle, councilId: string) {
  const CAP = 6
  const fx = await boardFixture(handle, councilId, 40, CAP)
  const sessions: Session[] = []
  for (const p of fx.staff) sessions.push(await signInAs(t.app, p.email))
  // 200 claims at once: each practitioner goes for families in a shuffled order; half name a co-worker.
  const attempts = Array.from({ length: 200 }, (_, i) => {
    const who = i % 8
    const offerId = fx.offerIds[(i * 7 + who * 3) % fx.offerIds.length]!
    const coWorker = i % 2 ? fx.staff[(who + 1) % 8]!.id : undefined
    return sessions[who]!.request(
      'POST',
      `/api/teams/${fx.team.id}/offers/${offerId}/claim`,
      coWorker ? { coWorkerId: coWorker } : {},
    )
  })
  const results = await Promise.all(attempts)
  const byStatus = new Map<number, number>()
  for (const r of results) byStatus.set(r.statusCode, (byStatus.get(r.statusCode) ?? 0) + 1)
  // Only success or a clear refusal: over the cap, or already taken.
  expect(
    [...byStatus.keys()].every((s) => s === 200 || s === 409),
    JSON.stringify([...byStatus]),
  ).toBe(true)
  for (const r of results.filter((x) => x.statusCode === 409)) {
    const e = r.json().error
    expect(['over_cap', 'conflict']).toContain(e.code)
    expect(e.message).toMatch(/cap of 6|already taken/)
  }
  const inv = await invariants(handle, fx.team.id, CAP)
  expect(inv.overCap).toEqual([])
  expect(inv.twoLeads).toEqual([])
  expect(inv.noCoWorker).toEqual([])
  expect(inv.heldWithoutLead).toEqual([])
  expect(inv.leads).toBe(byStatus.get(200))
  expect(byStatus.get(200)).toBeGreaterThan(10)
  expect(byStatus.get(409)).toBeGreaterThan(100)
  return { fx, results }
}

describe('claiming under the cap, many at once', () => {
  it(
    'on PostgreSQL: 200 concurrent claims, 8 practitioners, 40 families: no cap exceeded, one lead each',
    async () => {
      const dbx = await freshPgDatabase(30)
      const council = await makeCouncil(dbx.handle.db)
      const t = await makeTestApp(dbx.handle)
      try {
        await claimStorm(t, dbx.handle, council.id)
      } finally {
        await t.close()
        await dbx.drop()
      }
    },
    limit(60_000),
  )

  it(
    'on PGlite (the embedded path) too',
    async () => {
      const lite = await openDb({ kind: 'pglite', dataDir: 'memory://' })
      await lite.migrate()
      const council = await makeCouncil(lite.db)
      const t = await makeTestApp(lite)
      try {
        await claimStorm(t, lite, council.id)
      } finally {
        await t.close()
        await lite.close()
      }
    },
    limit(60_000),
  )
})

describe('the team board', () => {
  let t: TestApp
  let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
  let council: Council
  let fx: Awaited<ReturnType<typeof boardFixture>>
  let a: Session
  let b: Session

  beforeAll(async () => {
    dbx = await freshPgDatabase()
    council = await makeCouncil(dbx.handle.db)
    t = await makeTestApp(dbx.handle)
    fx = await boardFixture(dbx.handle, council.id, 6, 4)
    a = await signInAs(t.app, fx.staff[0]!.email)
    b = await signInAs(t.app, fx.staff[1]!.email)
  })
  afterAll(async () => {
    await t.close()
    await dbx.drop()
  })

  it('shows families waiting oldest first, each practitioner against their cap, and who is on duty', async () => {
    await a.request(
      'PUT',
      `/api/teams/${fx.team.id}/rota/${new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' })}`,
      { personId: fx.staff[1]!.id },
    )
    const board = (await a.request('GET', `/api/teams/${fx.team.id}/board`)).json()
    expect(board.offers).toHaveLength(6)
    const times = board.offers.map((o: { offeredAt: string }) => o.offeredAt)
    expect([...times].sort()).toEqual(times)
    expect(board.members).toHaveLength(8)
    expect(board.members.every((m: { cap: number; leadChildren: number }) => m.cap === 4 && m.leadChildren === 0)).toBe(
      true,
    )
    expect(board.dutyPersonId).toBe(fx.staff[1]!.id)
    expect(board.members.find((m: { personId: string }) => m.personId === fx.staff[1]!.id).onDutyToday).toBe(true)
  })

  it('a claim makes a lead and a co-worker, logs a team decision and a letter to the family', async () => {
    const res = await a.request('POST', `/api/teams/${fx.team.id}/offers/${fx.offerIds[0]}/claim`, {
      coWorkerId: fx.staff[1]!.id,
      presentIds: [fx.staff[1]!.id, fx.staff[2]!.id],
    })
    expect(res.statusCode).toBe(200)
    const familyId = res.json().familyId
    const board = (await b.request('GET', `/api/teams/${fx.team.id}/board`)).json()
    const held = board.held.find((h: { familyId: string }) => h.familyId === familyId)
    expect(held.lead.personId).toBe(fx.staff[0]!.id)
    expect(held.coWorkers.map((c: { personId: string }) => c.personId)).toEqual([fx.staff[1]!.id])
    expect(board.offers).toHaveLength(5)
    const log = (await b.request('GET', `/api/teams/${fx.team.id}/decisions`)).json()
    expect(log[0]).toMatchObject({ kind: 'allocation', recordedByName: fx.staff[0]!.name })
    expect(log[0].summary).toContain('leads the Boardtest 0 family')
    expect(log[0].present).toEqual([fx.staff[1]!.name, fx.staff[2]!.name])
    expect(await dbx.handle.db.select().from(familyLetters).where(eq(familyLetters.familyId, familyId))).toHaveLength(1)
    // taken already: a second claim is refused
    const again = await b.request('POST', `/api/teams/${fx.team.id}/offers/${fx.offerIds[0]}/claim`, {})
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toMatch(/already taken/)
  })

  it('asking the team to find a co-worker picks the practitioner with the fewest families', async () => {
    const res = await b.request('POST', `/api/teams/${fx.team.id}/offers/${fx.offerIds[1]}/claim`, {})
    expect(res.statusCode).toBe(200)
    const co = res.json().coWorkerIds[0]
    expect(co).not.toBe(fx.staff[1]!.id)
    expect([fx.staff[0]!.id, fx.staff[1]!.id]).not.toContain(co) // both already hold a family
  })

  it('over the cap is refused with the numbers; the team raises the cap with a recorded decision', async () => {
    // fixture family sizes cycle 1,2,3: offers 2 (3 children) takes staff 0 from 1 to 4 (cap 4), then offer 3 (1 child) is over
    expect((await a.request('POST', `/api/teams/${fx.team.id}/offers/${fx.offerIds[2]}/claim`, {})).statusCode).toBe(
      200,
    )
    const over = await a.request('POST', `/api/teams/${fx.team.id}/offers/${fx.offerIds[3]}/claim`, {})
    expect(over.statusCode).toBe(409)
    expect(over.json().error).toMatchObject({ code: 'over_cap' })
    expect(over.json().error.message).toBe(
      'You lead 4 children; taking 1 more would go over the cap of 4. The team can raise the cap with a recorded decision, or someone else can lead.',
    )
    // not alone: raising one's own cap needs another member of the team there
    const alone = await a.request('PUT', `/api/teams/${fx.team.id}/members/${fx.staff[0]!.id}/cap`, {
      cap: 6,
      reason: 'I think I can manage more',
      presentIds: [fx.staff[0]!.id],
    })
    expect(alone.statusCode).toBe(400)
    expect(alone.json().error.details[0].field).toBe('body.presentIds')
    const raise = await b.request('PUT', `/api/teams/${fx.team.id}/members/${fx.staff[0]!.id}/cap`, {
      cap: 6,
      reason: 'Two of these families are siblings',
      presentIds: [fx.staff[0]!.id, fx.staff[1]!.id],
    })
    expect(raise.statusCode).toBe(200)
    expect((await a.request('POST', `/api/teams/${fx.team.id}/offers/${fx.offerIds[3]}/claim`, {})).statusCode).toBe(
      200,
    )
    const log = (await a.request('GET', `/api/teams/${fx.team.id}/decisions`)).json()
    expect(
      log.some((d: { kind: string; summary: string }) => d.kind === 'cap' && d.summary.includes('cap is now 6')),
    ).toBe(true)
  })

  it('the decisions log cannot be changed, even in the database', async () => {
    await expect(dbx.handle.db.update(teamDecisions).set({ summary: 'rewritten' })).rejects.toThrow()
    await expect(dbx.handle.db.delete(teamDecisions)).rejects.toThrow()
  })

  it('a family is never left without a lead or a co-worker, through any route', async () => {
    const [lead] = await dbx.handle.db
      .select()
      .from(allocations)
      .where(
        and(
          eq(allocations.teamId, fx.team.id),
          eq(allocations.role, 'lead'),
          eq(allocations.personId, fx.staff[0]!.id),
        ),
      )
    const familyId = lead!.familyId
    // hand-over with no co-worker, or with the lead as co-worker: refused
    expect(
      (
        await a.request('POST', `/api/families/${familyId}/workers`, {
          leadId: fx.staff[2]!.id,
          coWorkerIds: [],
          reason: 'Going on leave',
        })
      ).statusCode,
    ).toBe(400)
    const self = await a.request('POST', `/api/families/${familyId}/workers`, {
      leadId: fx.staff[2]!.id,
      coWorkerIds: [fx.staff[2]!.id],
      reason: 'Going on leave',
    })
    expect(self.statusCode).toBe(400)
    expect(self.json().error.details[0].field).toBe('body.coWorkerIds.0')
    // the administrator cannot take the lead off the team, close their account, or drop the practitioner role
    const admin = await signInByRole(t.app, dbx.handle.db, council, 'administrator')
    const leave = await admin.request('DELETE', `/api/teams/${fx.team.id}/members/${fx.staff[0]!.id}`)
    expect(leave.statusCode).toBe(409)
    expect(leave.json().error.message).toMatch(/hand over/)
    expect((await admin.request('PATCH', `/api/people/${fx.staff[0]!.id}`, { active: false })).statusCode).toBe(409)
    expect((await admin.request('PATCH', `/api/people/${fx.staff[0]!.id}`, { roles: ['enabler'] })).statusCode).toBe(
      409,
    )
    // the database itself refuses a second lead
    await expect(
      dbx.handle.db.insert(allocations).values({
        councilId: council.id,
        familyId,
        teamId: fx.team.id,
        personId: fx.staff[5]!.id,
        role: 'lead',
      }),
    ).rejects.toThrow()
    // hand every family over properly, then leaving works
    const mine = await dbx.handle.db
      .select()
      .from(allocations)
      .where(
        and(
          eq(allocations.teamId, fx.team.id),
          eq(allocations.personId, fx.staff[0]!.id),
          sql`${allocations.endedAt} is null`,
        ),
      )
    for (const [i, m] of mine.entries()) {
      const [to, co] = i % 2 ? [fx.staff[7]!, fx.staff[6]!] : [fx.staff[6]!, fx.staff[7]!]
      const res = await a.request('POST', `/api/families/${m.familyId}/workers`, {
        leadId: to.id,
        coWorkerIds: [co.id],
        reason: 'Tester A is moving to another team',
      })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().lead.personId).toBe(to.id)
    }
    expect((await admin.request('DELETE', `/api/teams/${fx.team.id}/members/${fx.staff[0]!.id}`)).statusCode).toBe(200)
    const inv = await invariants(dbx.handle, fx.team.id, 6)
    expect(inv.noCoWorker).toEqual([])
    expect(inv.twoLeads).toEqual([])
    // history is kept: ended allocations stay, with the reason
    const ended = await dbx.handle.db
      .select()
      .from(allocations)
      .where(and(eq(allocations.personId, fx.staff[0]!.id), sql`${allocations.endedAt} is not null`))
    expect(ended.length).toBeGreaterThan(0)
    expect(ended[0]!.endedReason).toBe('Tester A is moving to another team')
  })

  it('unit working: the team sees its families; another team sees neither its board nor its families', async () => {
    const db = dbx.handle.db
    const otherTeam = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['TR1'] }) })
    const riverside = await signInByRole(t.app, db, council, 'practitioner', { teams: [otherTeam] })
    expect((await riverside.request('GET', `/api/teams/${fx.team.id}/board`)).statusCode).toBe(404)
    expect(
      (await riverside.request('POST', `/api/teams/${fx.team.id}/offers/${fx.offerIds[5]}/claim`, {})).statusCode,
    ).toBe(404)
    const [held] = await dbx.handle.db
      .select()
      .from(allocations)
      .where(and(eq(allocations.teamId, fx.team.id), eq(allocations.role, 'lead')))
    expect((await riverside.request('GET', `/api/families/${held!.familyId}`)).statusCode).toBe(404)
    // a team member who is neither lead nor co-worker still sees it
    const c = await signInAs(t.app, fx.staff[4]!.email)
    expect((await c.request('GET', `/api/families/${held!.familyId}`)).statusCode).toBe(200)
  })

  it('visits: book, move and cancel with reasons; they show on the day of those who come', async () => {
    const c = await signInAs(t.app, fx.staff[6]!.email)
    const [held] = await dbx.handle.db
      .select()
      .from(allocations)
      .where(
        and(
          eq(allocations.teamId, fx.team.id),
          eq(allocations.role, 'lead'),
          eq(allocations.personId, fx.staff[6]!.id),
          sql`${allocations.endedAt} is null`,
        ),
      )
    const soon = new Date(Date.now() + 5 * 60_000)
    const booked = await c.request('POST', `/api/families/${held!.familyId}/visits`, {
      kind: 'home_visit',
      startsAt: soon.toISOString(),
      place: 'At home',
      othersAttending: 'Mum and the two children',
    })
    expect(booked.statusCode).toBe(201)
    expect(booked.json().attendees.map((x: { personId: string }) => x.personId)).toEqual([fx.staff[6]!.id])
    const day = (await c.request('GET', '/api/me/day')).json()
    const sameDay =
      new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }) ===
      soon.toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
    if (sameDay) expect(day.visitsToday.map((v: { id: string }) => v.id)).toContain(booked.json().id)
    expect(day.families.find((f: { familyId: string }) => f.familyId === held!.familyId).state).toBe('booked')
    const moved = await c.request('PATCH', `/api/visits/${booked.json().id}`, {
      place: 'The family centre',
      reason: 'Mum asked to meet away from home',
    })
    expect(moved.json()).toMatchObject({
      place: 'The family centre',
      lastChangeReason: 'Mum asked to meet away from home',
    })
    const cancelled = await c.request('POST', `/api/visits/${booked.json().id}/cancel`, { reason: 'Family unwell' })
    expect(cancelled.json().status).toBe('cancelled')
    expect(
      (await c.request('POST', `/api/visits/${booked.json().id}/cancel`, { reason: 'Family unwell' })).statusCode,
    ).toBe(409)
    const after = (await c.request('GET', '/api/me/day')).json()
    expect(after.families.find((f: { familyId: string }) => f.familyId === held!.familyId).state).not.toBe('booked')
  })
})
