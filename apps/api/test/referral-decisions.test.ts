import { testLogger } from '@hearth/test-kit/log-capture'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { offers, referrals } from '@hearth/db/schema/referrals'
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
  makeTeam,
  signInAs,
  type Patch,
  type Team,
  type TestApp,
} from '@hearth/test-kit'
import { requireEnv } from '@hearth/test-kit/env'
import { waitUntil } from '@hearth/test-kit/wait'

let t: TestApp
type Signed = Awaited<ReturnType<typeof signInAs>>
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let worker: RunningWorker
let council: Council
let eastfield: Team
let officer: Signed
let secondOfficer: Signed
let practitioner: Signed

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
  // three patches of two postcode districts each (NM7 and NM9 are nobody's), each with its team
  const teams: Team[] = []
  const patches: Patch[] = []
  for (const [i, name] of ['Eastfield', 'Riverside', 'Oakhill'].entries()) {
    const patch = await makePatch(db, council, { name, postcodeAreas: [`NM${2 * i + 1}`, `NM${2 * i + 2}`] })
    patches.push(patch)
    teams.push(await makeTeam(db, council, { patch, name: `${name} family team` }))
  }
  eastfield = teams[0]!
  const eastfieldPatch = patches[0]!
  const front = await makeTeam(db, council, { kind: 'referral' })
  officer = await signInAs(t.app, db, council, 'referral_officer', { teams: [front] })
  secondOfficer = await signInAs(t.app, db, council, 'referral_officer', { teams: [front] })
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [eastfield] })
  // two families the Eastfield team already holds
  for (let i = 0; i < 2; i++) {
    const family = await makeFamily(db, council, { patch: eastfieldPatch })
    await makeChild(db, family)
    await makeAllocation(db, family, eastfield, practitioner.person)
  }
})
afterAll(async () => {
  await worker.close()
  await t.close()
  await dbx.drop()
})

const eastfieldTeam = () => eastfield.id

function newReferral(over: Record<string, unknown> = {}) {
  return {
    receivedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    source: '2A',
    referrerName: 'Class teacher (invented)',
    referrerOrganisation: 'Copper Street School (invented)',
    worries: 'Robin said their dad hit them when he was angry. There is a red mark on Robin’s arm.',
    familyKnowledge: 'Mum knows we are calling and agrees.',
    familyConsent: 'agreed',
    family: {
      name: 'Larkmoor family',
      addressLine1: '12 Copper Street',
      town: 'Northmoor',
      postcode: 'NM1 7TT',
      language: 'English',
      interpreterNeeded: false,
    },
    children: [{ firstName: 'Robin', lastName: 'Larkmoor', dateOfBirth: '2016-09-12', sex: 'M', ethnicity: 'WBRI' }],
    ...over,
  }
}

describe('deciding and routing', () => {
  // How fast (median 44 ms, p99 151 ms here) is measured by `npm run bench`, not asserted in a test.
  it('an assessment decision puts the family on the patch team’s board, with timings kept', async () => {
    const created = (
      await officer.request(
        'POST',
        '/api/referrals',
        newReferral({ family: { ...newReferral().family, name: 'Swiftarrow family', postcode: 'NM2 8PL' } }),
      )
    ).json()
    const decided = await officer.request('POST', `/api/referrals/${created.id}/decision`, {
      decision: 'assessment',
      reasons: 'Robin has a mark on his arm and says his dad hit him. We need to assess.',
      primaryNeedCode: 'N1',
    })
    expect(decided.statusCode).toBe(200)
    await waitUntil(
      async () =>
        (
          (await practitioner.request('GET', `/api/teams/${eastfieldTeam()}/offers`)).json() as { referralId: string }[]
        ).some((o) => o.referralId === created.id),
      10_000,
      20,
    )
    const detail = (await officer.request('GET', `/api/referrals/${created.id}`)).json()
    expect(detail.routingStatus).toBe('routed')
    expect(detail.routedTeamName).toBe('Eastfield family team')
    expect(detail.timings.decidedToBoardSeconds).toBeGreaterThanOrEqual(0)
    expect(detail.timings.receivedToDecidedMinutes).toBeGreaterThanOrEqual(10)
    expect(detail.clock.state).toBe('met')
    // the practitioner can now open the family
    expect((await practitioner.request('GET', `/api/families/${created.familyId}`)).statusCode).toBe(200)
  })

  it('deciding twice, or at the same moment, is refused: one decision stands', async () => {
    const created = (
      await officer.request(
        'POST',
        '/api/referrals',
        newReferral({ family: { ...newReferral().family, name: 'Racewell family', postcode: 'NM5 2AB' } }),
      )
    ).json()
    const other = secondOfficer
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : officer).request('POST', `/api/referrals/${created.id}/decision`, {
          decision: i % 2 ? 'nfa' : 'early_help',
          reasons: `Decision number ${i} with enough words.`,
        }),
      ),
    )
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1)
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9)
    await waitUntil(async () => {
      const [r] = await dbx.handle.db.select().from(referrals).where(eq(referrals.id, created.id))
      return r!.routingStatus !== 'queued'
    }, 2_000)
    const offerCount = (
      (await dbx.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(offers)
        .where(eq(offers.referralId, created.id))) as [{ n: number }]
    )[0].n
    const [r] = await dbx.handle.db.select().from(referrals).where(eq(referrals.id, created.id))
    expect(offerCount).toBe(r!.decision === 'early_help' ? 1 : 0)
  })

  it('no further action puts nobody’s board to work', async () => {
    const created = (
      await officer.request(
        'POST',
        '/api/referrals',
        newReferral({ family: { ...newReferral().family, name: 'Quietbrook family', postcode: 'NM1 2CD' } }),
      )
    ).json()
    const res = await officer.request('POST', `/api/referrals/${created.id}/decision`, {
      decision: 'nfa',
      reasons: 'The school has already sorted this out with the family.',
    })
    expect(res.json().routingStatus).toBe('not_needed')
  })

  it('a postcode no patch covers lands on the “could not route” list, then goes to the team the officer chooses', async () => {
    const created = (
      await officer.request(
        'POST',
        '/api/referrals',
        newReferral({ family: { ...newReferral().family, name: 'Farfield family', postcode: 'NM9 4XY' } }),
      )
    ).json()
    await officer.request('POST', `/api/referrals/${created.id}/decision`, {
      decision: 'strategy_discussion',
      reasons: 'Robin has an injury and says his dad caused it. We must hold a strategy discussion.',
      primaryNeedCode: 'N1',
    })
    await waitUntil(
      async () =>
        ((await officer.request('GET', '/api/referrals?view=unroutable')).json() as { id: string }[]).some(
          (r) => r.id === created.id,
        ),
      2_000,
    )
    const listed = (
      (await officer.request('GET', '/api/referrals?view=unroutable')).json() as { id: string; routingNote: string }[]
    ).find((r) => r.id === created.id)!
    expect(listed.routingNote).toMatch(/No patch covers/)
    const routed = await officer.request('POST', `/api/referrals/${created.id}/route`, { teamId: eastfieldTeam() })
    expect(routed.statusCode).toBe(200)
    expect(routed.json().routingStatus).toBe('routed')
    // the team that got it can open the family even though it is outside their patch
    expect((await practitioner.request('GET', `/api/families/${created.familyId}`)).statusCode).toBe(200)
    const again = await officer.request('POST', `/api/referrals/${created.id}/route`, { teamId: eastfieldTeam() })
    expect(again.statusCode).toBe(409)
  })

  it('a referral about a family already open to a team goes to that team, flagged, and the team is told live', async () => {
    // Eastfield holds an offer for this family already (from the first test in this block).
    const [open] = await dbx.handle.db
      .select()
      .from(offers)
      .where(and(eq(offers.councilId, council.id), eq(offers.teamId, eastfieldTeam())))
      .limit(1)
    const events = await listenForEvents(practitioner)
    const created = await officer.request(
      'POST',
      '/api/referrals',
      newReferral({
        family: { existingFamilyId: open!.familyId },
        children: [{ firstName: 'Newby', lastName: 'Sibling', dateOfBirth: '2021-01-01', sex: 'F' }],
      }),
    )
    expect(created.statusCode).toBe(201)
    expect(created.json().openCase).toBe(true)
    await waitUntil(
      async () => events.received.some((e) => e.type === 'referral.open_case' && e.referralId === created.json().id),
      3_000,
    )
    await officer.request('POST', `/api/referrals/${created.json().id}/decision`, {
      decision: 'assessment',
      reasons: 'A new baby in a family the team already knows well; the team should assess.',
      primaryNeedCode: 'N4',
    })
    await waitUntil(async () => events.received.some((e) => e.type === 'offer.created' && e.openCase === true), 3_000)
    const board = (await practitioner.request('GET', `/api/teams/${eastfieldTeam()}/offers`)).json() as {
      referralId: string
      openCase: boolean
    }[]
    expect(board.find((o) => o.referralId === created.json().id)?.openCase).toBe(true)
    events.close()
  })

  it('a referral about a family a team holds puts it at the top of that team’s board, until 14 days pass (#32)', async () => {
    const me = (await practitioner.request('GET', '/api/auth/me')).json() as { teams: { id: string }[] }
    const teamId = me.teams[0]!.id
    type Held = { familyId: string; newReferral: { receivedAt: string; awaitingDecision: boolean } | null }
    const heldOf = async () =>
      ((await practitioner.request('GET', `/api/teams/${teamId}/board`)).json() as { held: Held[] }).held
    const before = await heldOf()
    const family = before.find((h) => h.newReferral === null)!
    expect(family).toBeDefined()
    const created = await officer.request(
      'POST',
      '/api/referrals',
      newReferral({
        family: { existingFamilyId: family.familyId },
        children: [{ firstName: 'Boardy', lastName: 'Newcomer', dateOfBirth: '2022-02-02', sex: 'M' }],
      }),
    )
    expect(created.statusCode, created.body).toBe(201)
    const after = await heldOf()
    expect(after.find((h) => h.familyId === family.familyId)!.newReferral).toMatchObject({ awaitingDecision: true })
    // the others the team holds are not flagged by it
    expect(after.filter((h) => h.newReferral).map((h) => h.familyId)).toEqual([family.familyId])
    // decided: still told, no longer waiting; a fortnight later it is no longer new
    await officer.request('POST', `/api/referrals/${created.json().id}/decision`, {
      decision: 'nfa',
      reasons: 'Already held by the team, who know of it and will talk with the family.',
    })
    expect((await heldOf()).find((h) => h.familyId === family.familyId)!.newReferral).toMatchObject({
      awaitingDecision: false,
    })
    await dbx.handle.db
      .update(referrals)
      .set({ receivedAt: sql`now() - interval '15 days'` })
      .where(eq(referrals.id, created.json().id))
    expect((await heldOf()).find((h) => h.familyId === family.familyId)!.newReferral).toBeNull()
  })

  it('a repeated routing job never makes a second offer', async () => {
    const created = (
      await officer.request(
        'POST',
        '/api/referrals',
        newReferral({ family: { ...newReferral().family, name: 'Twicerun family', postcode: 'NM1 9ZZ' } }),
      )
    ).json()
    await officer.request('POST', `/api/referrals/${created.id}/decision`, {
      decision: 'early_help',
      reasons: 'The family asked for help with routines; early help fits.',
    })
    await waitUntil(
      async () => (await dbx.handle.db.select().from(offers).where(eq(offers.referralId, created.id))).length === 1,
      2_000,
    )
    // deliver the same job twice more, as a retry or duplicate delivery would
    for (let i = 0; i < 2; i++)
      await worker.queues['hearth-routing'].add(
        'referral.route',
        { councilId: council.id, referralId: created.id },
        { jobId: `dup-${i}-${created.id}` },
      )
    await new Promise((r) => setTimeout(r, 400))
    expect(await dbx.handle.db.select().from(offers).where(eq(offers.referralId, created.id))).toHaveLength(1)
  })
})

/** Opens the server-sent event stream over real HTTP with the session's cookie. */
async function listenForEvents(s: Signed) {
  const address = await t.app
    .listen({ host: '127.0.0.1', port: 0 })
    .catch(() => `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`)
  const controller = new AbortController()
  const received: Record<string, unknown>[] = []
  const res = await fetch(`${address}/api/events`, { headers: { cookie: s.cookie }, signal: controller.signal })
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const chunk = buffer.slice(0, i)
          buffer = buffer.slice(i + 2)
          const data = chunk.split('\n').find((l) => l.startsWith('data: '))
          if (data) received.push(JSON.parse(data.slice(6)))
        }
      }
    } catch {
      /* aborted */
    }
  })()
  await new Promise((r) => setTimeout(r, 100)) // let the subscription start
  return { received, close: () => controller.abort() }
}
