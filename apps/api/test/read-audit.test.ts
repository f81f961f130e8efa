import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@hearth/domain/roles'
import { DENIED_AUDIT_PER_MINUTE } from '../src/plugins/read-audit'
import { makeTestApp, signInAs, type Session, type TestApp } from '@hearth/test-kit/app'
import { freshPgDatabase, seedTwoCouncils } from '@hearth/test-kit/db'
import { loadRouteCases } from '@hearth/test-kit/route-cases'

/**
 * Read-audit by construction: every GET under /api declares what it reads, and each one that
 * returns a child's or family's record leaves an audit row when (and only when) it answers.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
let seeded: Awaited<ReturnType<typeof seedTwoCouncils>>
const sessions = new Map<Role, Session>()
let other: Session
const ids: Record<string, string> = {}
const { reads } = await loadRouteCases(new URL('./routes/', import.meta.url))

const EMAIL: Record<Role, string> = {
  administrator: 'admin',
  practitioner: 'practitioner',
  referral_officer: 'referrals',
  enabler: 'enabler',
  insight_adviser: 'insight',
  strategy_member: 'strategy',
  information_governance: 'governance',
}

async function one(query: string): Promise<string> {
  const r = (await dbx.handle.db.execute(sql.raw(query))) as unknown as { rows: { id: string }[] }
  if (!r.rows[0]) throw new Error(`fixture not found: ${query}`)
  return String(r.rows[0].id)
}

async function auditRows(afterId: number, personId: string) {
  const r = (await dbx.handle.db.execute(
    sql`select action, record_type, record_id, family_id, child_id, route, details from audit_events
        where id > ${afterId} and actor_person_id = ${personId} order by id`,
  )) as unknown as {
    rows: {
      action: string
      record_type: string
      record_id: string | null
      family_id: string | null
      child_id: string | null
      route: string
      details: Record<string, unknown> | null
    }[]
  }
  return r.rows
}
const lastAuditId = async () => Number(await one('select coalesce(max(id), 0) as id from audit_events'))

beforeAll(async () => {
  dbx = await freshPgDatabase()
  seeded = await seedTwoCouncils(dbx.handle, 14)
  t = await makeTestApp(dbx.handle)
  for (const [role, who] of Object.entries(EMAIL) as [Role, string][]) {
    sessions.set(role, await signInAs(t.app, `${who}@northmoor.example`))
  }
  other = await signInAs(t.app, 'practitioner@southmere.example')
  const a = seeded.a.councilId
  const practitionerId = sessions.get('practitioner')!.personId
  ids.family = await one(
    `select a.family_id as id from allocations a join memberships m on m.team_id = a.team_id
     where a.council_id = '${a}' and m.person_id = '${practitionerId}' and a.role = 'lead' and a.ended_at is null
     limit 1`,
  )
  ids.child = await one(`select id from children where family_id = '${ids.family}' limit 1`)
  ids.team = await one(`select team_id as id from allocations where family_id = '${ids.family}' and role = 'lead'`)
  ids.referral = await one(`select id from referrals where council_id = '${a}' order by received_at limit 1`)
  ids.task = await one(
    `select id from admin_tasks where council_id = '${a}' and task_type in ('visit_confirmation', 'workers_letter') limit 1`,
  )
  const r = await sessions.get('practitioner')!.request('POST', `/api/families/${ids.family}/proposals`, {
    what: 'Respite',
    forWhom: 'The children',
    why: 'A break',
    weeklyPence: 1_000_000,
    weeks: 20,
    alternatives: 'None',
    familyView: 'Yes please',
  })
  expect(r.statusCode).toBe(201)
  ids.proposal = r.json().id
  const c = await sessions.get('practitioner')!.request('POST', `/api/families/${ids.family}/commissions`, {
    need: 'Night support',
    why: 'Nothing listed works at night.',
    familyView: 'Yes please',
    weeks: 4,
    budgetPence: 100_000,
  })
  expect(c.statusCode).toBe(201)
  ids.commission = c.json().id
  const q = await sessions.get('practitioner')!.request('POST', '/api/insight/requests', {
    kind: 'consultation',
    topic: 'domestic_abuse',
    familyId: ids.family,
    question: 'How do we keep the children safe when dad visits?',
  })
  expect(q.statusCode).toBe(201)
  ids.insight = q.json().id
  // a note, finalised, about the same family
  const practitioner = sessions.get('practitioner')!
  const note = await practitioner.request('POST', `/api/families/${ids.family}/notes`, {
    worries: 'An invented worry, for the read-audit test.',
  })
  expect(note.statusCode).toBe(201)
  ids.note = note.json().id
  // an assessment of one of the family's children
  const kid = await one(`select id from children where family_id = '${ids.family}' limit 1`)
  const started = await practitioner.request('POST', `/api/families/${ids.family}/assessments`, {
    childId: kid,
    startedOn: new Date().toISOString().slice(0, 10),
    referralDate: '2026-01-05',
  })
  expect(started.statusCode, started.body).toBe(201)
  ids.assessment = started.json().id
  const step = await practitioner.request('POST', `/api/families/${ids.family}/steps`, {
    childId: kid,
    kind: 'episode',
    on: '2026-01-05',
    details: { referralSource: '2A', primaryNeed: 'N1' },
  })
  expect(step.statusCode, step.body).toBe(201)
  ids.step = step.json().id
  // a finished census whose report names the child (the worker writes them; here it is made directly)
  const report = JSON.stringify({
    children: 1,
    findings: [
      {
        code: '8540',
        severity: 'error',
        message: 'Disability is missing',
        children: [{ childId: ids.child, familyId: ids.family, laChildId: 'X1' }],
      },
    ],
  })
  ids.census = await one(
    `insert into census_runs (council_id, collection_year, status, requested_by, report)
     values ('${a}', 2027, 'done', '${sessions.get('administrator')!.personId}', '${report}') returning id`,
  )
  // a finished export of the family's record, and a subject access request about it
  ids.recordExport = await one(
    `insert into record_exports (council_id, family_id, purpose, status, requested_by, pdf, json, csv_zip)
     values ('${a}', '${ids.family}', 'record', 'done', '${sessions.get('practitioner')!.personId}',
       '\\x255044462d', '\\x7b7d', '\\x504b') returning id`,
  )
  ids.familyRef = (
    (await dbx.handle.db.execute(sql.raw(`select reference from families where id = '${ids.family}'`))) as unknown as {
      rows: { reference: string }[]
    }
  ).rows[0]!.reference
  ids.sar = await one(
    `insert into subject_access_requests (council_id, reference, family_id, requester_kind, requester_id, received_on, due_on, created_by)
     values ('${a}', 'S-99999', '${ids.family}', 'child', '${ids.child}', '2026-11-02', '2026-12-02',
       '${sessions.get('information_governance')!.personId}') returning id`,
  )
  // … gathered, so its copy can be read (the worker writes the bundle; here it is made directly)
  const bundle = JSON.stringify({
    format: 'hearth-record/1',
    council: { id: a, name: 'Northmoor' },
    family: { id: ids.family, reference: ids.familyRef, name: 'Testfamily' },
    exportedAt: '2026-11-02T10:00:00.000Z',
    kinds: [],
    names: {},
  })
  await one(
    `insert into record_exports (council_id, family_id, purpose, status, requested_by, sar_id, json)
     values ('${a}', '${ids.family}', 'sar_gather', 'done', '${sessions.get('information_governance')!.personId}',
       '${ids.sar}', convert_to('${bundle}', 'UTF8')) returning id`,
  )
  await one(`update subject_access_requests set status = 'reviewing' where id = '${ids.sar}' returning id`)
  // a finished audit export (the worker writes them; here it is made directly)
  ids.export = await one(
    `insert into audit_exports (council_id, requested_by, filters, status, row_count, content, completed_at)
     values ('${a}', '${sessions.get('administrator')!.personId}', '{}', 'done', 0, 'id', now()) returning id`,
  )
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

/**
 * The caller and the address for a GET route: what the route's capability says in its
 * `apps/api/test/routes/<capability>.cases.ts` (`reads`), or, for a family's own address, a
 * practitioner of the holding team with the fixture family.
 */
function callFor(url: string): { role: Role; path: string } | null {
  const own = reads[`GET ${url}`]
  if (own) {
    const { as, path } = own(ids)
    return { role: as, path }
  }
  if (url.startsWith('/api/families/:id')) return { role: 'practitioner', path: url.replace(':id', ids.family!) }
  return null
}

const getRoutes = () => t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))

describe('read-audit by construction', () => {
  it('every GET under /api declares what it reads, or why it returns no case record', () => {
    const undeclared = getRoutes()
      .filter((r) => r.access !== 'public' && !r.reads)
      .map((r) => r.url)
    expect(undeclared).toEqual([])
    for (const r of getRoutes()) {
      if (r.reads && 'none' in r.reads) expect(r.reads.none.length, r.url).toBeGreaterThan(10)
    }
  })

  it('each GET that returns a child’s or family’s record writes its audit row when it answers', async () => {
    // the family's link page is audited as the link (family-voice.test.ts), not as a session
    const auditing = getRoutes().filter((r) => r.reads && 'rows' in r.reads && r.access !== 'family_link')
    expect(auditing.length).toBeGreaterThanOrEqual(25)
    // and no capability keeps a fixture for a route that is gone or reads no record
    const audited = new Set(auditing.map((r) => `GET ${r.url}`))
    expect(Object.keys(reads).filter((k) => !audited.has(k))).toEqual([])
    for (const r of auditing) {
      const call = callFor(r.url)
      expect(call, `no fixture for ${r.url}: add it to the reads of its routes/*.cases.ts`).not.toBeNull()
      const s = sessions.get(call!.role)!
      const before = await lastAuditId()
      const res = await s.request('GET', call!.path)
      expect(res.statusCode, `${r.url} → ${res.body.slice(0, 200)}`).toBe(200)
      const rows = (await auditRows(before, s.personId)).filter((x) => x.route === r.url)
      expect(rows.length, `${r.url} wrote no audit row`).toBeGreaterThan(0)
      expect(rows[0]!.action).toBe((r.reads as { action: string }).action)
    }
  })

  it('the reads that were missing now name the family (or the team)', async () => {
    const p = sessions.get('practitioner')!
    for (const path of [`/api/families/${ids.family}/tasks`, `/api/families/${ids.family}/workers`]) {
      const before = await lastAuditId()
      expect((await p.request('GET', path)).statusCode).toBe(200)
      const rows = await auditRows(before, p.personId)
      expect(rows.map((x) => [x.record_type, x.family_id])).toEqual([['family', ids.family]])
    }
    const before = await lastAuditId()
    expect((await p.request('GET', `/api/teams/${ids.team}/decisions`)).statusCode).toBe(200)
    expect((await auditRows(before, p.personId)).map((x) => [x.action, x.record_id])).toEqual([
      ['team_decision.list', ids.team],
    ])
    const asked = await lastAuditId()
    expect((await p.request('GET', '/api/me/requests')).statusCode).toBe(200)
    expect((await auditRows(asked, p.personId)).map((x) => x.action)).toEqual(['task.list'])
    const admin = sessions.get('administrator')!
    const searched = await lastAuditId()
    expect((await admin.request('GET', `/api/audit?childId=${ids.child}`)).statusCode).toBe(200)
    const search = await auditRows(searched, admin.personId)
    expect(search.map((x) => x.action)).toEqual(['audit.search'])
    expect(search[0]!.details).toMatchObject({ childId: ids.child })
  })

  it('a letter (a file) is audited with its family, found by the task', async () => {
    const e = sessions.get('enabler')!
    const before = await lastAuditId()
    const res = await e.request('GET', `/api/tasks/${ids.task}/letter`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('application/pdf')
    const rows = await auditRows(before, e.personId)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.action).toBe('letter.read')
    expect(rows[0]!.family_id).not.toBeNull()
  })

  it('a refused read writes no read row but an access-denied row, naming no family', async () => {
    const before = await lastAuditId()
    const res = await other.request('GET', `/api/families/${ids.family}`)
    expect(res.statusCode).toBe(404)
    const rows = await auditRows(before, other.personId)
    expect(rows.filter((x) => x.action.endsWith('.read'))).toEqual([])
    expect(rows.map((x) => [x.action, x.record_type, x.record_id, x.family_id])).toEqual([
      ['access.denied', 'family', ids.family, null],
    ])
    expect(rows[0]!.details).toEqual({ status: 404, wanted: 'family.read' })
    // a role the route does not allow: refused with 403, recorded the same way
    const enabler = sessions.get('enabler')!
    const forbidden = await lastAuditId()
    expect((await enabler.request('GET', `/api/children/${ids.child}`)).statusCode).toBe(403)
    expect((await auditRows(forbidden, enabler.personId)).map((x) => [x.action, x.record_id])).toEqual([
      ['access.denied', ids.child],
    ])
  })

  it('a flood of refused reads is recorded at most DENIED_AUDIT_PER_MINUTE a minute', async () => {
    const flooder = await signInAs(t.app, 'strategy@southmere.example')
    const before = await lastAuditId()
    for (let i = 0; i < 60; i++) {
      expect((await flooder.request('GET', `/api/proposals/${ids.proposal}`)).statusCode).toBe(404)
    }
    const denied = (await auditRows(before, flooder.personId)).filter((x) => x.action === 'access.denied')
    // one window holds 20; a run that crosses a minute boundary may hold two windows' worth
    expect(denied.length).toBeGreaterThanOrEqual(DENIED_AUDIT_PER_MINUTE)
    expect(denied.length).toBeLessThanOrEqual(2 * DENIED_AUDIT_PER_MINUTE)
  })

  it('if the audit row cannot be written, the record is not sent', async () => {
    await dbx.handle.db.execute(
      sql`create or replace function fail_read_audit() returns trigger as $$ begin raise exception 'audit down'; end $$ language plpgsql`,
    )
    await dbx.handle.db.execute(
      sql`create trigger fail_read_audit before insert on audit_events for each row execute function fail_read_audit()`,
    )
    try {
      const res = await sessions.get('practitioner')!.request('GET', `/api/families/${ids.family}`)
      expect(res.statusCode).toBe(500)
      expect(res.body).not.toContain(ids.child)
      const letter = await sessions.get('enabler')!.request('GET', `/api/tasks/${ids.task}/letter`)
      expect(letter.statusCode).toBe(500)
      expect(letter.headers['content-type']).not.toContain('application/pdf')
    } finally {
      await dbx.handle.db.execute(sql`drop trigger fail_read_audit on audit_events`)
    }
  })
})
