import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminTasks } from '@hearth/db/schema/enablers'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import {
  buildTestApp,
  type Council,
  type Family,
  freshDatabase,
  makeAdult,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makeOffer,
  makePatch,
  makeProposal,
  makeReferral,
  makeTask,
  makeTeam,
  makeVisit,
  type Session,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #31, protection by construction: the scenarios tried from outside that failed, each through the
 * public API. A restricted record and a declared conflict of interest keep a family from a caller
 * in every list and every record route, for every role (kernel/family-access.ts).
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let team: Team
let adopted: Family
let known: Family
type Who = Session & { person: Awaited<ReturnType<typeof signInAs>>['person'] }
let lead: Who
let teammate: Who
let officer: Who
let enabler: Who
let strategy: Who
let adviser: Who

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  team = await makeTeam(db, council, { patch })
  adopted = await makeFamily(db, council, { patch, name: 'Quillfeather', postcode: 'NM1 4QQ' })
  await makeChild(db, adopted, { firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '2019-05-04' })
  known = await makeFamily(db, council, { patch, name: 'Marrowbone', postcode: 'NM1 7MB' })
  await makeChild(db, known, { firstName: 'Oswin', lastName: 'Marrowbone', dateOfBirth: '2017-02-11' })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  teammate = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  officer = await signInAs(t.app, db, council, 'referral_officer')
  enabler = await signInAs(t.app, db, council, 'enabler')
  strategy = await signInAs(t.app, db, council, 'strategy_member')
  adviser = await signInAs(t.app, db, council, 'insight_adviser')
  await makeAllocation(db, adopted, team, lead.person)
  await makeAllocation(db, known, team, lead.person)
  const restricted = await lead.request('PUT', `/api/families/${adopted.id}/restriction`, {
    restricted: true,
    namedPeople: [],
    reason: 'The child is placed for adoption',
  })
  expect(restricted.statusCode, restricted.body).toBe(200)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const declare = async (who: Session, family: Family) => {
  const res = await who.request('POST', '/api/me/conflicts', { reference: family.reference, reason: 'My neighbours' })
  expect(res.statusCode, res.body).toBe(201)
}

describe('the front door’s known-child matches (cause 6)', () => {
  it('a restricted child is a match with nothing of the child or family: break the glass to see it', async () => {
    const res = await officer.request(
      'GET',
      '/api/referrals/matches?firstName=Zephyrine&lastName=Quillfeather&dateOfBirth=2019-05-04',
    )
    expect(res.statusCode, res.body).toBe(200)
    const [m] = res.json()
    expect(m).toMatchObject({ familyId: adopted.id, kept: 'restricted', familyReference: adopted.reference })
    for (const word of ['Zephyrine', 'Quillfeather', '2019-05-04', 'NM1 4QQ', 'NM1'])
      expect(res.body).not.toContain(word)
  })

  it('the lead named on it sees the match in full', async () => {
    // the restriction named nobody but its maker (the lead); a practitioner cannot use the front door,
    // so the check is that a family not restricted still shows in full to the officer
    const res = await officer.request(
      'GET',
      '/api/referrals/matches?firstName=Oswin&lastName=Marrowbone&dateOfBirth=2017-02-11',
    )
    expect(res.json()[0]).toMatchObject({ kept: null, firstName: 'Oswin', familyName: 'Marrowbone' })
  })
})

describe('a conflict of interest, for every role (causes 8 and 9)', () => {
  it('declaring one on a restricted record answers as for no family', async () => {
    const res = await officer.request('POST', '/api/me/conflicts', { reference: adopted.reference, reason: 'x' })
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toContain(adopted.id)
  })

  it('keeps the family off the team board (held and waiting) and My day’s arrivals', async () => {
    const db = dbx.handle.db
    const waiting = await makeFamily(db, council, { name: 'Thistlewood', postcode: 'NM1 2TW' })
    const referral = await makeReferral(db, waiting, officer.person, {
      decision: 'assessment',
      decisionReasons: 'Worries',
    })
    await makeOffer(db, waiting, team, referral)
    for (const id of [known.id, waiting.id]) {
      expect((await teammate.request('GET', `/api/teams/${team.id}/board`)).body).toContain(id)
    }
    expect((await teammate.request('GET', '/api/me/day')).body).toContain(waiting.id)
    await declare(teammate, known)
    await declare(teammate, waiting)
    const board = (await teammate.request('GET', `/api/teams/${team.id}/board`)).body
    expect(board).not.toContain(known.id)
    expect(board).not.toContain(waiting.id)
    expect(board).not.toContain('Thistlewood')
    const day = (await teammate.request('GET', '/api/me/day')).body
    expect(day).not.toContain(waiting.id)
    expect(day).not.toContain('Thistlewood')
    // the lead, who declared nothing, still sees both
    const leads = (await lead.request('GET', `/api/teams/${team.id}/board`)).body
    expect(leads).toContain(known.id)
    expect(leads).toContain(waiting.id)
  })

  it('an enabler who knows the family gets none of its tasks, by the queue or by id', async () => {
    const task = await makeTask(dbx.handle.db, team, { family: known, taskType: 'interpreter_booking' })
    const before = (await enabler.request('GET', '/api/tasks?status=open')).body
    expect(before).toContain(task.id)
    await declare(enabler, known)
    expect((await enabler.request('GET', '/api/tasks?status=open')).body).not.toContain(task.id)
    expect((await enabler.request('GET', `/api/tasks/${task.id}/letter`)).statusCode).toBe(404)
    expect((await enabler.request('POST', `/api/tasks/${task.id}/claim`)).statusCode).toBe(404)
  })

  it('a strategy member who knows the family can neither read nor decide its proposal', async () => {
    const proposal = await makeProposal(dbx.handle.db, known, team, lead.person, { status: 'awaiting_strategy' })
    expect((await strategy.request('GET', '/api/proposals?view=awaiting')).body).toContain(proposal.id)
    await declare(strategy, known)
    expect((await strategy.request('GET', '/api/proposals?view=awaiting')).body).not.toContain(proposal.id)
    expect((await strategy.request('GET', `/api/proposals/${proposal.id}`)).statusCode).toBe(404)
    const decided = await strategy.request('POST', `/api/proposals/${proposal.id}/decision`, {
      outcome: 'approve',
      reasonsForTeam: 'A reasonable package for the children.',
    })
    expect(decided.statusCode).toBe(404)
  })

  it('an adviser who knows the family does not see its consultation; none sees a restricted family’s (cause 7)', async () => {
    const ask = (familyId: string) =>
      lead.request('POST', '/api/insight/requests', {
        kind: 'consultation',
        topic: 'legal_threshold',
        familyId,
        question: 'Are we at the threshold for pre-proceedings?',
      })
    const onKnown = await ask(known.id)
    expect(onKnown.statusCode, onKnown.body).toBe(201)
    const onAdopted = await ask(adopted.id)
    expect(onAdopted.statusCode, onAdopted.body).toBe(201)
    const queue = (await adviser.request('GET', '/api/insight/requests?view=waiting')).body
    expect(queue).toContain(onKnown.json().id)
    expect(queue).not.toContain(onAdopted.json().id)
    expect(queue).not.toContain('Quillfeather')
    expect((await adviser.request('GET', `/api/insight/requests/${onAdopted.json().id}`)).statusCode).toBe(404)
    await declare(adviser, known)
    expect((await adviser.request('GET', '/api/insight/requests?view=waiting')).body).not.toContain(onKnown.json().id)
    expect((await adviser.request('GET', `/api/insight/requests/${onKnown.json().id}`)).statusCode).toBe(404)
    expect((await adviser.request('POST', `/api/insight/requests/${onKnown.json().id}/take`)).statusCode).toBe(404)
    // the lead named on the restricted record still has both on the team's list
    const mine = (await lead.request('GET', '/api/insight/requests?view=team')).body
    expect(mine).toContain(onAdopted.json().id)
  })
})

describe('contact with the family (cause 1)', () => {
  it('a strategy discussion and section 47 recorded by the team hold contact exactly as the front door’s', async () => {
    const db = dbx.handle.db
    const patchId = team.patchId!
    const family = await makeFamily(db, council, { patchId, name: 'Brackenridge', postcode: 'NM1 3BR' })
    const child = await makeChild(db, family, { firstName: 'Isadora', lastName: 'Brackenridge' })
    const mum = await makeAdult(db, family, { name: 'Perpetua Brackenridge' })
    await makeAllocation(db, family, team, lead.person)
    const made = await lead.request('POST', `/api/families/${family.id}/family-links`, {
      adultId: mum.id,
      send: 'in_person',
    })
    expect(made.statusCode, made.body).toBe(201)
    const token = (made.json().url as string).split('#')[1]!
    const asFamily = () => t.app.inject({ method: 'GET', url: '/api/link', headers: { 'x-family-link': token } })
    expect((await asFamily()).statusCode).toBe(200)
    const today = londonDateOf(new Date())
    const step = (body: Record<string, unknown>) =>
      lead.request('POST', `/api/families/${family.id}/steps`, { childId: child.id, ...body })
    const ep = await step({
      kind: 'episode',
      on: addCalendarDays(today, -2),
      details: { referralSource: '6', primaryNeed: 'N1' },
    })
    expect(ep.statusCode, ep.body).toBe(201)
    const holds = async () =>
      ((await lead.request('GET', `/api/families/${family.id}/contact`)).json().holds as { reason: string }[]).map(
        (h) => h.reason,
      )
    expect(await holds()).toEqual([])
    const sd = await step({
      kind: 'strategy_discussion',
      on: addCalendarDays(today, -1),
      details: { agencies: ['police', 'health'], decision: 's47' },
    })
    expect(sd.statusCode, sd.body).toBe(201)
    expect(await holds()).toEqual(['safeguarding_enquiry'])
    const s47 = await step({ kind: 's47', on: addCalendarDays(today, -1), details: { icpcRequired: null } })
    expect(s47.statusCode, s47.body).toBe(201)
    expect(await holds()).toEqual(['safeguarding_enquiry']) // one hold, not two
    // a letter home made now is held; a new plan item does not reach the family's link
    const letter = await makeTask(db, team, { family, taskType: 'visit_confirmation' })
    const [row] = await db
      .select({ status: adminTasks.status })
      .from(adminTasks)
      .where(and(eq(adminTasks.councilId, council.id), eq(adminTasks.id, letter.id)))
    expect(row!.status).toBe('held')
    const item = await lead.request('POST', `/api/families/${family.id}/plan/items`, {
      what: 'Joint interview arranged with the police.',
      whoKind: 'worker',
      whoId: lead.personId,
    })
    expect(item.statusCode, item.body).toBe(201)
    expect((await asFamily()).body).not.toContain('Joint interview')
    // the hold is placed in the audit trail like the front door's
    const audit = await dbx.handle.db.execute(
      sql`select count(*)::int n from audit_events where council_id = ${council.id}
          and family_id = ${family.id} and action = 'contact_hold.place'`,
    )
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1)
  })
})

describe('the family’s link while contact is held (cause 2)', () => {
  it('a visit moved during a hold shows as it stood when the hold began: no new place, time or reason', async () => {
    const db = dbx.handle.db
    const family = await makeFamily(db, council, { patchId: team.patchId!, name: 'Fernsby', postcode: 'NM1 5FB' })
    const mum = await makeAdult(db, family, { name: 'Ottilie Fernsby' })
    await makeAllocation(db, family, team, lead.person)
    const startsAt = new Date(Date.now() + 3 * 86_400_000)
    const visit = await makeVisit(db, family, team, lead.person, { startsAt, place: 'At home' })
    const made = await lead.request('POST', `/api/families/${family.id}/family-links`, {
      adultId: mum.id,
      send: 'in_person',
    })
    expect(made.statusCode, made.body).toBe(201)
    const token = (made.json().url as string).split('#')[1]!
    const asFamily = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/link', headers: { 'x-family-link': token } })).json()
    expect((await asFamily()).upcoming[0]).toMatchObject({ place: 'At home' })
    const hold = await lead.request('POST', `/api/families/${family.id}/contact-holds`, {
      note: 'Police are planning a joint visit',
    })
    expect(hold.statusCode, hold.body).toBe(201)
    const later = new Date(startsAt.getTime() + 86_400_000)
    const moved = await lead.request('PATCH', `/api/visits/${visit.id}`, {
      startsAt: later.toISOString(),
      place: 'Northmoor police station, interview suite',
      reason: 'Joint interview with the police',
    })
    expect(moved.statusCode, moved.body).toBe(200)
    const view = await asFamily()
    expect(view.upcoming).toHaveLength(1)
    expect(view.upcoming[0]).toMatchObject({ place: 'At home' })
    expect(new Date(view.upcoming[0].startsAt).getTime()).toBe(startsAt.getTime())
    expect(JSON.stringify(view)).not.toMatch(/police|interview/i)
    // cancelled during the hold: still shown as booked, as it stood
    expect(
      (await lead.request('POST', `/api/visits/${visit.id}/cancel`, { reason: 'The police interview comes first' }))
        .statusCode,
    ).toBe(200)
    const after = await asFamily()
    expect(after.upcoming[0]).toMatchObject({ place: 'At home' })
    expect(JSON.stringify(after)).not.toMatch(/police|interview/i)
  })
})

describe('“contact not safe” (cause 3)', () => {
  it('holds a link to that person and letters to the home they live in, until the lead decides', async () => {
    const db = dbx.handle.db
    const family = await makeFamily(db, council, { patchId: team.patchId!, name: 'Hollowell', postcode: 'NM1 6HW' })
    const child = await makeChild(db, family, { firstName: 'Wren', lastName: 'Hollowell' })
    const grandad = await makeAdult(db, family, { name: 'Ambrose Hollowell', livesWithFamily: true })
    const mum = await makeAdult(db, family, { name: 'Clemency Hollowell', livesWithFamily: true })
    await makeAllocation(db, family, team, lead.person, teammate.person)
    const net = (await lead.request('GET', `/api/families/${family.id}/network`)).json() as {
      people: { id: string; childId: string | null; name: string }[]
    }
    const kid = net.people.find((p) => p.childId === child.id)!
    const him = net.people.find((p) => p.name === 'Ambrose Hollowell')!
    const holds = async () =>
      ((await lead.request('GET', `/api/families/${family.id}/contact`)).json().holds as { reason: string }[])
        .map((h) => h.reason)
        .sort()
    expect(await holds()).toEqual([])
    const linked = await lead.request('POST', `/api/families/${family.id}/network/links`, {
      fromId: him.id,
      toId: kid.id,
      kind: 'grandparent_of',
      contactSafe: 'no',
      worries: 'An alleged harmer: the police are investigating.',
    })
    expect(linked.statusCode, linked.body).toBe(201)
    // he lives in the home: contact with the home is held
    expect(await holds()).toEqual(['unsafe_in_household'])
    const letter = await makeTask(db, team, { family, taskType: 'visit_confirmation' })
    const [row] = await db
      .select({ status: adminTasks.status })
      .from(adminTasks)
      .where(and(eq(adminTasks.councilId, council.id), eq(adminTasks.id, letter.id)))
    expect(row!.status).toBe('held')
    // a link to him is refused without the lead's recorded decision, and the co-worker cannot decide
    const toHim = await lead.request('POST', `/api/families/${family.id}/family-links`, {
      adultId: grandad.id,
      send: 'in_person',
    })
    expect(toHim.statusCode, toHim.body).toBe(409)
    expect(toHim.json().error.message).toMatch(/not safe/)
    const byCoWorker = await teammate.request('POST', `/api/families/${family.id}/family-links`, {
      adultId: grandad.id,
      send: 'in_person',
      holdDecision: 'He must see the plan: agreed with the police.',
    })
    expect(byCoWorker.statusCode).toBe(403)
    // the lead ends the household hold (he has moved out), and then a link to mum is issued as usual
    const open = (await lead.request('GET', `/api/families/${family.id}/contact`)).json().holds[0]
    const moved = await lead.request('PUT', `/api/families/${family.id}/network/people/${him.id}`, {
      name: 'Ambrose Hollowell',
      kind: 'family',
      inHousehold: false,
      version: 1,
      reason: 'He has moved out',
    })
    expect([200, 409]).toContain(moved.statusCode)
    expect(
      (
        await lead.request('POST', `/api/families/${family.id}/contact-holds/${open.id}/end`, {
          reason: 'He has moved out; letters home are safe.',
        })
      ).statusCode,
    ).toBe(200)
    const toMum = await lead.request('POST', `/api/families/${family.id}/family-links`, {
      adultId: mum.id,
      send: 'in_person',
    })
    expect(toMum.statusCode, toMum.body).toBe(201)
    // still never to him without the lead's decision
    const again = await lead.request('POST', `/api/families/${family.id}/family-links`, {
      adultId: grandad.id,
      send: 'in_person',
    })
    expect(again.statusCode).toBe(409)
  })
})

describe('a letter kept from before the address became confidential (cause 4)', () => {
  it('is made again from today’s record when printed', async () => {
    const db = dbx.handle.db
    const family = await makeFamily(db, council, {
      patchId: team.patchId!,
      name: 'Sallowfield',
      addressLine1: '9 Larkspur Close',
      postcode: 'NM1 8LS',
    })
    await makeAllocation(db, family, team, lead.person)
    const task = await makeTask(db, team, { family, taskType: 'workers_letter' })
    const letterer = await signInAs(t.app, db, council, 'enabler')
    expect((await letterer.request('POST', `/api/tasks/${task.id}/claim`)).statusCode).toBe(200)
    const done = await letterer.request('POST', `/api/tasks/${task.id}/complete`, { outcome: 'Posted' })
    expect(done.statusCode, done.body).toBe(200)
    const [kept] = await db.select().from(adminTasks).where(eq(adminTasks.id, task.id))
    expect(kept!.artefact!.subarray(0, 5).toString()).toBe('%PDF-')
    const asSent = await letterer.request('GET', `/api/tasks/${task.id}/letter`)
    expect(Buffer.compare(asSent.rawPayload, kept!.artefact!)).toBe(0) // kept as sent
    const marked = await lead.request('PUT', `/api/families/${family.id}/address-confidentiality`, {
      confidential: true,
      reason: 'They have moved to a refuge',
    })
    expect(marked.statusCode, marked.body).toBe(200)
    const again = await letterer.request('GET', `/api/tasks/${task.id}/letter`)
    expect(again.statusCode).toBe(200)
    expect(again.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(Buffer.compare(again.rawPayload, kept!.artefact!)).not.toBe(0) // made again, "by hand"
  })
})
