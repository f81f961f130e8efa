import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '@hearth/domain/roles'
import Fastify from 'fastify'
import fp from 'fastify-plugin'
import restrictionGuard, { namesAnId } from '../src/plugins/restriction-guard'
import { FAMILY_RECORDS } from '../src/kernel/family-access'
import { makeTestApp, signInAs, type Session, type TestApp } from '@hearth/test-kit/app'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { loadRouteCases } from '@hearth/test-kit/route-cases'
import { DEMO_EMAIL, fill, idsFor } from '@hearth/test-kit/route-ids'

/** A body valid in the caller's own council, so only the cross-council id can stop it. */
const VALID = (await loadRouteCases(new URL('./routes/', import.meta.url))).validBody

/**
 * Deny by default, over every registered route: a route without an access rule fails here, and
 * each rule is checked against every role, signed out, and across councils.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
const sessionsA = new Map<Role, Session>()
const sessionsB = new Map<Role, Session>()
const ids: { a: Record<string, string>; b: Record<string, string> } = { a: {}, b: {} }

beforeAll(async () => {
  dbx = await freshPgDatabase()
  seeded = await seedTwoCouncils(dbx.handle, 14)
  t = await makeTestApp(dbx.handle)
  for (const role of ROLES) {
    sessionsA.set(role, await signInAs(t.app, `${DEMO_EMAIL[role]}@northmoor.example`))
    sessionsB.set(role, await signInAs(t.app, `${DEMO_EMAIL[role]}@southmere.example`))
  }
  // a proposal in each council (strategy routes), and an audit export (download routes)
  for (const [s, council] of [
    [sessionsA, seeded.a],
    [sessionsB, seeded.b],
  ] as const) {
    const fam = (
      (await dbx.handle.db.execute(
        sql.raw(
          `select family_id from allocations a join people p on p.id = a.person_id where a.council_id = '${council.councilId}' and a.role = 'lead' and p.email like 'practitioner@%' limit 1`,
        ),
      )) as unknown as { rows: { family_id: string }[] }
    ).rows[0]!.family_id
    const r = await s.get('practitioner')!.request('POST', `/api/families/${fam}/proposals`, {
      what: 'Respite',
      forWhom: 'The children',
      why: 'A break',
      weeklyPence: 1_000_000,
      weeks: 20,
      alternatives: 'None',
      familyView: 'Yes please',
    })
    if (r.statusCode !== 201) throw new Error(`proposal fixture: ${r.body}`)
  }
  // a consultation request in each council (insight routes)
  for (const [s, council] of [
    [sessionsA, seeded.a],
    [sessionsB, seeded.b],
  ] as const) {
    const r = await s.get('practitioner')!.request('POST', '/api/insight/requests', {
      kind: 'coaching',
      topic: 'systemic_case_discussion',
      teamId: council.teamIds['Eastfield family team'],
      question: 'A systemic discussion for the team, please.',
    })
    if (r.statusCode !== 201) throw new Error(`insight fixture: ${r.body}`)
    const fam = (
      (await dbx.handle.db.execute(
        sql.raw(
          `select family_id from allocations a join people p on p.id = a.person_id where a.council_id = '${council.councilId}' and a.role = 'lead' and p.email like 'practitioner@%' limit 1`,
        ),
      )) as unknown as { rows: { family_id: string }[] }
    ).rows[0]!.family_id
    const c = await s.get('practitioner')!.request('POST', `/api/families/${fam}/commissions`, {
      need: 'Night support',
      why: 'Nothing listed works at night.',
      familyView: 'Yes please',
      weeks: 4,
      budgetPence: 100_000,
    })
    if (c.statusCode !== 201) throw new Error(`commission fixture: ${c.body}`)
  }
  // an audit export in each council, so download routes have something to refuse
  await sessionsA.get('administrator')!.request('POST', '/api/audit/exports', {})
  await sessionsB.get('administrator')!.request('POST', '/api/audit/exports', {})
  ids.a = await idsFor(dbx.handle.db, seeded.a.councilId, seeded.a.patchIds[0]!)
  ids.b = await idsFor(dbx.handle.db, seeded.b.councilId, seeded.b.patchIds[0]!)
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'))

describe('every route has an access rule', () => {
  it('no route is left without a rule (deny by default)', () => {
    const missing = t.app.routeTable.filter((r) => r.access === undefined && r.method !== 'HEAD')
    expect(missing).toEqual([])
    expect(apiRoutes().length).toBeGreaterThan(20)
  })

  it('only sign-in, and the councils to choose from there, are public under /api', () => {
    const pub = apiRoutes()
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !r.startsWith('HEAD '))
    expect(pub.sort()).toEqual(['GET /api/auth/councils', 'POST /api/auth/sign-in'])
  })

  it('signed out, every non-public route answers 401 and nothing else', async () => {
    for (const r of apiRoutes().filter((x) => x.access !== 'public')) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fill(r.url, ids.a),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      })
      // the family's own pages, without their link, are a wrong address like any other
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(r.access === 'family_link' ? 404 : 401)
    }
  })

  it('a family link reaches its own pages and nothing else; a staff session does not reach them', async () => {
    const db = dbx.handle.db
    const token = 'T'.repeat(43)
    const hash = createHash('sha256').update(token).digest('hex')
    const familyId = ids.a.id_heldfamily!
    await db.execute(
      sql`insert into adults (council_id, family_id, name) values (${seeded.a.councilId}, ${familyId}, 'Testlink Holder')`,
    )
    await db.execute(sql`insert into family_links (council_id, family_id, adult_id, token_hash, expires_at, created_by)
      select ${seeded.a.councilId}, ${familyId}, a.id, ${hash}, now() + interval '1 day', p.id
      from adults a, people p where a.council_id = ${seeded.a.councilId} and a.name = 'Testlink Holder'
        and p.council_id = ${seeded.a.councilId} limit 1`)
    const linkRoutes = apiRoutes().filter((r) => r.access === 'family_link' && r.method !== 'HEAD')
    expect(linkRoutes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/link',
      'POST /api/link/code',
      'POST /api/link/messages',
    ])
    for (const r of apiRoutes().filter((x) => x.access !== 'public' && x.method !== 'HEAD')) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fill(r.url, ids.a),
        headers: { 'x-family-link': token },
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      })
      if (r.access === 'family_link') expect([200, 400], `${r.method} ${r.url}`).toContain(res.statusCode)
      else expect(res.statusCode, `${r.method} ${r.url}`).toBe(401)
    }
    for (const r of linkRoutes) {
      const res = await sessionsA
        .get('practitioner')!
        .request(r.method as 'GET', r.url, r.method === 'GET' ? undefined : {})
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404)
    }
  })
})

describe('route × role', () => {
  it('a role outside a route’s rule gets 403; a role inside it is never refused as forbidden', async () => {
    const checked: string[] = []
    for (const r of apiRoutes()) {
      if (!Array.isArray(r.access)) continue
      for (const role of ROLES) {
        const s = sessionsA.get(role)!
        // An empty body: allowed roles get past authorisation and fail validation (400) or succeed; never 403.
        const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : {}
        const res = await s.request(r.method as 'GET', fill(r.url, ids.a), body)
        const allowed = (r.access as readonly Role[]).includes(role)
        if (allowed) expect(res.statusCode, `${role} ${r.method} ${r.url}`).not.toBe(403)
        else expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403)
        checked.push(`${role} ${r.method} ${r.url}`)
      }
    }
    expect(checked.length).toBeGreaterThan(100)
  })
})

describe('council isolation', () => {
  it('with another council’s ids, every route answers 404 (or refuses) and council B is unchanged', async () => {
    const snapshot = async () =>
      (
        (await dbx.handle.db.execute(
          sql.raw(`select
        (select count(*) from patches where council_id = '${seeded.b.councilId}') p,
        (select string_agg(name || array_to_string(postcode_areas, ','), '|' order by id) from patches where council_id = '${seeded.b.councilId}') pn,
        (select string_agg(name || caseload_cap, '|' order by id) from teams where council_id = '${seeded.b.councilId}') tn,
        (select count(*) from memberships where council_id = '${seeded.b.councilId}') m,
        (select string_agg(name || array_to_string(roles, ',') || active::text, '|' order by id) from people where council_id = '${seeded.b.councilId}') pe,
        (select string_agg(name || postcode, '|' order by id) from families where council_id = '${seeded.b.councilId}') f,
        (select string_agg(first_name || last_name, '|' order by id) from children where council_id = '${seeded.b.councilId}') c,
        (select count(*) from adults where council_id = '${seeded.b.councilId}') a,
        (select count(*) from relationships where council_id = '${seeded.b.councilId}') r,
        (select string_agg(status || coalesce(decision, '') || routing_status, '|' order by id) from referrals where council_id = '${seeded.b.councilId}') rf,
        (select string_agg(status, '|' order by id) from offers where council_id = '${seeded.b.councilId}') o,
        (select count(*) from allocations where council_id = '${seeded.b.councilId}' and ended_at is null) al,
        (select count(*) from team_decisions where council_id = '${seeded.b.councilId}') td,
        (select string_agg(person_id::text, '|' order by day) from duty_rota where council_id = '${seeded.b.councilId}') dr,
        (select string_agg(status || place, '|' order by id) from visits where council_id = '${seeded.b.councilId}') v,
        (select string_agg(coalesce(caseload_cap, 0)::text, '|' order by id) from memberships where council_id = '${seeded.b.councilId}') caps,
        (select string_agg(status || coalesce(claimed_by::text, ''), '|' order by id) from admin_tasks where council_id = '${seeded.b.councilId}') tasks,
        (select string_agg(status || why, '|' order by id) from proposals where council_id = '${seeded.b.councilId}') props,
        (select count(*) from proposal_decisions where council_id = '${seeded.b.councilId}') pdec,
        (select string_agg(status || coalesce(taken_by::text, '') || coalesce(advice, ''), '|' order by id) from insight_requests where council_id = '${seeded.b.councilId}') insight,
        (select count(*) from family_services where council_id = '${seeded.b.councilId}') fsvc,
        (select string_agg(status || coalesce(taken_by::text, '') || coalesce(provider_name, ''), '|' order by id) from commissions where council_id = '${seeded.b.councilId}') comm,
        (select string_agg(reason || coalesce(ended_at::text, ''), '|' order by id) from contact_holds where council_id = '${seeded.b.councilId}') holds`),
        )) as unknown as { rows: unknown[] }
      ).rows[0]
    const before = await snapshot()
    const withParams = apiRoutes().filter((r) => r.url.includes(':id') && Array.isArray(r.access))
    expect(withParams.length).toBeGreaterThan(10)
    for (const r of withParams) {
      for (const role of r.access as readonly Role[]) {
        const s = sessionsA.get(role)!
        const body =
          r.method === 'GET' || r.method === 'DELETE' ? undefined : (VALID[`${r.method} ${r.url}`]?.(ids.a) ?? {})
        const res = await s.request(r.method as 'GET', fill(r.url, ids.b), body)
        expect([404, 400], `${role} ${r.method} ${r.url} → ${res.statusCode} ${res.body}`).toContain(res.statusCode)
        if (res.statusCode === 400) {
          // refused for naming a record of another council in the body, never for the body's shape alone
          expect(res.json().error.code).toBe('validation_failed')
        }
      }
    }
    expect(await snapshot()).toEqual(before)
  })

  it('lists show only the caller’s council', async () => {
    const admin = sessionsA.get('administrator')!
    const people = (await admin.request('GET', '/api/people')).json() as { email: string }[]
    expect(people.length).toBeGreaterThan(10)
    expect(people.every((p) => p.email.endsWith('@northmoor.example'))).toBe(true)
    const teams = (await admin.request('GET', '/api/teams')).json() as { id: string }[]
    const teamIdsB = Object.values(seeded.b.teamIds)
    expect(teams.some((x) => teamIdsB.includes(x.id))).toBe(false)
    const families = (await sessionsA.get('referral_officer')!.request('GET', '/api/families?limit=200')).json() as {
      postcode: string
    }[]
    expect(families.length).toBeGreaterThan(0)
    expect(families.every((f) => f.postcode.startsWith('NM'))).toBe(true)
    const audit = (await admin.request('GET', '/api/audit?limit=500')).json() as {
      events: { actorPersonId: string | null }[]
    }
    const peopleB = (
      (await dbx.handle.db.execute(
        sql.raw(`select id from people where council_id = '${seeded.b.councilId}'`),
      )) as unknown as { rows: { id: string }[] }
    ).rows.map((r) => r.id)
    expect(audit.events.some((e) => e.actorPersonId && peopleB.includes(e.actorPersonId))).toBe(false)
  })

  it('a team in one council cannot take a person or patch from another', async () => {
    const admin = sessionsA.get('administrator')!
    const addB = await admin.request('POST', `/api/teams/${ids.a.id_team}/members`, { personId: ids.b.id_person })
    expect(addB.statusCode).toBe(400)
    expect(addB.json().error.details[0].field).toBe('body.personId')
    const patchB = await admin.request('POST', '/api/teams', {
      name: 'Borrowed patch team',
      kind: 'family_facing',
      patchId: ids.b.id_patch,
    })
    expect(patchB.statusCode).toBe(400)
    expect(patchB.json().error.details[0].field).toBe('body.patchId')
  })
})

/** Lists that may name a restricted family, each with why (the front door's and audit's). */
const LISTS_THAT_NAME_RESTRICTED: Record<string, string> = {
  '/api/referrals': 'the front door decides new referrals about any family',
  '/api/teams/:id/offers': 'a referral routed to the team: the family’s record stays closed',
  '/api/audit': 'the audit trail names every record touched (administrators)',
  '/api/break-glass': 'break-glass openings name the record opened',
}

/** Every route under these prefixes, as each role it admits: anything but 404 (or a 400 for the body's shape) is wrong. */
async function sweepRoutes(prefixes: string[], set: Record<string, string>) {
  const routes = apiRoutes().filter(
    (r) => Array.isArray(r.access) && prefixes.some((p) => r.url.startsWith(p)) && r.method !== 'HEAD',
  )
  let checked = 0
  const wrong: string[] = []
  for (const r of routes) {
    for (const role of r.access as readonly Role[]) {
      const body =
        r.method === 'GET' || r.method === 'DELETE' ? undefined : (VALID[`${r.method} ${r.url}`]?.(set) ?? {})
      const res = await sessionsA.get(role)!.request(r.method as 'GET', fill(r.url, set), body)
      const ok = res.statusCode === 404 || (res.statusCode === 400 && res.json().error.code === 'validation_failed')
      if (!ok) wrong.push(`${role} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`)
      checked++
    }
  }
  return { routes: routes.length, checked, wrong }
}

/** Every list (a GET with no record's :id) and every team's list, as each role that may read it, naming the family. */
async function listsNaming(familyId: string, set: Record<string, string>, except: Record<string, string>) {
  const leaks: string[] = []
  for (const r of apiRoutes().filter(
    (x) =>
      x.method === 'GET' &&
      Array.isArray(x.access) &&
      (!x.url.includes(':') || x.url.startsWith('/api/teams/:id/')) &&
      !(x.url in except),
  )) {
    for (const role of r.access as readonly Role[]) {
      const res = await sessionsA.get(role)!.request('GET', fill(r.url, set))
      if (res.body.includes(familyId)) leaks.push(`${role} ${r.url}`)
    }
  }
  return leaks
}

describe('a restricted record', () => {
  it('every route naming a record by :id declares what it is; a route that declares nothing is not added', async () => {
    const undeclared = apiRoutes()
      .filter((r) => namesAnId(r.url) && r.access !== 'public' && !r.family)
      .map((r) => `${r.method} ${r.url}`)
    expect(undeclared).toEqual([])
    // a family's records are checked as the family is: notes, tasks, visits … each declares its kind
    const kinds = new Map<string, string>()
    for (const r of apiRoutes()) if (typeof r.family === 'string') kinds.set(r.url, r.family)
    expect(kinds.get('/api/notes/:id')).toBe('note')
    expect(kinds.get('/api/tasks/:id/letter')).toBe('task')
    expect(kinds.get('/api/family-links/:id/revoke')).toBe('link')
    expect(kinds.get('/api/families/:id/network/links')).toBe('id')
    for (const k of kinds.values()) expect(['id', ...Object.keys(FAMILY_RECORDS)]).toContain(k)
    // a new route that forgets: refused when it is added, naming it
    const bare = Fastify()
    await bare.register(
      fp(async () => {}, { name: 'auth' }),
      {},
    )
    await bare.register(restrictionGuard, { db: dbx.handle.db })
    await bare.after()
    expect(() => bare.get('/api/forgotten/:id', { config: { access: ['practitioner'] } }, async () => ({}))).toThrow(
      /GET \/api\/forgotten\/:id names an :id but does not declare config.family/,
    )
    await bare.close()
  })

  it('answers not found from every route for everyone not named on it, and leaves it unchanged', async () => {
    const db = dbx.handle.db
    const c = seeded.a.councilId
    const one = async (q: string) =>
      ((await db.execute(sql.raw(q))) as unknown as { rows: { id: string }[] }).rows[0]?.id ?? null
    // the family with the most visits held by the demo practitioner's team: they and the front
    // door can see it until it is restricted to someone else (an administrator, who reads no cases)
    const familyId = (await one(`select a.family_id as id from allocations a
      join memberships m on m.team_id = a.team_id join people p on p.id = m.person_id
      where a.council_id = '${c}' and p.email like 'practitioner@%' and a.role = 'lead' and a.ended_at is null
      order by (select count(*) from visits v where v.family_id = a.family_id) desc limit 1`))!
    const inF = (table: string) =>
      one(`select id from ${table} where council_id = '${c}' and family_id = '${familyId}' limit 1`)
    const set: Record<string, string> = {
      ...ids.a,
      id_family: familyId,
      id_heldfamily: familyId,
      id_child: (await inF('children'))!,
    }
    // routes whose :id is another record of the family are checked when the family has one
    const more: [string, string][] = [
      ['visit', 'visits'],
      ['task', 'admin_tasks'],
      ['proposal', 'proposals'],
      ['insight', 'insight_requests'],
      ['commission', 'commissions'],
    ]
    const prefixes = ['/api/families/:id', '/api/children/:id']
    for (const [name, table] of more) {
      const id = await inF(table)
      if (!id) continue
      set[`id_${name}`] = id
      prefixes.push(
        {
          visit: '/api/visits/:id',
          task: '/api/tasks/:id',
          proposal: '/api/proposals/:id',
          insight: '/api/insight/requests/:id',
          commission: '/api/commissions/:id',
        }[name]!,
      )
    }
    const snapshot = async () =>
      (
        (await db.execute(
          sql.raw(`select
            (select row(name, address_line1, postcode, conversation_stage)::text from families where id = '${familyId}') f,
            (select count(*) from visits where family_id = '${familyId}') v,
            (select string_agg(status, '|' order by id) from visits where family_id = '${familyId}') vs,
            (select count(*) from notes where family_id = '${familyId}') n,
            (select count(*) from plan_items where family_id = '${familyId}') p,
            (select count(*) from allocations where family_id = '${familyId}') a,
            (select count(*) from children where family_id = '${familyId}') c,
            (select count(*) from adults where family_id = '${familyId}') ad,
            (select count(*) from record_exports where family_id = '${familyId}') ex,
            (select count(*) from admin_tasks where family_id = '${familyId}') t,
            (select count(*) from case_steps where family_id = '${familyId}') s`),
        )) as unknown as { rows: unknown[] }
      ).rows[0]
    const named = await one(`select id from people where council_id = '${c}' and email like 'abel.adminson@%'`)
    // a visit two days ago the practitioner (not named) went to and has not recorded: it must not
    // be asked about on their My day once the record is restricted
    const goer = sessionsA.get('practitioner')!.personId
    await db.execute(sql`insert into visits (council_id, family_id, team_id, kind, starts_at, place, attendee_ids, booked_by)
      select council_id, family_id, team_id, 'home_visit', now() - interval '2 days', 'Home', ${`{${goer}}`}::uuid[], ${goer}
      from allocations where council_id = ${c} and family_id = ${familyId} limit 1`)
    await db.execute(
      sql`update families set restricted = true, restricted_to = ${`{${named}}`}::uuid[], restricted_reason = 'Test'
          where id = ${familyId}`,
    )
    try {
      const before = await snapshot()
      const { routes, checked, wrong } = await sweepRoutes(prefixes, set)
      expect(routes).toBeGreaterThan(40)
      expect(wrong).toEqual([])
      expect(checked).toBeGreaterThan(60)
      expect(await snapshot()).toEqual(before)
      // nor in any list or search of those who used to see it
      const [f] = (
        (await db.execute(sql`select reference, name from families where id = ${familyId}`)) as unknown as {
          rows: { reference: string; name: string }[]
        }
      ).rows
      for (const role of ['practitioner', 'referral_officer'] as const) {
        const s = sessionsA.get(role)!
        const lists = [
          await s.request('GET', '/api/families?limit=500'),
          await s.request('GET', `/api/search?q=${encodeURIComponent(f!.reference)}`),
          await s.request('GET', `/api/search?q=${encodeURIComponent(f!.name)}`),
          await s.request('GET', '/api/me/day'),
        ]
        for (const res of lists) expect(res.body, `${role} ${res.statusCode}`).not.toContain(familyId)
      }
      // every list (a GET with no record's :id) and every team's list, for each role that may read it
      expect(await listsNaming(familyId, set, LISTS_THAT_NAME_RESTRICTED)).toEqual([])
    } finally {
      await db.execute(sql`update families set restricted = false, restricted_to = '{}' where id = ${familyId}`)
    }
  })
})

/** Lists that may name a family the caller declared they know, with why. */
const LISTS_THAT_NAME_A_CONFLICT: Record<string, string> = {
  '/api/me/conflicts': 'the caller’s own declarations name the families they know',
  '/api/conflicts': 'the declarations, for administrators to end',
  '/api/audit': 'the audit trail names every record touched (administrators)',
}

describe('a conflict of interest, for every role (#31)', () => {
  it('each role that declares it gets not found from every route and the family in no list', async () => {
    const db = dbx.handle.db
    const c = seeded.a.councilId
    const one = async (q: string) =>
      ((await db.execute(sql.raw(q))) as unknown as { rows: { id: string }[] }).rows[0]?.id ?? null
    // a family held by the demo practitioner's team, with a task, a proposal and a consultation
    const familyId = (await one(`select a.family_id as id from allocations a
      join memberships m on m.team_id = a.team_id join people p on p.id = m.person_id
      where a.council_id = '${c}' and p.email like 'practitioner@%' and a.role = 'lead' and a.ended_at is null
        and exists (select 1 from proposals x where x.family_id = a.family_id)
      order by (select count(*) from visits v where v.family_id = a.family_id) desc limit 1`))!
    expect(familyId).toBeTruthy()
    const inF = (table: string) =>
      one(`select id from ${table} where council_id = '${c}' and family_id = '${familyId}' limit 1`)
    const set: Record<string, string> = {
      ...ids.a,
      id_family: familyId,
      id_heldfamily: familyId,
      id_child: (await inF('children'))!,
    }
    const prefixes = ['/api/families/:id', '/api/children/:id']
    for (const [name, table, prefix] of [
      ['visit', 'visits', '/api/visits/:id'],
      ['task', 'admin_tasks', '/api/tasks/:id'],
      ['proposal', 'proposals', '/api/proposals/:id'],
      ['insight', 'insight_requests', '/api/insight/requests/:id'],
      ['commission', 'commissions', '/api/commissions/:id'],
    ] as const) {
      const id = await inF(table)
      if (!id) continue
      set[`id_${name}`] = id
      prefixes.push(prefix)
    }
    const declared: string[] = []
    for (const role of ROLES) {
      const res = await sessionsA.get(role)!.request('POST', '/api/me/conflicts', { familyId, reason: 'My neighbours' })
      expect(res.statusCode, `${role} ${res.body}`).toBe(201)
      declared.push(res.json().id)
    }
    try {
      const { checked, wrong } = await sweepRoutes(prefixes, set)
      expect(wrong).toEqual([])
      expect(checked).toBeGreaterThan(60)
      expect(await listsNaming(familyId, set, LISTS_THAT_NAME_A_CONFLICT)).toEqual([])
    } finally {
      for (const id of declared) {
        const end = await sessionsA
          .get('administrator')!
          .request('POST', `/api/conflicts/${id}/end`, { reason: 'Test' })
        // the administrator's own declaration is ended by another administrator
        if (end.statusCode !== 200)
          await db.execute(sql`update staff_conflicts set ended_at = now(), ended_reason = 'Test' where id = ${id}`)
      }
      await t.app.actorChangesHeard()
    }
  })
})
