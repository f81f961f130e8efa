import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { children } from '@hearth/db/schema/families'
import {
  buildTestApp,
  type Council,
  freshDatabase,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let practitioner: Awaited<ReturnType<typeof signInAs>>
let admin: Awaited<ReturnType<typeof signInAs>>
let childId: string
let familyId: string

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council)
  const team = await makeTeam(db, council, { patch })
  const family = await makeFamily(db, council, { patch })
  childId = (await makeChild(db, family, { firstName: 'Audra' })).id
  await makeChild(db, family, { firstName: 'Auden', dateOfBirth: '2020-05-04' })
  familyId = family.id
  practitioner = await signInAs(t.app, db, council, 'practitioner', { teams: [team], name: 'Priya Practitioner' })
  admin = await signInAs(t.app, db, council, 'administrator')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const eventsFor = (where: ReturnType<typeof eq>) => dbx.handle.db.select().from(auditEvents).where(where)

describe('audit trail', () => {
  it('reading a child’s record writes an audit row: who, which child, what, when, which route', async () => {
    const before = Date.now()
    const res = await practitioner.request('GET', `/api/children/${childId}`)
    expect(res.statusCode).toBe(200)
    const rows = (await eventsFor(eq(auditEvents.childId, childId))).filter((r) => r.action === 'child.read')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      actorPersonId: practitioner.personId,
      councilId: council.id,
      familyId,
      route: '/api/children/:id',
      method: 'GET',
      recordType: 'child',
      recordId: childId,
    })
    expect(rows[0]!.at.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(rows[0]!.requestId).toBeTruthy()
  })

  it('reading a family audits the family and each child shown', async () => {
    await practitioner.request('GET', `/api/families/${familyId}`)
    const rows = await eventsFor(eq(auditEvents.familyId, familyId))
    expect(rows.some((r) => r.action === 'family.read')).toBe(true)
    const kids = await dbx.handle.db.select({ id: children.id }).from(children).where(eq(children.familyId, familyId))
    for (const k of kids) expect(rows.some((r) => r.action === 'child.read' && r.childId === k.id)).toBe(true)
  })

  it('a write and its audit row are one transaction: an audit failure leaves no change', async () => {
    // Make audit inserts fail for this one statement window with a trigger, then try a write.
    await dbx.handle.db.execute(
      sql`create or replace function fail_audit() returns trigger as $$ begin raise exception 'audit down'; end $$ language plpgsql`,
    )
    await dbx.handle.db.execute(
      sql`create trigger fail_audit before insert on audit_events for each row execute function fail_audit()`,
    )
    try {
      const res = await practitioner.request('PATCH', `/api/children/${childId}`, { firstName: 'Renamedwithoutaudit' })
      expect(res.statusCode).toBe(500)
      expect(res.json().error.message).not.toMatch(/audit down/) // database errors never reach the client
    } finally {
      await dbx.handle.db.execute(sql`drop trigger fail_audit on audit_events`)
    }
    const [child] = await dbx.handle.db.select().from(children).where(eq(children.id, childId))
    expect(child!.firstName).not.toBe('Renamedwithoutaudit')
  })

  it('no route changes or deletes the audit trail, and the database refuses it too', async () => {
    const auditRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/audit'))
    expect(auditRoutes.filter((r) => ['PUT', 'PATCH', 'DELETE'].includes(r.method))).toEqual([])
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await admin.request(method, '/api/audit', {})
      expect(res.statusCode).toBe(404)
    }
    await expect(dbx.handle.db.update(auditEvents).set({ action: 'rewritten' })).rejects.toThrow()
    await expect(dbx.handle.db.delete(auditEvents)).rejects.toThrow()
  })

  it('administrators search by person, by child and by date', async () => {
    const byChild = (await admin.request('GET', `/api/audit?childId=${childId}`)).json()
    expect(byChild.events.length).toBeGreaterThanOrEqual(2)
    expect(byChild.events.every((e: { childId: string }) => e.childId === childId)).toBe(true)
    const byPerson = (await admin.request('GET', `/api/audit?personId=${practitioner.personId}`)).json()
    expect(byPerson.events.length).toBeGreaterThan(0)
    expect(byPerson.events.every((e: { actorPersonId: string }) => e.actorPersonId === practitioner.personId)).toBe(
      true,
    )
    expect(byPerson.events[0].actorName).toBe('Priya Practitioner')
    const today = new Date().toISOString().slice(0, 10)
    const todays = (await admin.request('GET', `/api/audit?from=${today}&to=${today}&childId=${childId}`)).json()
    expect(todays.events.length).toBe(byChild.events.length)
    const longAgo = (await admin.request('GET', `/api/audit?from=2001-01-01&to=2001-12-31`)).json()
    expect(longAgo.events).toEqual([])
    const bad = await admin.request('GET', '/api/audit?from=yesterday')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].field).toBe('query.from')
  })

  it('pages through results with nextBefore', async () => {
    const first = (await admin.request('GET', '/api/audit?limit=2')).json()
    expect(first.events).toHaveLength(2)
    expect(first.nextBefore).toBe(first.events[1].id)
    const second = (await admin.request('GET', `/api/audit?limit=2&before=${first.nextBefore}`)).json()
    expect(second.events[0].id).toBeLessThan(first.events[1].id)
  })

  it('only administrators search it', async () => {
    expect((await practitioner.request('GET', '/api/audit')).statusCode).toBe(403)
  })
})
