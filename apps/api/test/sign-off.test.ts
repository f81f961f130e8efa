import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { families } from '@hearth/db/schema/families'
import { proposalDecisions, spendThresholds } from '@hearth/db/schema/sign-off'
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
  signInWithEmail,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

type Signed = Awaited<ReturnType<typeof signInAs>>
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let eastfield: Team
let riverside: Team
let practitioner: Signed
let strategy: Signed
let strategy2: Signed
let admin: Signed
let familyId: string

/** The family's conversation, as its team last decided (set directly here: the move has its own tests). */
const setStage = (stage: number) =>
  dbx.handle.db.update(families).set({ conversationStage: stage }).where(eq(families.id, familyId))

const proposal = (over: Record<string, unknown> = {}) => ({
  what: 'Intensive family support, three evenings a week',
  forWhom: 'The whole family',
  why: 'Evenings are when things go wrong; a worker at home then can keep the children safe and at home.',
  weeklyPence: 50_000,
  weeks: 10,
  alternatives: 'Respite at weekends (not enough); a residential placement (the family wants to stay together).',
  familyView: '“We want help at home, not the kids taken away.”',
  ...over,
})

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const teams: Team[] = []
  const eastfieldPatch = await makePatch(db, council, { name: 'Eastfield', postcodeAreas: ['TE1'] })
  teams.push(await makeTeam(db, council, { patch: eastfieldPatch, name: 'Eastfield family team' }))
  for (const name of ['Riverside', 'Oakhill']) {
    const patch = await makePatch(db, council, { name, postcodeAreas: [`T${name[0]}1`] })
    teams.push(await makeTeam(db, council, { patch, name: `${name} family team` }))
  }
  ;[eastfield, riverside] = [teams[0]!, teams[1]!]
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [eastfield], name: 'Priya Practitioner' })
  await makePerson(db, council, { role: 'practitioner', teams: [eastfield], name: 'Alice Ashdown' })
  await makePerson(db, council, { role: 'practitioner', teams: [riverside] })
  const strategyTeam = await makeTeam(db, council, { kind: 'strategy' })
  strategy = await signInAs(t.app, db, council, 'strategy_member', { teams: [strategyTeam] })
  strategy2 = await signInAs(t.app, db, council, 'strategy_member', { teams: [strategyTeam] })
  admin = await signInAs(t.app, db, council, 'administrator')
  const family = await makeFamily(db, council, { patch: eastfieldPatch })
  await makeChild(db, family)
  await makeAllocation(db, family, eastfield, practitioner.person)
  familyId = family.id
  await setStage(3)
  // £5,000 needs sign-off (conversation 3); £20,000 needs two approvers
  expect(
    (
      await admin.request('POST', '/api/spend-thresholds', {
        signOffPence: 5_000_00,
        secondApproverPence: 20_000_00,
        decisionWorkingDays: 5,
        reason: 'Set for the pilot year',
      })
    ).statusCode,
  ).toBe(201)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('who decides', () => {
  it('routes at, just below and just above the threshold; conversations 1 and 2 stay with the team', async () => {
    const below = await practitioner.request(
      'POST',
      `/api/families/${familyId}/proposals`,
      proposal({ weeklyPence: 49_999, weeks: 10 }),
    )
    expect(below.statusCode).toBe(201)
    expect(below.json()).toMatchObject({ route: 'team', status: 'team_decided', totalPence: 499_990 })
    const at = await practitioner.request(
      'POST',
      `/api/families/${familyId}/proposals`,
      proposal({ weeklyPence: 50_000, weeks: 10 }),
    )
    expect(at.json()).toMatchObject({
      route: 'strategy',
      status: 'awaiting_strategy',
      totalPence: 500_000,
      approvalsNeeded: 1,
    })
    expect(at.json().decisionDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const above = await practitioner.request(
      'POST',
      `/api/families/${familyId}/proposals`,
      proposal({ weeklyPence: 50_001, weeks: 10 }),
    )
    expect(above.json().route).toBe('strategy')
    await setStage(2)
    const stage2 = await practitioner.request(
      'POST',
      `/api/families/${familyId}/proposals`,
      proposal({ weeklyPence: 100_000, weeks: 10 }),
    )
    await setStage(3)
    expect(stage2.json()).toMatchObject({ route: 'team', status: 'team_decided', conversationStage: 2 })
    // the team's own decision is in its decisions log
    const log = (await practitioner.request('GET', `/api/teams/${eastfield.id}/decisions`)).json()
    expect(
      log.some((d: { summary: string }) => d.summary.startsWith('The team agreed: Intensive family support')),
    ).toBe(true)
  })

  it('a proposal for a conversation-1 family is the team’s to agree whatever its cost; the form cannot say otherwise', async () => {
    await setStage(1)
    try {
      const res = await practitioner.request('POST', `/api/families/${familyId}/proposals`, {
        ...proposal({ what: 'Family group conference and a year of support', weeklyPence: 900_000, weeks: 52 }),
        // an old form, or a hopeful one: the conversation is the family's, not the request's
        conversationStage: 3,
      })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toMatchObject({
        route: 'team',
        status: 'team_decided',
        conversationStage: 1,
        totalPence: 900_000 * 52,
      })
      const log = (await practitioner.request('GET', `/api/teams/${eastfield.id}/decisions`)).json()
      expect(
        log.some((d: { summary: string }) =>
          d.summary.startsWith('The team agreed: Family group conference and a year of support'),
        ),
      ).toBe(true)
      const awaiting = (await strategy.request('GET', '/api/proposals?view=awaiting')).json()
      expect(awaiting.some((p: { id: string }) => p.id === res.json().id)).toBe(false)
    } finally {
      await setStage(3)
    }
  })

  it('a threshold change mid-flight does not reroute what was already submitted', async () => {
    const before = (
      await practitioner.request(
        'POST',
        `/api/families/${familyId}/proposals`,
        proposal({ weeklyPence: 60_000, weeks: 10 }),
      )
    ).json()
    expect(before.route).toBe('strategy')
    await admin.request('POST', '/api/spend-thresholds', {
      signOffPence: 10_000_00,
      secondApproverPence: 20_000_00,
      decisionWorkingDays: 5,
      reason: 'Raised after review',
    })
    const after = (
      await practitioner.request(
        'POST',
        `/api/families/${familyId}/proposals`,
        proposal({ weeklyPence: 60_000, weeks: 10 }),
      )
    ).json()
    expect(after.route).toBe('team')
    expect((await strategy.request('GET', `/api/proposals/${before.id}`)).json().route).toBe('strategy')
    const history = (await admin.request('GET', '/api/spend-thresholds')).json()
    expect(history.current.signOffPence).toBe(10_000_00)
    expect(history.history.map((h: { reason: string }) => h.reason)).toEqual([
      'Raised after review',
      'Set for the pilot year',
    ])
    await expect(dbx.handle.db.update(spendThresholds).set({ reason: 'rewritten' })).rejects.toThrow()
    await admin.request('POST', '/api/spend-thresholds', {
      signOffPence: 5_000_00,
      secondApproverPence: 20_000_00,
      decisionWorkingDays: 5,
      reason: 'Back to the pilot figures',
    })
  })

  it('the proposer can never decide their own proposal', async () => {
    // a strategy member who is also a practitioner in the team
    const both = await makePerson(dbx.handle.db, council, {
      name: 'Dual Roleholder',
      roles: ['practitioner', 'strategy_member'],
      teams: [eastfield],
    })
    const dual = await signInWithEmail(t.app, both.email)
    const p = (await dual.request('POST', `/api/families/${familyId}/proposals`, proposal())).json()
    const self = await dual.request('POST', `/api/proposals/${p.id}/decision`, {
      outcome: 'approve',
      reasonsForTeam: 'I think this is a good idea.',
    })
    expect(self.statusCode).toBe(403)
    expect(self.json().error.message).toMatch(/yourself/)
    expect(
      await dbx.handle.db.select().from(proposalDecisions).where(eq(proposalDecisions.proposalId, p.id)),
    ).toHaveLength(0)
  })

  it('above the higher threshold a second, different approver is needed', async () => {
    const p = (
      await practitioner.request(
        'POST',
        `/api/families/${familyId}/proposals`,
        proposal({ what: 'Residential placement', weeklyPence: 400_000, weeks: 10 }),
      )
    ).json()
    expect(p.approvalsNeeded).toBe(2)
    const first = await strategy.request('POST', `/api/proposals/${p.id}/decision`, {
      outcome: 'approve',
      reasonsForTeam: 'Safety first; we agree with the team.',
    })
    expect(first.json().status).toBe('awaiting_strategy')
    const again = await strategy.request('POST', `/api/proposals/${p.id}/decision`, {
      outcome: 'approve',
      reasonsForTeam: 'Approving a second time should not count.',
    })
    expect(again.statusCode).toBe(409)
    const second = await strategy2.request('POST', `/api/proposals/${p.id}/decision`, {
      outcome: 'approve',
      reasonsForTeam: 'Agreed, with a review at twelve weeks.',
      reasonsForFamily: 'We have agreed the placement your social worker asked for.',
    })
    expect(second.json().status).toBe('approved')
    expect(second.json().reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(second.json().decisions).toHaveLength(2)
  })

  it('decline and ask-for-more carry reasons the team reads; more information goes back round', async () => {
    const p = (await practitioner.request('POST', `/api/families/${familyId}/proposals`, proposal())).json()
    const more = await strategy.request('POST', `/api/proposals/${p.id}/decision`, {
      outcome: 'more_info',
      reasonsForTeam: 'What does the school think? Please ask them first.',
    })
    expect(more.json().status).toBe('more_info')
    expect(
      (
        await strategy.request('POST', `/api/proposals/${p.id}/decision`, {
          outcome: 'approve',
          reasonsForTeam: 'Trying to approve while waiting.',
        })
      ).statusCode,
    ).toBe(409)
    const back = await practitioner.request('POST', `/api/proposals/${p.id}/resubmit`, {
      why: 'The school supports it and will share a teaching assistant for mornings.',
    })
    expect(back.json().status).toBe('awaiting_strategy')
    const declined = await strategy.request('POST', `/api/proposals/${p.id}/decision`, {
      outcome: 'decline',
      reasonsForTeam: 'Try the family network first: Nan offered evenings.',
      reasonsForFamily: 'We think your family can help first; your worker will explain.',
    })
    expect(declined.json().status).toBe('declined')
    const seen = (await practitioner.request('GET', `/api/proposals/${p.id}`)).json()
    expect(seen.decisions.map((d: { reasonsForTeam: string }) => d.reasonsForTeam)).toEqual([
      'What does the school think? Please ask them first.',
      'Try the family network first: Nan offered evenings.',
    ])
  })

  it('only strategy members decide; practitioners see only their own teams’ proposals', async () => {
    const p = (await practitioner.request('POST', `/api/families/${familyId}/proposals`, proposal())).json()
    expect(
      (
        await practitioner.request('POST', `/api/proposals/${p.id}/decision`, {
          outcome: 'approve',
          reasonsForTeam: 'Approving my own team’s request.',
        })
      ).statusCode,
    ).toBe(403)
    const other = await signInAs(t.app, dbx.handle.db, council, 'practitioner', { teams: [riverside] })
    expect((await other.request('GET', `/api/proposals/${p.id}`)).statusCode).toBe(404)
    expect(
      ((await other.request('GET', '/api/proposals')).json() as { teamId: string }[]).every(
        (x) => x.teamId === riverside.id,
      ),
    ).toBe(true)
    expect((await other.request('POST', `/api/families/${familyId}/proposals`, proposal())).statusCode).toBe(404)
  })

  it('the council view shows committed spend by team, and the deadline list is for strategy', async () => {
    const overview = (await strategy.request('GET', '/api/council/overview')).json()
    const eastfield = overview.teams.find((x: { teamName: string }) => x.teamName === 'Eastfield family team')
    const all = (await strategy.request('GET', '/api/proposals')).json() as {
      teamId: string
      status: string
      totalPence: number
    }[]
    const expected = all
      .filter((x) => x.teamId === eastfield.teamId && ['approved', 'team_decided'].includes(x.status))
      .reduce((s, x) => s + x.totalPence, 0)
    expect(eastfield.committedPence).toBe(expected)
    expect(eastfield.committedPence).toBeGreaterThan(0)
    expect(overview.committedPence).toBe(
      overview.teams.reduce((s: number, x: { committedPence: number }) => s + x.committedPence, 0),
    )
    expect(overview.teams).toHaveLength(3)
    const drill = (await strategy.request('GET', `/api/council/teams/${eastfield.teamId}`)).json()
    expect(drill).toMatchObject({ teamName: 'Eastfield family team', committedPence: expected })
    expect(JSON.stringify(drill)).not.toMatch(/Priya|Alice/) // no individual workers
    expect((await practitioner.request('GET', '/api/council/overview')).statusCode).toBe(403)
    const awaiting = (await strategy.request('GET', '/api/proposals?view=awaiting')).json() as {
      decisionDueDate: string
    }[]
    const dues = awaiting.map((x) => x.decisionDueDate)
    expect([...dues].sort()).toEqual(dues)
  })
})
