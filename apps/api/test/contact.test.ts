import { testLogger } from '@hearth/test-kit/log-capture'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { adminTasks } from '@hearth/db/schema/enablers'
import { offers } from '@hearth/db/schema/referrals'
import { type RunningWorker, startWorker } from '@hearth/worker'
import { requireEnv } from '@hearth/test-kit/env'
import { waitUntil } from '@hearth/test-kit/wait'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeCouncil,
  makePatch,
  makeTeam,
  type Session,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/**
 * Letters and invitations never reach a family that must not know: a referral the family does not
 * know about, a strategy discussion, or the team's own "do not contact without checking" holds
 * them for the lead's decision. The worker runs, so the letters are made as they are in use.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let worker: RunningWorker
let council: Council
let team: Team
let lead: Session
let coWorker: Session
let officer: Session
let enabler: Session

beforeAll(async () => {
  dbx = await freshDatabase(20)
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
  team = await makeTeam(db, council, { patch })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team], name: 'Lena Leadworth (test)' })
  coWorker = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  officer = await signInAs(t.app, db, council, 'referral_officer')
  enabler = await signInAs(t.app, db, council, 'enabler', { teams: [await makeTeam(db, council)] })
})
afterAll(async () => {
  await worker.close()
  await t.close()
  await dbx.drop()
})

const tasksOf = (familyId: string, taskType: string) =>
  dbx.handle.db
    .select()
    .from(adminTasks)
    .where(
      and(eq(adminTasks.councilId, council.id), eq(adminTasks.familyId, familyId), eq(adminTasks.taskType, taskType)),
    )

/** A referral in, decided, routed to the team's board and taken by the lead: the family's id. */
async function referredAndTaken(familyConsent: string, decision: string, postcode: string) {
  const r = await officer.request('POST', '/api/referrals', {
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
    source: '6',
    referrerName: 'PC Invented (test)',
    worries: 'The child told a teacher that an adult at home hurt them. Mum does not know we were told.',
    familyConsent,
    family: { name: 'Quillfeather family', addressLine1: '4 Invented Row', town: 'Testtown', postcode },
    children: [{ firstName: 'Pip', lastName: 'Quillfeather', dateOfBirth: '2016-05-05', sex: 'F' }],
  })
  expect(r.statusCode, r.body).toBe(201)
  const referral = r.json()
  const d = await officer.request('POST', `/api/referrals/${referral.id}/decision`, {
    decision,
    reasons: 'A disclosure of harm by an adult in the household: a strategy discussion today.',
    primaryNeedCode: 'N1',
  })
  expect(d.statusCode, d.body).toBe(200)
  let offerId = ''
  await waitUntil(async () => {
    const [o] = await dbx.handle.db
      .select()
      .from(offers)
      .where(and(eq(offers.councilId, council.id), eq(offers.referralId, referral.id)))
    offerId = o?.id ?? ''
    return !!o
  }, 5_000)
  const claim = await lead.request('POST', `/api/teams/${team.id}/offers/${offerId}/claim`, {
    coWorkerId: coWorker.personId,
  })
  expect(claim.statusCode, claim.body).toBe(200)
  // the lead is told at once whether the letter naming the workers will go or is held
  expect(claim.json().contactHeld).toBe(familyConsent === 'not_aware')
  return referral.familyId as string
}

describe('contact with a family that must not know', () => {
  it('no letter goes until the lead decides; the enabler sees it held and why', async () => {
    const familyId = await referredAndTaken('not_aware', 'strategy_discussion', 'NM1 2AB')
    // at once, before or after the worker has made the enablers' task: held, never "waiting"
    const now = (await lead.request('GET', `/api/families/${familyId}/workers`)).json()
    expect(now).toMatchObject({ lettersHeld: 1, lettersWaiting: 0 })
    await waitUntil(async () => (await tasksOf(familyId, 'workers_letter')).length === 1, 5_000)
    const [letter] = await tasksOf(familyId, 'workers_letter')
    expect(letter!.status).toBe('held')
    expect(letter!.heldReason).toContain('does not know')
    expect(letter!.heldReason).toContain('strategy discussion')
    // the family's page says it is held for the lead, not that it waits for the enablers
    const workers = (await lead.request('GET', `/api/families/${familyId}/workers`)).json()
    expect(workers).toMatchObject({ lettersHeld: 1, lettersWaiting: 0 })

    // the enablers' queue shows it held, and nothing can send it
    const queue = (await enabler.request('GET', '/api/tasks')).json() as { id: string; status: string }[]
    expect(queue.find((q) => q.id === letter!.id)).toMatchObject({ status: 'held' })
    const claim = await enabler.request('POST', `/api/tasks/${letter!.id}/claim`, {})
    expect(claim.statusCode).toBe(409)
    expect(claim.json().error.message).toContain('Held for the lead’s decision')
    expect((await enabler.request('GET', `/api/tasks/${letter!.id}/letter`)).statusCode).toBe(409)

    // a visit booked now: its confirmation is held too
    const v = await lead.request('POST', `/api/families/${familyId}/visits`, {
      kind: 'home_visit',
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      place: 'At school',
    })
    expect(v.statusCode, v.body).toBe(201)
    await waitUntil(async () => (await tasksOf(familyId, 'visit_confirmation')).length === 1, 5_000)
    expect((await tasksOf(familyId, 'visit_confirmation'))[0]!.status).toBe('held')

    // only the lead decides
    const contact = (await lead.request('GET', `/api/families/${familyId}/contact`)).json()
    expect(contact.youAreLead).toBe(true)
    expect(contact.holds.map((h: { reason: string }) => h.reason).sort()).toEqual([
      'family_not_aware',
      'safeguarding_enquiry',
    ])
    expect(contact.held).toHaveLength(2)
    const byCo = await coWorker.request('POST', `/api/tasks/${letter!.id}/held-decision`, {
      send: true,
      reason: 'I think it is fine.',
    })
    expect(byCo.statusCode).toBe(403)
    expect((await tasksOf(familyId, 'workers_letter'))[0]!.status).toBe('held')

    // the lead releases the letter: a recorded decision; it joins the queue
    const send = await lead.request('POST', `/api/tasks/${letter!.id}/held-decision`, {
      send: true,
      reason: 'Strategy discussion held; mum has been told and agrees to letters.',
    })
    expect(send.statusCode, send.body).toBe(200)
    expect(send.json().held).toHaveLength(1)
    const [released] = await tasksOf(familyId, 'workers_letter')
    expect(released).toMatchObject({ status: 'open', holdDecision: expect.stringContaining('Send:') })
    expect((await enabler.request('POST', `/api/tasks/${letter!.id}/claim`, {})).statusCode).toBe(200)
    const [row] = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'contact.release'), eq(auditEvents.recordId, letter!.id)))
    expect(row).toMatchObject({ actorPersonId: lead.personId, familyId })
    // deciding twice is refused
    const again = await lead.request('POST', `/api/tasks/${letter!.id}/held-decision`, {
      send: false,
      reason: 'Changed my mind.',
    })
    expect(again.statusCode).toBe(409)
  })

  it('lifting the holds is the lead’s recorded decision; contact after it is not held', async () => {
    const familyId = await referredAndTaken('not_aware', 'strategy_discussion', 'NM1 3AB')
    const contact = (await lead.request('GET', `/api/families/${familyId}/contact`)).json()
    const byCo = await coWorker.request('POST', `/api/families/${familyId}/contact-holds/${contact.holds[0].id}/end`, {
      reason: 'Seems fine to me.',
    })
    expect(byCo.statusCode).toBe(403)
    for (const h of contact.holds) {
      const end = await lead.request('POST', `/api/families/${familyId}/contact-holds/${h.id}/end`, {
        reason: 'The enquiry is over and the family know the team is involved.',
      })
      expect(end.statusCode, end.body).toBe(200)
    }
    expect((await lead.request('GET', `/api/families/${familyId}/contact`)).json().holds).toEqual([])
    const v = await lead.request('POST', `/api/families/${familyId}/visits`, {
      kind: 'home_visit',
      startsAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      place: 'At home',
    })
    expect(v.statusCode).toBe(201)
    await waitUntil(async () => (await tasksOf(familyId, 'visit_confirmation')).length === 1, 5_000)
    expect((await tasksOf(familyId, 'visit_confirmation'))[0]!.status).toBe('open')
    // the letter made while the holds were open is still waiting for its own decision
    expect((await tasksOf(familyId, 'workers_letter'))[0]!.status).toBe('held')
  })

  it('“do not contact without checking” takes back a letter an enabler was already sending', async () => {
    const familyId = await referredAndTaken('agreed', 'assessment', 'NM1 4AB')
    await waitUntil(async () => (await tasksOf(familyId, 'workers_letter')).length === 1, 5_000)
    const [letter] = await tasksOf(familyId, 'workers_letter')
    expect(letter!.status).toBe('open')
    expect((await enabler.request('POST', `/api/tasks/${letter!.id}/claim`, {})).statusCode).toBe(200)
    const hold = await coWorker.request('POST', `/api/families/${familyId}/contact-holds`, {
      note: 'Dad has moved back in; check with the lead before anything goes to the house.',
    })
    expect(hold.statusCode, hold.body).toBe(201)
    expect((await tasksOf(familyId, 'workers_letter'))[0]).toMatchObject({ status: 'held', claimedBy: null })
    const done = await enabler.request('POST', `/api/tasks/${letter!.id}/complete`, { outcome: 'Posted.' })
    expect(done.statusCode).toBe(409)
    // two leads' decisions at once: exactly one wins
    const decide = () =>
      lead.request('POST', `/api/tasks/${letter!.id}/held-decision`, { send: false, reason: 'Not while dad is there.' })
    const answers = await Promise.all([decide(), decide(), decide(), decide()])
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409])
    const counted = await dbx.handle.db.execute(
      sql`select count(*)::int n from audit_events where action = 'contact.withhold' and record_id = ${letter!.id}`,
    )
    expect((counted as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1)
    expect((await tasksOf(familyId, 'workers_letter'))[0]!.status).toBe('cancelled')
  })
})
