import { testLogger } from '@hearth/test-kit/log-capture'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { familyLetters } from '@hearth/db/schema/contact'
import { adminTasks } from '@hearth/db/schema/enablers'
import { QUEUES } from '@hearth/jobs'
import { startWorker, type RunningWorker } from '@hearth/worker'
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
  makeTask,
  makeTeam,
  signInAs as signInByRole,
  signInWithEmail as signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'
import { boardFixture } from '@hearth/test-kit/board-fixture'
import { requireEnv } from '@hearth/test-kit/env'
import { waitUntil } from '@hearth/test-kit/wait'

let t: TestApp
type Signed = Awaited<ReturnType<typeof signInByRole>>
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let eastfield: Team
let frontDoor: Team
let enablers: Team
let worker: RunningWorker
let practitioner: Signed
let enabler: Signed
let heldFamilyId: string

const tasksOf = (where: ReturnType<typeof sql>) => dbx.handle.db.select().from(adminTasks).where(where)
const _count = async (q: ReturnType<typeof sql>) =>
  ((await dbx.handle.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n

beforeAll(async () => {
  dbx = await freshDatabase(30)
  t = await buildTestApp(dbx.handle)
  worker = await startWorker({
    db: dbx.handle.db,
    redisUrl: requireEnv('TEST_REDIS_URL'),
    logger: testLogger(),
    prefix: t.prefix,
    relayIntervalMs: 50,
  })
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  eastfield = await makeTeam(db, council, { patch, name: 'Eastfield family team' })
  frontDoor = await makeTeam(db, council, { kind: 'referral', name: 'Front door referral team' })
  enablers = await makeTeam(db, council, { kind: 'enabler', name: 'Enablers' })
  practitioner = await signInByRole(t.app, db, council, 'practitioner', { teams: [eastfield] })
  enabler = await signInByRole(t.app, db, council, 'enabler', { teams: [enablers], name: 'Enid Enabler' })
  const family = await makeFamily(db, council, { patch, interpreterNeeded: true, language: 'Polish' })
  await makeChild(db, family)
  await makeAllocation(db, family, eastfield, practitioner.person)
  heldFamilyId = family.id
  // work already waiting in the enablers' queue
  for (let i = 0; i < 10; i++) await makeTask(db, eastfield, { taskType: 'room_booking', family })
})
afterAll(async () => {
  await worker.close()
  await t.close()
  await dbx.drop()
})

describe('admin work that arises by itself', () => {
  it('a home visit for a family needing an interpreter: a confirmation letter and an interpreter booking, once each', async () => {
    const v = await practitioner.request('POST', `/api/families/${heldFamilyId}/visits`, {
      kind: 'home_visit',
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      place: 'At home',
    })
    expect(v.statusCode).toBe(201)
    await waitUntil(async () => (await tasksOf(sql`visit_id = ${v.json().id}`)).length === 2, 3_000)
    const tasks = await tasksOf(sql`visit_id = ${v.json().id}`)
    expect(tasks.map((x) => x.taskType).sort()).toEqual(['interpreter_booking', 'visit_confirmation'])
    expect(tasks.every((x) => x.dueAt.getTime() <= new Date(v.json().startsAt).getTime())).toBe(true)
    // the same job delivered twice more (a retry, a duplicate): still two tasks
    for (let i = 0; i < 2; i++)
      await worker.queues[QUEUES.default].add(
        'admin.tasks',
        { councilId: council.id, trigger: 'visit.booked', subjectId: v.json().id },
        { jobId: `again-${i}-${v.json().id}` },
      )
    await new Promise((r) => setTimeout(r, 400))
    expect(await tasksOf(sql`visit_id = ${v.json().id}`)).toHaveLength(2)

    // moved: the unsent confirmation (with the old time) is cancelled, a new one says why
    const moved = await practitioner.request('PATCH', `/api/visits/${v.json().id}`, {
      startsAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      reason: 'Mum asked for the next day',
    })
    expect(moved.statusCode, moved.body).toBe(200)
    await waitUntil(async () => (await tasksOf(sql`visit_id = ${v.json().id}`)).length === 3, 3_000)
    const after = await tasksOf(sql`visit_id = ${v.json().id} and task_type = 'visit_confirmation'`)
    expect(after.map((x) => x.status).sort()).toEqual(['cancelled', 'open'])
    expect(after.find((x) => x.status === 'open')!.details).toBe('Moved: Mum asked for the next day')
  })

  it('a visit recorded after it happened: no letter, no interpreter booking', async () => {
    const v = await practitioner.request('POST', `/api/families/${heldFamilyId}/visits`, {
      kind: 'home_visit',
      startsAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      place: 'At home',
      interpreterNeeded: true,
    })
    expect(v.statusCode).toBe(201)
    // the job has run when its outbox row is finished
    await waitUntil(
      async () =>
        (
          (await dbx.handle.db.execute(
            sql`select count(*)::int n from outbox where payload->>'subjectId' = ${v.json().id} and finished_at is not null`,
          )) as unknown as { rows: { n: number }[] }
        ).rows[0]!.n === 1,
      5_000,
    )
    expect(await tasksOf(sql`visit_id = ${v.json().id}`)).toEqual([])
  })

  it('a family group conference: invitations, a venue, a minute-taker and the minutes (due after the meeting)', async () => {
    const starts = new Date(Date.now() + 7 * 86_400_000)
    const v = await practitioner.request('POST', `/api/families/${heldFamilyId}/visits`, {
      kind: 'family_group_conference',
      startsAt: starts.toISOString(),
      durationMinutes: 120,
      place: 'Northmoor family centre',
      interpreterNeeded: false,
    })
    await waitUntil(async () => (await tasksOf(sql`visit_id = ${v.json().id}`)).length === 4, 3_000)
    const tasks = await tasksOf(sql`visit_id = ${v.json().id}`)
    expect(tasks.map((x) => x.taskType).sort()).toEqual([
      'conference_invitations',
      'minute_taker',
      'minutes',
      'room_booking',
    ])
    expect(tasks.find((x) => x.taskType === 'minutes')!.dueAt.getTime()).toBeGreaterThan(
      starts.getTime() + 120 * 60_000,
    )
  })

  it('a family allocated: a letter telling them who their workers are', async () => {
    const fx = await boardFixture(dbx.handle, council.id, 1, 14)
    const s = await signInAs(t.app, fx.staff[0]!.email)
    const claim = await s.request('POST', `/api/teams/${fx.team.id}/offers/${fx.offerIds[0]}/claim`, {})
    expect(claim.statusCode).toBe(200)
    await waitUntil(
      async () =>
        (await tasksOf(sql`family_id = ${claim.json().familyId} and task_type = 'workers_letter'`)).length === 1,
      3_000,
    )
    const [task] = await tasksOf(sql`family_id = ${claim.json().familyId}`)
    expect(task!.teamId).toBe(fx.team.id)
  })

  it('a referral from a professional: an acknowledgement; from a relative: none', async () => {
    const officer = await signInByRole(t.app, dbx.handle.db, council, 'referral_officer', { teams: [frontDoor] })
    const body = (source: string, name: string) => ({
      receivedAt: new Date(Date.now() - 600_000).toISOString(),
      source,
      referrerName: 'Invented Person',
      worries: 'Worried about the children.',
      family: { name, addressLine1: '1 Road', town: 'Northmoor', postcode: 'NM1 1AA' },
      children: [{ firstName: 'A', lastName: name, dateOfBirth: '2018-01-01', sex: 'U' }],
    })
    const school = await officer.request('POST', '/api/referrals', body('2A', 'Schoolref family'))
    const nan = await officer.request('POST', '/api/referrals', body('1A', 'Nanref family'))
    await waitUntil(async () => (await tasksOf(sql`referral_id = ${school.json().id}`)).length === 1, 3_000)
    await new Promise((r) => setTimeout(r, 300))
    expect(await tasksOf(sql`referral_id = ${nan.json().id}`)).toHaveLength(0)
    const [ack] = await tasksOf(sql`referral_id = ${school.json().id}`)
    expect(ack!.taskType).toBe('referrer_acknowledgement')
    expect(ack!.teamId).toBe(frontDoor.id)
  })

  it('Redis down during the practitioner’s action: the visit is booked, and its tasks appear once Redis is back', async () => {
    const offline = await buildTestApp(dbx.handle, {}, 'redis://127.0.0.1:1') // nothing listens there
    try {
      const s = await signInAs(offline.app, practitioner.person.email)
      // stop this test's worker from relaying meanwhile: the point is the outbox holds the work
      const v = await s.request('POST', `/api/families/${heldFamilyId}/visits`, {
        kind: 'home_visit',
        startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        place: 'At home',
      })
      expect(v.statusCode).toBe(201)
      // the working worker (Redis up) picks up the outbox row and creates the tasks
      await waitUntil(async () => (await tasksOf(sql`visit_id = ${v.json().id}`)).length === 2, 5_000)
    } finally {
      await offline.close()
    }
  })
})

describe('the enablers’ queue', () => {
  it('20 enablers claiming the same 10 tasks at once: each task is held by one', async () => {
    const extra = []
    for (let i = 0; i < 20; i++)
      extra.push(
        await makePerson(dbx.handle.db, council, { role: 'enabler', teams: [enablers], name: `Racer ${i} Enabler` }),
      )
    const sessions = await Promise.all(extra.map((p) => signInAs(t.app, p.email)))
    const open = ((await enabler.request('GET', '/api/tasks?status=open')).json() as { id: string }[]).slice(0, 10)
    expect(open).toHaveLength(10)
    const results = await Promise.all(
      sessions.flatMap(
        (s, i) =>
          open
            .map((task, j) => ((i + j) % 2 === 0 ? s.request('POST', `/api/tasks/${task.id}/claim`) : null))
            .filter(Boolean) as Promise<import('fastify').LightMyRequestResponse>[],
      ),
    )
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(10)
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true)
    const held = await tasksOf(
      sql`id in (${sql.join(
        open.map((o) => sql`${o.id}::uuid`),
        sql`, `,
      )})`,
    )
    expect(held.every((x) => x.status === 'claimed' && x.claimedBy)).toBe(true)
    const winners = results.filter((r) => r.statusCode === 200).map((r) => r.json().id)
    expect(new Set(winners).size).toBe(10)
  })

  it('an abandoned claim returns to the queue after its time; the first enabler can no longer complete it', async () => {
    const [task] = (await enabler.request('GET', '/api/tasks?status=open')).json() as { id: string }[]
    expect((await enabler.request('POST', `/api/tasks/${task!.id}/claim`)).statusCode).toBe(200)
    const other = await signInByRole(t.app, dbx.handle.db, council, 'enabler', { teams: [enablers] })
    expect((await other.request('POST', `/api/tasks/${task!.id}/claim`)).statusCode).toBe(409)
    await dbx.handle.db
      .update(adminTasks)
      .set({ claimExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(adminTasks.id, task!.id))
    const queue = (await other.request('GET', '/api/tasks?status=open')).json() as { id: string; status: string }[]
    expect(queue.find((x) => x.id === task!.id)?.status).toBe('open')
    expect((await other.request('POST', `/api/tasks/${task!.id}/claim`)).statusCode).toBe(200)
    expect((await enabler.request('POST', `/api/tasks/${task!.id}/complete`, { outcome: 'Done it' })).statusCode).toBe(
      409,
    )
  })

  it('done with what was done; a letter is kept as a PDF; the practitioner sees it done', async () => {
    const [letterTask] = await tasksOf(sql`council_id = ${council.id} and task_type = 'workers_letter'`)
    // the race above may have left it with one of the racers: its claim lapses
    await dbx.handle.db
      .update(adminTasks)
      .set({ claimExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(adminTasks.id, letterTask!.id))
    expect((await enabler.request('POST', `/api/tasks/${letterTask!.id}/claim`)).statusCode).toBe(200)
    const draft = await enabler.request('GET', `/api/tasks/${letterTask!.id}/letter`)
    expect(draft.statusCode).toBe(200)
    expect(draft.headers['content-type']).toBe('application/pdf')
    expect(draft.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const done = await enabler.request('POST', `/api/tasks/${letterTask!.id}/complete`, {
      outcome: 'Posted first class',
      reference: 'POST-001',
    })
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({
      status: 'done',
      outcome: 'Posted first class',
      reference: 'POST-001',
      completedByName: 'Enid Enabler',
    })
    const [row] = await tasksOf(sql`id = ${letterTask!.id}`)
    expect(row!.artefact!.subarray(0, 5).toString()).toBe('%PDF-')
    const [letter] = await dbx.handle.db
      .select()
      .from(familyLetters)
      .where(eq(familyLetters.id, row!.sourceKey.slice('letter:'.length)))
    expect(letter!.status).toBe('sent')
    expect(
      (await enabler.request('POST', `/api/tasks/${letterTask!.id}/complete`, { outcome: 'Again' })).statusCode,
    ).toBe(409)
  })

  it('ask an enabler: one click from the family page, the practitioner follows it', async () => {
    const asked = await practitioner.request('POST', `/api/families/${heldFamilyId}/ask-enabler`, {
      request: 'Please book the family room at the centre for Thursday afternoon.',
    })
    expect(asked.statusCode).toBe(201)
    const mine = (await practitioner.request('GET', '/api/me/requests')).json() as { id: string; status: string }[]
    expect(mine.find((x) => x.id === asked.json().id)?.status).toBe('open')
    await enabler.request('POST', `/api/tasks/${asked.json().id}/claim`)
    await enabler.request('POST', `/api/tasks/${asked.json().id}/complete`, {
      outcome: 'Booked: family room, Thursday 2pm',
      reference: 'ROOM-42',
    })
    const after = (await practitioner.request('GET', `/api/families/${heldFamilyId}/tasks`)).json() as {
      id: string
      status: string
      outcome: string
    }[]
    expect(after.find((x) => x.id === asked.json().id)).toMatchObject({
      status: 'done',
      outcome: 'Booked: family room, Thursday 2pm',
    })
  })

  it('figures: volumes, time to complete and minutes saved per team and week match a hand count', async () => {
    const teamId = eastfield.id
    const done = await tasksOf(sql`council_id = ${council.id} and status = 'done' and team_id = ${teamId}`)
    const expectedMinutes = done.reduce((s, x) => s + x.minutesSaved, 0)
    const stats = (
      await (
        await signInByRole(t.app, dbx.handle.db, council, 'insight_adviser')
      ).request('GET', '/api/tasks/stats?weeks=4')
    ).json()
    const eastfieldRows = stats.savedByTeamWeek.filter((r: { teamId: string }) => r.teamId === teamId)
    expect(eastfieldRows.reduce((s: number, r: { minutes: number }) => s + r.minutes, 0)).toBe(expectedMinutes)
    const letters = stats.byType.find((r: { taskType: string }) => r.taskType === 'workers_letter')
    expect(letters.done).toBe(1)
    expect(letters.medianMinutesToComplete).toBeGreaterThanOrEqual(0)
    const ask = stats.byType.find((r: { taskType: string }) => r.taskType === 'ask_enabler')
    expect(ask).toMatchObject({ created: 1, done: 1, open: 0 })
    expect((await practitioner.request('GET', '/api/tasks/stats')).statusCode).toBe(403)
  })
})
