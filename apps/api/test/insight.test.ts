import { and, eq, isNull, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadHandlers } from '@hearth/worker'
import { auditEvents } from '@hearth/db/schema/audit'
import { adminTasks } from '@hearth/db/schema/enablers'
import { insightRequests } from '@hearth/db/schema/insight'
import { outbox } from '@hearth/db/schema/jobs'
import { allocations } from '@hearth/db/schema/team-board'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makePerson,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

type Signed = Awaited<ReturnType<typeof signInAs>>
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let practitioner: Signed
let otherTeamPractitioner: Signed
let adviser: Signed
let adviser2: Signed
let strategy: Signed
let referrals: Signed
let admin: Signed
let familyId: string
let eastfield: string
let riverside: string
let insightTeam: string

const ask = (over: Record<string, unknown> = {}) => ({
  kind: 'consultation',
  topic: 'domestic_abuse',
  familyId,
  question:
    'Mum has told us her partner checks her phone and controls the money. What should we look for at the next visit, and how do we talk to her about it safely?',
  ...over,
})

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const eastPatch = await makePatch(db, council, { name: 'Eastfield', postcodeAreas: ['TE1'] })
  const east = await makeTeam(db, council, { patch: eastPatch, name: 'Eastfield family team' })
  const river = await makeTeam(db, council, {
    patch: await makePatch(db, council, { name: 'Riverside', postcodeAreas: ['TR1'] }),
    name: 'Riverside family team',
  })
  const insight = await makeTeam(db, council, { kind: 'insight', name: 'Insight team' })
  ;[eastfield, riverside, insightTeam] = [east.id, river.id, insight.id]
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [east], name: 'Priya Practitioner' })
  const coWorker = await makePerson(db, council, { role: 'practitioner', teams: [east] })
  otherTeamPractitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [river] })
  adviser = await signInAs(t.app, db, council, 'insight_adviser', { teams: [insight], name: 'Ines Insight' })
  adviser2 = await signInAs(t.app, db, council, 'insight_adviser', { teams: [insight] })
  strategy = await signInAs(t.app, db, council, 'strategy_member', {
    teams: [await makeTeam(db, council, { kind: 'strategy' })],
  })
  referrals = await signInAs(t.app, db, council, 'referral_officer', {
    teams: [await makeTeam(db, council, { kind: 'referral' })],
  })
  admin = await signInAs(t.app, db, council, 'administrator')
  const family = await makeFamily(db, council, { patch: eastPatch })
  await makeChild(db, family)
  await makeAllocation(db, family, east, practitioner.person, coWorker)
  familyId = family.id
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('asking the insight team', () => {
  it('a practitioner asks about a family their team holds; the team is the holding team', async () => {
    const res = await practitioner.request('POST', '/api/insight/requests', ask())
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      kind: 'consultation',
      topic: 'domestic_abuse',
      topicLabel: 'Domestic abuse',
      teamId: eastfield,
      familyId,
      status: 'waiting',
      waitingTooLong: false,
      askedByName: 'Priya Practitioner',
    })
  })

  it('a team asks for coaching for itself; it must name its own team', async () => {
    const res = await practitioner.request('POST', '/api/insight/requests', {
      kind: 'coaching',
      topic: 'systemic_case_discussion',
      teamId: eastfield,
      question: 'We are stuck with two families where nothing changes; we would like a systemic case discussion.',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ familyId: null, teamId: eastfield, topicLabel: 'Systemic case discussion' })
    const noTeam = await practitioner.request('POST', '/api/insight/requests', {
      kind: 'coaching',
      topic: 'systemic_case_discussion',
      question: 'Help please with our team.',
    })
    expect(noTeam.statusCode).toBe(400)
    expect(noTeam.json().error.details[0].field).toBe('body.teamId')
    const notMine = await practitioner.request('POST', '/api/insight/requests', {
      kind: 'coaching',
      topic: 'systemic_case_discussion',
      teamId: riverside,
      question: 'Help please with their team.',
    })
    expect(notMine.statusCode).toBe(400)
    expect(notMine.json().error.details[0].field).toBe('body.teamId')
  })

  it('refuses a topic of the other kind, with the field', async () => {
    const res = await practitioner.request(
      'POST',
      '/api/insight/requests',
      ask({ kind: 'coaching', topic: 'domestic_abuse' }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.topic' })
  })

  it('a practitioner of another team cannot ask about (or even find) the family', async () => {
    const res = await otherTeamPractitioner.request('POST', '/api/insight/requests', ask())
    expect(res.statusCode).toBe(404)
  })
})

describe('the adviser’s queue', () => {
  it('only insight advisers take requests; of many taking one at once, exactly one gets it', async () => {
    const created = (
      await practitioner.request(
        'POST',
        '/api/insight/requests',
        ask({
          topic: 'exploitation',
          question: 'The eldest is out late and has new trainers and two phones. Is this criminal exploitation?',
        }),
      )
    ).json()
    for (const s of [practitioner, strategy, referrals, admin])
      expect((await s.request('POST', `/api/insight/requests/${created.id}/take`)).statusCode).toBe(403)
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? adviser : adviser2).request('POST', `/api/insight/requests/${created.id}/take`),
      ),
    )
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes.filter((c) => c === 200)).toHaveLength(1)
    expect(codes.filter((c) => c === 409)).toHaveLength(11)
    const [row] = await dbx.handle.db.select().from(insightRequests).where(eq(insightRequests.id, created.id))
    expect(row!.status).toBe('taken')
  })

  it('waiting is oldest first; the taker books and advises; nobody else can', async () => {
    const queue = (await adviser.request('GET', '/api/insight/requests?view=waiting')).json() as {
      askedAt: string
      id: string
      familyId: string | null
    }[]
    expect(queue.length).toBeGreaterThanOrEqual(2)
    expect([...queue].sort((a, b) => a.askedAt.localeCompare(b.askedAt))).toEqual(queue)
    const first = queue.find((q) => q.familyId === familyId)!
    expect(
      (
        await adviser.request('POST', `/api/insight/requests/${first.id}/advice`, {
          advice: 'Too early: take it first, please, and then write.',
        })
      ).statusCode,
    ).toBe(409)
    expect((await adviser.request('POST', `/api/insight/requests/${first.id}/take`)).statusCode).toBe(200)
    const booking = {
      sessionAt: '2031-03-04T10:00:00Z',
      sessionMinutes: 60,
      attendees: 'Priya, her co-worker and the adviser',
    }
    expect((await adviser2.request('POST', `/api/insight/requests/${first.id}/booking`, booking)).statusCode).toBe(403)
    const booked = await adviser.request('POST', `/api/insight/requests/${first.id}/booking`, booking)
    expect(booked.statusCode).toBe(200)
    expect(booked.json()).toMatchObject({
      status: 'booked',
      sessionMinutes: 60,
      attendees: booking.attendees,
      takenByName: 'Ines Insight',
    })
    // the room and the invitations went to the enablers' queue (through the outbox), once
    const queued = await dbx.handle.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.jobName, 'admin.tasks'), sql`${outbox.payload}->>'subjectId' = ${first.id}`))
    expect(queued).toHaveLength(1)
    const ctx = { db: dbx.handle.db, publish: async () => {} }
    await (await loadHandlers())['admin.tasks'].run(ctx, queued[0]!.payload as never)
    await (await loadHandlers())['admin.tasks'].run(ctx, queued[0]!.payload as never)
    const sessionTasks = () =>
      dbx.handle.db
        .select()
        .from(adminTasks)
        .where(sql`${adminTasks.sourceKey} like ${`insight:${first.id}:session:%`}`)
    let tasks = await sessionTasks()
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({
      taskType: 'insight_session',
      status: 'open',
      familyId,
      teamId: insightTeam,
    })
    expect(tasks[0]!.details).toContain('Who attends: Priya, her co-worker and the adviser')
    expect(tasks[0]!.dueAt.getTime()).toBeLessThanOrEqual(new Date(booking.sessionAt).getTime())
    // moved to another time: a task for the new time, the old one cancelled
    expect(
      (
        await adviser.request('POST', `/api/insight/requests/${first.id}/booking`, {
          ...booking,
          sessionAt: '2031-03-05T14:00:00Z',
        })
      ).statusCode,
    ).toBe(200)
    const again = await dbx.handle.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.jobName, 'admin.tasks'), sql`${outbox.payload}->>'subjectId' = ${first.id}`))
    expect(again).toHaveLength(2)
    for (const row of again) await (await loadHandlers())['admin.tasks'].run(ctx, row.payload as never) // each job re-reads the request: same result
    tasks = await sessionTasks()
    expect(tasks.map((x) => x.status).sort()).toEqual(['cancelled', 'open'])
    const short = await adviser.request('POST', `/api/insight/requests/${first.id}/advice`, { advice: 'Be careful.' })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.details[0].field).toBe('body.advice')
    const advice =
      'Ask mum on her own, never with her partner in the house. Look for who holds the money and the phones. Use the DASH checklist with her, and if the score is 14 or more refer to MARAC. Plan the next visit for when he is at work.'
    const given = await adviser.request('POST', `/api/insight/requests/${first.id}/advice`, { advice })
    expect(given.statusCode).toBe(200)
    expect(given.json()).toMatchObject({ status: 'advice_given', advice })
    expect((await adviser.request('POST', `/api/insight/requests/${first.id}/advice`, { advice })).statusCode).toBe(409)
    const audit = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, first.id), eq(auditEvents.action, 'insight.advice')))
    expect(audit).toHaveLength(1)
    expect(audit[0]!.familyId).toBe(familyId)
  })
})

describe('the family’s chronology', () => {
  it('shows the advice to the holding team, newest first, and to nobody else', async () => {
    const chron = await practitioner.request('GET', `/api/families/${familyId}/chronology`)
    expect(chron.statusCode).toBe(200)
    const entries = chron.json() as {
      at: string
      kind: string
      title: string
      detail: string | null
      byName: string | null
    }[]
    const advice = entries.find((e) => e.kind === 'consultation' && e.title.startsWith('Consultation advice'))
    expect(advice).toMatchObject({ title: 'Consultation advice: Domestic abuse', byName: 'Ines Insight' })
    expect(advice!.detail).toContain('DASH checklist')
    expect(entries.some((e) => e.kind === 'allocation')).toBe(true)
    expect([...entries].sort((a, b) => b.at.localeCompare(a.at))).toEqual(entries)
    // another team's practitioner: not found; other roles: not allowed
    expect((await otherTeamPractitioner.request('GET', `/api/families/${familyId}/chronology`)).statusCode).toBe(404)
    // route × role: every role but the practitioner is refused, whatever its team
    const enabler = await signInAs(t.app, dbx.handle.db, council, 'enabler')
    for (const s of [adviser, strategy, referrals, admin, enabler])
      expect((await s.request('GET', `/api/families/${familyId}/chronology`)).statusCode).toBe(403)
    // nor the request itself, nor in their team's list
    const done = (await adviser.request('GET', '/api/insight/requests?view=done')).json() as { id: string }[]
    expect((await otherTeamPractitioner.request('GET', `/api/insight/requests/${done[0]!.id}`)).statusCode).toBe(404)
    expect(
      ((await otherTeamPractitioner.request('GET', '/api/insight/requests?view=team')).json() as unknown[]).length,
    ).toBe(0)
    expect(
      ((await practitioner.request('GET', '/api/insight/requests?view=team')).json() as { id: string }[]).map(
        (r) => r.id,
      ),
    ).toContain(done[0]!.id)
  })

  it('after a hand-over to another team, the advice goes with the family, not with the old team', async () => {
    // move the lead to Riverside (as a hand-over between teams would)
    await dbx.handle.db
      .update(allocations)
      .set({ teamId: riverside, personId: otherTeamPractitioner.personId })
      .where(and(eq(allocations.familyId, familyId), eq(allocations.role, 'lead'), isNull(allocations.endedAt)))
    try {
      const done = (await adviser.request('GET', '/api/insight/requests?view=done')).json() as { id: string }[]
      expect((await practitioner.request('GET', `/api/insight/requests/${done[0]!.id}`)).statusCode).toBe(404)
      // the new team finds it in its own list too
      expect(
        (
          (await otherTeamPractitioner.request('GET', '/api/insight/requests?view=team')).json() as { id: string }[]
        ).map((r) => r.id),
      ).toContain(done[0]!.id)
      expect((await otherTeamPractitioner.request('GET', `/api/insight/requests/${done[0]!.id}`)).statusCode).toBe(200)
      const eastChron = await practitioner.request('GET', `/api/families/${familyId}/chronology`)
      if (eastChron.statusCode === 200)
        expect((eastChron.json() as { kind: string }[]).some((e) => e.kind === 'consultation')).toBe(false)
    } finally {
      await dbx.handle.db
        .update(allocations)
        .set({ teamId: eastfield, personId: practitioner.personId })
        .where(and(eq(allocations.familyId, familyId), eq(allocations.role, 'lead'), isNull(allocations.endedAt)))
    }
  })
})
