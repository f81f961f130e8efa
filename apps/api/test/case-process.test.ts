import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { caseSteps, clockDues } from '@hearth/db/schema/case-process'
import { clockDueDate } from '@hearth/domain/clocks'
import { addCalendarDays, holidaySet, londonDateOf } from '@hearth/domain/working-days'
import {
  buildTestApp,
  type Child,
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
 * #15, the statutory case process on PostgreSQL: steps recorded by the team holding the family,
 * the order rules refused naming the field, the clocks that follow (and move when a date is
 * corrected), what is due for the lead and the team, and the council's own local lengths.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let team: Team
let family: Family
let ava: Child
let cy: Child
/** Another family held by the team, with one child. */
let anotherFamily: () => Promise<{ family: Family; child: Child }>
let lead: Awaited<ReturnType<typeof signInAs>>
let neighbour: Awaited<ReturnType<typeof signInAs>>
let stranger: Awaited<ReturnType<typeof signInAs>>
let admin: Awaited<ReturnType<typeof signInAs>>
let enabler: Awaited<ReturnType<typeof signInAs>>
const hol = holidaySet()
const today = londonDateOf(new Date())
const daysAgo = (n: number) => addCalendarDays(today, -n)
/** A weekday some days ago (conferences are never at a weekend). */
const weekdayAgo = (n: number) => {
  let d = daysAgo(n)
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addCalendarDays(d, -1)
  return d
}

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  const council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  anotherFamily = async () => {
    const f = await makeFamily(db, council, { patch })
    const child = await makeChild(db, f, { firstName: 'Dot' })
    await makeAllocation(db, f, team, lead.person)
    return { family: f, child }
  }
  team = await makeTeam(db, council, { patch })
  // a second team on the same patch: it may see the family, but does not hold it
  const sameP = await makeTeam(db, council, { patch })
  family = await makeFamily(db, council, { patch })
  ava = await makeChild(db, family, { firstName: 'Ava' })
  cy = await makeChild(db, family, { firstName: 'Cy' })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  neighbour = await signInAs(t.app, db, council, 'practitioner', { teams: [sameP] })
  admin = await signInAs(t.app, db, council, 'administrator')
  enabler = await signInAs(t.app, db, council, 'enabler')
  await makeAllocation(db, family, team, lead.person)
  const other = await makeCouncil(db)
  const otherTeam = await makeTeam(db, other, { patch: await makePatch(db, other, { postcodeAreas: ['NM1'] }) })
  stranger = await signInAs(t.app, db, other, 'practitioner', { teams: [otherTeam] })
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const post = (who: typeof lead, body: Record<string, unknown>) =>
  who.request('POST', `/api/families/${family.id}/steps`, body)
const episode = (childId: string, on: string) => ({
  childId,
  kind: 'episode',
  on,
  details: { referralSource: '6', primaryNeed: 'N1' },
})
const problem = (res: { json(): { error: { details: { field: string; message: string }[] } } }) =>
  res.json().error.details[0]!

describe('statutory steps and their clocks', () => {
  it('a strategy discussion that starts section 47 enquiries sets the ICPC clock at 15 working days', async () => {
    expect((await post(lead, episode(ava.id, daysAgo(40)))).statusCode).toBe(201)
    const sd = await post(lead, {
      childId: ava.id,
      kind: 'strategy_discussion',
      on: daysAgo(30),
      details: { agencies: ['police', 'health'], decision: 's47' },
    })
    expect(sd.statusCode, sd.body).toBe(201)
    expect((await post(lead, { childId: ava.id, kind: 's47', on: daysAgo(30), details: {} })).statusCode).toBe(201)
    const cp = (await lead.request('GET', `/api/families/${family.id}/case-process`)).json()
    expect(cp.steps.map((s: { kind: string }) => s.kind)).toEqual(['episode', 'strategy_discussion', 's47'])
    expect(cp.clocks).toEqual([
      expect.objectContaining({
        clock: 'icpc',
        childId: ava.id,
        startOn: daysAgo(30),
        dueOn: clockDueDate('icpc', daysAgo(30), hol),
        state: 'overdue',
        source: expect.stringMatching(/Working Together/),
      }),
    ])
    const mine = (await lead.request('GET', '/api/me/clocks')).json()
    const board = (await lead.request('GET', `/api/teams/${team.id}/clocks`)).json()
    expect(mine.map((c: { key: string }) => c.key)).toEqual(cp.clocks.map((c: { key: string }) => c.key))
    expect(board.map((c: { key: string }) => c.key)).toEqual(mine.map((c: { key: string }) => c.key))
    // the team board carries what is overdue or due soon itself, and how many run later
    const onBoard = (await lead.request('GET', `/api/teams/${team.id}/board`)).json().due
    expect(onBoard).toEqual({
      urgent: [expect.objectContaining({ key: cp.clocks[0].key, state: 'overdue' })],
      later: 0,
    })
  })

  it('order rules are refused naming the field: an ICPC before its strategy discussion, a CP plan without one', async () => {
    const early = await post(lead, {
      childId: ava.id,
      kind: 'conference',
      on: weekdayAgo(35),
      details: { type: 'initial', decision: 'plan', chair: 'Independent chair' },
    })
    expect(early.statusCode).toBe(400)
    expect(problem(early)).toMatchObject({ field: 'body.on' })
    const plan = await post(lead, {
      childId: ava.id,
      kind: 'cp_plan',
      on: daysAgo(5),
      details: { category: 'NEG' },
    })
    expect(plan.statusCode).toBe(400)
    expect(problem(plan).message).toMatch(/initial conference/)
    // a closure before the referral
    const closure = await post(lead, { ...episode(cy.id, daysAgo(10)), endOn: daysAgo(12) })
    expect(closure.statusCode).toBe(400)
    expect(problem(closure)).toMatchObject({ field: 'body.endOn', census: '8630' })
    // a pre-proceedings outcome without its start
    const pp = await post(lead, { childId: ava.id, kind: 'pre_proceedings', details: { outcome: 'A' } })
    expect(pp.statusCode).toBe(400)
    expect(problem(pp).field).toBe('body.on')
    // FGDM not offered without the reason the Act allows
    const fgdm = await post(lead, {
      childId: ava.id,
      kind: 'pre_proceedings',
      on: daysAgo(10),
      details: { lbpSentOn: daysAgo(9), fgdmOffered: false },
    })
    expect(fgdm.statusCode).toBe(400)
    expect(problem(fgdm)).toMatchObject({
      field: 'body.details.fgdmNotOfferedReason',
      message: expect.stringMatching(/best interests/),
    })
    // a code not in the census list
    const code = await post(lead, { ...episode(cy.id, daysAgo(10)), details: { referralSource: 'ZZ' } })
    expect(code.statusCode).toBe(400)
    expect(problem(code).field).toBe('body.details.referralSource')
    const rows = await dbx.handle.db.select().from(caseSteps).where(eq(caseSteps.childId, cy.id))
    expect(rows).toEqual([])
  })

  it('correcting the strategy discussion’s date moves the ICPC clock at once; the step before is kept', async () => {
    const cp = (await lead.request('GET', `/api/families/${family.id}/case-process`)).json()
    const sd = cp.steps.find((s: { kind: string }) => s.kind === 'strategy_discussion')
    const before = cp.clocks[0]
    const fixed = await lead.request('PUT', `/api/steps/${sd.id}`, {
      version: sd.version,
      reason: 'The discussion was the day before: typed wrongly.',
      kind: 'strategy_discussion',
      on: daysAgo(31),
      details: sd.details,
    })
    expect(fixed.statusCode, fixed.body).toBe(200)
    expect(fixed.json()).toMatchObject({ version: 2, corrections: 1 })
    const [due] = await dbx.handle.db.select().from(clockDues).where(eq(clockDues.key, before.key))
    expect(due!.dueOn).toBe(clockDueDate('icpc', daysAgo(31), hol))
    const detailRes = await lead.request('GET', `/api/steps/${sd.id}`)
    expect(detailRes.statusCode, detailRes.body).toBe(200)
    const detail = detailRes.json()
    expect(detail.changes).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ on: daysAgo(30) }),
        after: expect.objectContaining({ on: daysAgo(31) }),
      }),
    ])
    const stale = await lead.request('PUT', `/api/steps/${sd.id}`, {
      version: 1,
      reason: 'again',
      kind: 'strategy_discussion',
      on: daysAgo(32),
      details: sd.details,
    })
    expect(stale.statusCode).toBe(409)
    await expect(dbx.handle.db.execute(sql`delete from case_steps where id = ${sd.id}`)).rejects.toThrow()
    await expect(dbx.handle.db.execute(sql`update case_step_changes set reason = 'x'`)).rejects.toThrow()
  })

  it('holding the ICPC stops its clock; the CP plan’s clocks start from it', async () => {
    const icpcOn = weekdayAgo(3)
    const conf = await post(lead, {
      childId: ava.id,
      kind: 'conference',
      on: icpcOn,
      details: { type: 'initial', decision: 'plan', chair: 'Independent chair' },
    })
    expect(conf.statusCode, conf.body).toBe(201)
    const plan = await post(lead, { childId: ava.id, kind: 'cp_plan', on: icpcOn, details: { category: 'NEG' } })
    expect(plan.statusCode, plan.body).toBe(201)
    const cp = (await lead.request('GET', `/api/families/${family.id}/case-process`)).json()
    const by = Object.fromEntries(cp.clocks.map((c: { clock: string; dueOn: string }) => [c.clock, c.dueOn]))
    expect(by).toEqual({
      first_core_group: clockDueDate('first_core_group', icpcOn, hol),
      first_rcpc: clockDueDate('first_rcpc', icpcOn, hol),
      cp_visit: clockDueDate('cp_visit', icpcOn, hol),
    })
  })

  it('each step and each correction is on the family’s chronology', async () => {
    const res = await lead.request('GET', `/api/families/${family.id}/chronology`)
    expect(res.statusCode, res.body).toBe(200)
    const statutory = (res.json() as { kind: string; title: string; detail: string | null }[]).filter(
      (e) => e.kind === 'statutory',
    )
    expect(statutory.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        `Strategy discussion: Ava ${ava.lastName}`,
        `Child protection plan: Ava ${ava.lastName}`,
        `Corrected: strategy discussion for Ava ${ava.lastName}`,
      ]),
    )
    const sd = statutory.find((e) => e.title.startsWith('Strategy discussion'))!
    expect(sd.detail).toBe('Police, Health. Section 47 enquiries start.')
  })

  it('the letter before proceedings goes through the enablers; sent, the step records the day and the offer', async () => {
    const pp = await post(lead, { childId: ava.id, kind: 'pre_proceedings', on: daysAgo(2), details: {} })
    expect(pp.statusCode, pp.body).toBe(201)
    const stepId = pp.json().id
    // the strategy discussion recorded above held contact (#31): while it is open, the letter is held
    const contact = (await lead.request('GET', `/api/families/${family.id}/contact`)).json()
    expect(contact.holds.map((h: { reason: string }) => h.reason)).toEqual(['safeguarding_enquiry'])
    const held = await lead.request('POST', `/api/steps/${stepId}/letter-before-proceedings`)
    expect(held.json()).toMatchObject({ created: true, status: 'held' })
    // the lead ends the hold, saying why, and decides to send what waited
    const end = await lead.request('POST', `/api/families/${family.id}/contact-holds/${contact.holds[0].id}/end`, {
      reason: 'The enquiry is finished; the family know of it.',
    })
    expect(end.statusCode, end.body).toBe(200)
    const decided = await lead.request('POST', `/api/tasks/${held.json().taskId}/held-decision`, {
      send: true,
      reason: 'The family must have this letter.',
    })
    expect(decided.statusCode, decided.body).toBe(200)
    const ask = await lead.request('POST', `/api/steps/${stepId}/letter-before-proceedings`)
    expect(ask.statusCode, ask.body).toBe(200)
    expect(ask.json()).toMatchObject({ created: false, status: 'open' })
    const taskId = ask.json().taskId
    expect((await enabler.request('POST', `/api/tasks/${taskId}/claim`)).statusCode).toBe(200)
    const done = await enabler.request('POST', `/api/tasks/${taskId}/complete`, { outcome: 'Posted first class' })
    expect(done.statusCode, done.body).toBe(200)
    const step = (await lead.request('GET', `/api/steps/${stepId}`)).json()
    expect(step.details).toMatchObject({ lbpSentOn: today, fgdmOffered: true })
    expect(step.changes[0].reason).toMatch(/enablers sent the letter/)
    const letter = await enabler.request('GET', `/api/tasks/${taskId}/letter`)
    expect(letter.headers['content-type']).toContain('application/pdf')
    expect((await lead.request('POST', `/api/steps/${stepId}/letter-before-proceedings`)).statusCode).toBe(409)
    // not for another kind of step
    const sd = (await lead.request('GET', `/api/families/${family.id}/case-process`)).json().steps[0]
    expect((await lead.request('POST', `/api/steps/${sd.id}/letter-before-proceedings`)).statusCode).toBe(400)
  })

  it('two overlapping episodes sent at once: exactly one is recorded', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post(lead, episode(cy.id, daysAgo(30 - i)))))
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1)
    expect(results.filter((r) => r.statusCode === 400)).toHaveLength(7)
    const rows = await dbx.handle.db
      .select()
      .from(caseSteps)
      .where(and(eq(caseSteps.childId, cy.id), eq(caseSteps.kind, 'episode')))
    expect(rows).toHaveLength(1)
  })

  it('only the holding team records; another council learns nothing; every write is audited', async () => {
    const res = await post(neighbour, episode(cy.id, daysAgo(3)))
    expect(res.statusCode).toBe(403)
    expect((await stranger.request('GET', `/api/families/${family.id}/case-process`)).statusCode).toBe(404)
    expect((await stranger.request('POST', `/api/families/${family.id}/steps`, episode(cy.id, today))).statusCode).toBe(
      404,
    )
    const [s] = await dbx.handle.db.select().from(caseSteps).where(eq(caseSteps.childId, ava.id)).limit(1)
    expect((await stranger.request('GET', `/api/steps/${s!.id}`)).statusCode).toBe(404)
    const audit = await dbx.handle.db.select().from(auditEvents).where(eq(auditEvents.recordType, 'case_step'))
    expect(audit.filter((a) => a.action === 'case_step.record').length).toBeGreaterThanOrEqual(6)
    expect(audit.filter((a) => a.action === 'case_step.correct')).toHaveLength(1)
    expect(audit.filter((a) => a.action === 'case_step.record').length).toBeGreaterThanOrEqual(7)
  })

  it('an administrator sets a local clock’s length with a reason; the running clocks move; law is not theirs', async () => {
    const set = await admin.request('PUT', '/api/council/clocks/cp_visit', {
      length: 5,
      reason: 'Weekly visits agreed',
    })
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json()).toMatchObject({ length: 5, defaultLength: 10, history: [{ length: 5 }] })
    const cp = (await lead.request('GET', `/api/families/${family.id}/case-process`)).json()
    const visit = cp.clocks.find((c: { clock: string }) => c.clock === 'cp_visit')
    expect(visit.dueOn).toBe(clockDueDate('cp_visit', visit.startOn, hol, { cp_visit: 5 }))
    expect((await admin.request('PUT', '/api/council/clocks/icpc', { length: 30, reason: 'no' })).statusCode).toBe(403)
    expect((await admin.request('PUT', '/api/council/clocks/nope', { length: 3, reason: 'no' })).statusCode).toBe(404)
    expect((await lead.request('PUT', '/api/council/clocks/cp_visit', { length: 3, reason: 'no' })).statusCode).toBe(
      403,
    )
    const again = await admin.request('PUT', '/api/council/clocks/cp_visit', {
      length: 10,
      reason: 'Back to fortnightly',
    })
    expect(again.json().history.map((h: { length: number }) => h.length)).toEqual([10, 5])
  })

  it('an initial child protection conference is never folded under "coming up later" (#32)', async () => {
    const { family: f, child } = await anotherFamily()
    const to = (body: Record<string, unknown>) => lead.request('POST', `/api/families/${f.id}/steps`, body)
    expect((await to(episode(child.id, today))).statusCode).toBe(201)
    const sd = await to({
      childId: child.id,
      kind: 'strategy_discussion',
      on: today,
      details: { agencies: ['police'], decision: 's47' },
    })
    expect(sd.statusCode, sd.body).toBe(201)
    const cp = (await lead.request('GET', `/api/families/${f.id}/case-process`)).json()
    const icpc = cp.clocks.find((c: { clock: string }) => c.clock === 'icpc')
    // fifteen working days off: on track, and on the board in full all the same
    expect(icpc).toMatchObject({ state: 'on_track', dueOn: clockDueDate('icpc', today, hol) })
    const due = (await lead.request('GET', `/api/teams/${team.id}/board`)).json().due
    // with who is responsible for it: the family's lead
    expect(due.urgent).toContainEqual(
      expect.objectContaining({ key: icpc.key, state: 'on_track', leadName: lead.person.name }),
    )
    expect(icpc.leadName).toBe(lead.person.name)
  })

  it('a step refused for one missing before it says so in words, with the rule apart and the step offered', async () => {
    const { family: f, child } = await anotherFamily()
    const res = await lead.request('POST', `/api/families/${f.id}/steps`, {
      childId: child.id,
      kind: 'strategy_discussion',
      on: today,
      details: { agencies: ['police'], decision: 's47' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details).toEqual([
      {
        field: 'body.on',
        message: 'record the episode of need first: this date is outside any episode of need',
        census: '1103, 2889, 1105, 4015',
        offer: 'episode',
      },
    ])
  })

  it('the board tags a family under an open section 47 enquiry, and not once it has ended', async () => {
    const { family: f, child } = await anotherFamily()
    const to = (body: Record<string, unknown>) => lead.request('POST', `/api/families/${f.id}/steps`, body)
    const tag = async () => {
      const board = (await lead.request('GET', `/api/teams/${team.id}/board`)).json()
      return board.held.find((h: { familyId: string }) => h.familyId === f.id)?.protection
    }
    expect((await to(episode(child.id, daysAgo(20)))).statusCode).toBe(201)
    expect(await tag()).toBeNull()
    const sd = { agencies: ['police'], decision: 's47' }
    expect(
      (await to({ childId: child.id, kind: 'strategy_discussion', on: daysAgo(19), details: sd })).statusCode,
    ).toBe(201)
    const s47 = await to({ childId: child.id, kind: 's47', on: daysAgo(18), details: {} })
    expect(s47.statusCode, s47.body).toBe(201)
    expect(await tag()).toBe('s47')
    const step = s47.json()
    const ended = await lead.request('PUT', `/api/steps/${step.id}`, {
      version: step.version,
      reason: 'The enquiry finished: nothing further.',
      kind: 's47',
      on: step.on,
      endOn: daysAgo(5),
      details: step.details,
    })
    expect(ended.statusCode, ended.body).toBe(200)
    expect(await tag()).toBeNull()
  })
})
