import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@hearth/domain/roles'
import { makeTestApp, signInAs, type Session, type TestApp } from '@hearth/test-kit/app'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { loadRouteCases } from '@hearth/test-kit/route-cases'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
const sessions = new Map<Role, Session>()
let ids: Record<string, string> = {}

/**
 * For every write route: bad bodies, each with the field that must be named, kept per capability
 * in `test/routes/<capability>.cases.ts`. A write route with no cases fails the first test.
 */
const BAD = (await loadRouteCases(new URL('./routes/', import.meta.url))).bad

async function tableCounts(): Promise<Record<string, unknown>> {
  const r = await dbx.handle.db.execute(sql`select
    (select count(*) from patches) patches, (select string_agg(name || array_to_string(postcode_areas, ','), '|' order by id) from patches) patch_values,
    (select count(*) from teams) teams, (select string_agg(name || caseload_cap || coalesce(patch_id::text, ''), '|' order by id) from teams) team_values,
    (select count(*) from people) people, (select string_agg(name || array_to_string(roles, ',') || active::text, '|' order by id) from people) people_values,
    (select count(*) from memberships) memberships, (select count(*) from families) families,
    (select string_agg(name || postcode || interpreter_needed::text, '|' order by id) from families) family_values,
    (select count(*) from children) children, (select string_agg(first_name || coalesce(nhs_number, '') || coalesce(expected_date_of_birth::text, ''), '|' order by id) from children) child_values,
    (select count(*) from adults) adults, (select count(*) from relationships) relationships,
    (select count(*) from audit_exports) audit_exports, (select count(*) from outbox) outbox,
    (select count(*) from referrals) referrals, (select string_agg(status || coalesce(decision, ''), '|' order by id) from referrals) referral_values,
    (select count(*) from referral_children) referral_children, (select count(*) from offers) offers, (select string_agg(status, '|' order by id) from offers) offer_values,
    (select count(*) from bank_holidays) bank_holidays,
    (select count(*) from allocations) allocations, (select count(*) from allocations where ended_at is null) active_allocations, (select count(*) from team_decisions) team_decisions,
    (select count(*) from duty_rota) rota, (select string_agg(person_id::text, '|' order by day) from duty_rota) rota_values, (select count(*) from visits) visits,
    (select string_agg(status || place || starts_at::text, '|' order by id) from visits) visit_values,
    (select count(*) from proposals) proposals, (select count(*) from proposal_decisions) proposal_decisions, (select count(*) from spend_thresholds) thresholds,
    (select count(*) from admin_tasks) tasks, (select string_agg(status || coalesce(outcome, ''), '|' order by id) from admin_tasks) task_values, (select count(*) from task_type_settings) task_settings, (select string_agg(coalesce(caseload_cap, 0)::text, '|' order by id) from memberships) caps,
    (select count(*) from insight_requests) insight_requests, (select string_agg(status || coalesce(advice, '') || coalesce(attendees, ''), '|' order by id) from insight_requests) insight_values, (select count(*) from insight_settings) insight_settings,
    (select count(*) from directory_services) dir_services, (select count(*) from directory_organisations) dir_orgs, (select count(*) from family_services) family_services,
    (select string_agg(status || coalesce(provider_name, ''), '|' order by id) from commissions) commissions,
    (select string_agg(reason || coalesce(ended_at::text, ''), '|' order by id) from contact_holds) holds`)
  return (r as unknown as { rows: Record<string, unknown>[] }).rows[0]!
}

beforeAll(async () => {
  dbx = await freshPgDatabase()
  const seeded = await seedTwoCouncils(dbx.handle, 14)
  t = await makeTestApp(dbx.handle)
  sessions.set('administrator', await signInAs(t.app, 'admin@northmoor.example'))
  sessions.set('referral_officer', await signInAs(t.app, 'referrals@northmoor.example'))
  sessions.set('practitioner', await signInAs(t.app, 'practitioner@northmoor.example'))
  sessions.set('enabler', await signInAs(t.app, 'enabler@northmoor.example'))
  sessions.set('insight_adviser', await signInAs(t.app, 'insight@northmoor.example'))
  sessions.set('information_governance', await signInAs(t.app, 'governance@northmoor.example'))
  const one = async (q: string) =>
    String(((await dbx.handle.db.execute(sql.raw(q))) as unknown as { rows: { id: string }[] }).rows[0]!.id)
  const c = seeded.a.councilId
  ids = {
    patch: await one(`select id from patches where council_id = '${c}' limit 1`),
    team: await one(`select id from teams where council_id = '${c}' limit 1`),
    person: await one(`select id from people where council_id = '${c}' and email like 'enabler@%'`),
    family: await one(`select id from families where council_id = '${c}' limit 1`),
    child: await one(`select id from children where council_id = '${c}' and date_of_birth is not null limit 1`),
    referral: await one(`select id from referrals where council_id = '${c}' and status = 'awaiting_decision' limit 1`),
    eastfield: seeded.a.teamIds['Eastfield family team']!,
    heldFamily: await one(
      `select family_id as id from allocations where council_id = '${c}' and team_id = '${seeded.a.teamIds['Eastfield family team']}' and role = 'lead' limit 1`,
    ),
  }
})
beforeAll(async () => {
  // a waiting offer on Eastfield's board and a visit to a held family
  const c = (
    (await dbx.handle.db.execute(sql`select council_id as id from teams where id = ${ids.eastfield}`)) as unknown as {
      rows: { id: string }[]
    }
  ).rows[0]!.id
  const offer = (
    (await dbx.handle.db.execute(
      sql`select id from offers where council_id = ${c} and team_id = ${ids.eastfield} and status = 'waiting' limit 1`,
    )) as unknown as { rows: { id: string }[] }
  ).rows[0]
  ids.offer = offer?.id ?? '00000000-0000-4000-8000-000000000009'
  const v = await sessions.get('practitioner')!.request('POST', `/api/families/${ids.heldFamily}/visits`, {
    kind: 'home_visit',
    startsAt: '2026-12-01T10:00:00Z',
    place: 'At home',
  })
  if (v.statusCode !== 201) throw new Error(`could not book the fixture visit: ${v.body}`)
  ids.visit = v.json().id
})

afterAll(async () => {
  await t.close()
  await dbx.drop()
})

function fill(url: string) {
  if (
    url.startsWith('/api/teams/:id/offers') ||
    url.startsWith('/api/teams/:id/decisions') ||
    url.startsWith('/api/teams/:id/rota') ||
    url.startsWith('/api/teams/:id/members/:personId/')
  ) {
    url = url.replace(':id', ids.eastfield!).replace(':offerId', ids.offer!)
  }
  if (
    url.startsWith('/api/families/:id/workers') ||
    url.startsWith('/api/families/:id/visits') ||
    url.startsWith('/api/families/:id/ask-enabler') ||
    url.startsWith('/api/families/:id/proposals')
  )
    url = url.replace(':id', ids.heldFamily!)
  url = url.replace(':taskType', 'visit_confirmation').replace(':clock', 'cp_visit')
  if (url.startsWith('/api/visits/:id')) url = url.replace(':id', ids.visit!)
  const kind = url.split('/')[2]
  const id =
    {
      patches: ids.patch,
      teams: ids.team,
      people: ids.person,
      families: ids.family,
      children: ids.child,
      referrals: ids.referral,
    }[kind as string] ?? ids.family
  return url
    .replace(':date', '2031-01-02')
    .replace(':day', '2031-01-02')
    .replace(':personId', ids.person!)
    .replace(':linkId', '00000000-0000-4000-8000-000000000002')
    .replace(':id', id!)
    .replace(':queue', 'hearth-default')
    .replace(':holdId', '00000000-0000-4000-8000-000000000001')
    .replace(':jobId', 'x')
}

describe('bad input', () => {
  it('every write route has its bad-input cases here', () => {
    const writes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method))
      // the family's own routes answer to a link, not a session: family-voice.test.ts checks their input
      .filter((r) => r.access !== 'family_link')
      .map((r) => `${r.method} ${r.url}`)
    expect(writes.filter((w) => !(w in BAD))).toEqual([])
  })

  it('gets 400 naming the field and the reason, and writes nothing', async () => {
    let n = 0
    for (const [route, spec] of Object.entries(BAD)) {
      const [method, url] = route.split(' ') as [string, string]
      for (const c of spec.cases) {
        const before = await tableCounts()
        const res = await sessions.get(spec.as)!.request(method as 'POST', fill(url), c.body)
        expect(res.statusCode, `${route} ${JSON.stringify(c.body)} → ${res.body}`).toBe(400)
        const err = res.json().error
        expect(err.code).toBe('validation_failed')
        const fields = (err.details as { field: string; message: string }[]).map((d) => d.field)
        expect(fields, `${route} ${JSON.stringify(c.body)}`).toContain(c.field)
        expect(err.details.every((d: { message: string }) => d.message.length > 3)).toBe(true)
        expect(await tableCounts(), `${route} wrote something`).toEqual(before)
        n++
      }
    }
    expect(n).toBeGreaterThan(35)
  })

  it('malformed JSON gets the one error shape', async () => {
    const s = sessions.get('administrator')!
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/patches',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      payload: '{"name": ',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'bad_request' })
    expect(res.json().error.requestId).toBeTruthy()
  })

  it('an unknown route gets the one error shape, 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('not_found')
  })

  it('a duplicate email is a 409 naming the field', async () => {
    const res = await sessions.get('administrator')!.request('POST', '/api/people', {
      name: 'Dupe',
      email: 'enabler@northmoor.example',
      roles: ['enabler'],
      password: 'long-enough-password',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details[0].field).toBe('body.email')
  })
})
