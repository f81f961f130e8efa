import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { planChanges, planItems } from '@hearth/db/schema/plan'
import {
  buildTestApp,
  type Child,
  type Council,
  type Family,
  freshDatabase,
  makeAdult,
  makeAllocation,
  makeChild,
  makeCouncil,
  makeFamily,
  makePatch,
  makeService,
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #13, the family's plan: what will happen, who does it, by when. Items are done, not done or
 * changed with a reason, and every change is kept (no route and no SQL rewrites the history).
 * Two people changing one item at once cannot overwrite each other. On real PostgreSQL.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let family: Family
let otherFamily: Family
let child: Child
let otherChild: Child
let mumId: string
let serviceId: string
let foreignServiceId: string
let lead: Awaited<ReturnType<typeof signInAs>>
let coWorker: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>
let foreign: Awaited<ReturnType<typeof signInAs>>

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const team = await makeTeam(db, council, { patch })
  const otherTeam = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM9'] }) })
  family = await makeFamily(db, council, { patch })
  otherFamily = await makeFamily(db, council, { patch })
  child = await makeChild(db, family, { firstName: 'Ada' })
  otherChild = await makeChild(db, otherFamily, { firstName: 'Zed' })
  mumId = (await makeAdult(db, family, { name: 'Testmum Quillby' })).id
  serviceId = (await makeService(db, council)).id
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team], name: 'Lena Leadworth' })
  coWorker = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [otherTeam] })
  await makeAllocation(db, family, team, lead.person, coWorker.person)
  const second = await makeCouncil(db)
  foreignServiceId = (await makeService(db, second)).id
  const secondTeam = await makeTeam(db, second, { patch: await makePatch(db, second, { postcodeAreas: ['SM1'] }) })
  foreign = await signInAs(t.app, db, second, 'practitioner', { teams: [secondTeam] })
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const counts = async () => {
  const db = dbx.handle.db
  const [i] = await db.select({ n: sql<number>`count(*)::int` }).from(planItems)
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(planChanges)
  return { items: i!.n, changes: c!.n }
}

async function addItem(body: Record<string, unknown> = {}) {
  const res = await lead.request('POST', `/api/families/${family.id}/plan/items`, {
    what: 'Walk Ada to school every morning.',
    whoKind: 'family',
    whoId: mumId,
    byDate: '2027-01-15',
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; version: number; whoLabel: string; status: string; history: unknown[] }
}

describe('the family’s plan', () => {
  it('adds an item naming who does it and by when; the co-worker reads it; the history says who added it', async () => {
    const item = await addItem()
    expect(item.whoLabel).toBe('Testmum Quillby')
    expect(item.status).toBe('to_do')
    const res = await coWorker.request('GET', `/api/families/${family.id}/plan`)
    expect(res.statusCode).toBe(200)
    const plan = res.json()
    const got = plan.items.find((i: { id: string }) => i.id === item.id)
    expect(got.history).toEqual([expect.objectContaining({ kind: 'added', byName: 'Lena Leadworth', reason: null })])
    // who the plan may name: the family's workers and its children and adults
    expect(plan.people.workers.map((w: { id: string }) => w.id).sort()).toEqual(
      [lead.person.id, coWorker.person.id].sort(),
    )
    expect(plan.people.family.map((p: { id: string }) => p.id).sort()).toEqual([mumId, child.id].sort())
    const audit = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'plan.item_added'), eq(auditEvents.recordId, item.id)))
    expect(audit).toHaveLength(1)
    expect(audit[0]!.familyId).toBe(family.id)
  })

  it('names a worker, a child, someone in the network or a service, each as the family would say it', async () => {
    expect((await addItem({ whoKind: 'worker', whoId: coWorker.person.id })).whoLabel).toBe(coWorker.person.name)
    expect((await addItem({ whoKind: 'family', whoId: child.id })).whoLabel).toBe(`Ada ${child.lastName}`)
    expect((await addItem({ whoKind: 'network', whoId: null, whoName: 'Their nan' })).whoLabel).toBe('Their nan')
    expect((await addItem({ whoKind: 'service', whoId: serviceId, byDate: null })).whoLabel).toBe(
      'Testfield parenting group (Testfield Trust)',
    )
  })

  it('refuses who is not the family’s: a child of another family, another council’s service, a stranger', async () => {
    const before = await counts()
    const bad: [Record<string, unknown>, string][] = [
      [{ whoKind: 'family', whoId: otherChild.id }, 'body.whoId'],
      [{ whoKind: 'service', whoId: foreignServiceId }, 'body.whoId'],
      [{ whoKind: 'worker', whoId: elsewhere.person.id }, 'body.whoId'],
      [{ whoKind: 'worker', whoId: null }, 'body.whoId'],
      [{ whoKind: 'network', whoId: null, whoName: '' }, 'body.whoName'],
      [{ what: '   ' }, 'body.what'],
      [{ byDate: '2027-02-30' }, 'body.byDate'],
      [{ whoKind: 'someone' }, 'body.whoKind'],
    ]
    for (const [body, field] of bad) {
      const res = await lead.request('POST', `/api/families/${family.id}/plan/items`, {
        what: 'Something',
        whoKind: 'family',
        whoId: mumId,
        ...body,
      })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field)
    }
    expect(await counts()).toEqual(before)
  })

  it('changes an item with why; the history keeps the old words and says what changed', async () => {
    const item = await addItem()
    const res = await coWorker.request('PUT', `/api/plan-items/${item.id}`, {
      version: item.version,
      what: 'Walk Ada to school every morning.',
      whoKind: 'network',
      whoName: 'Auntie Testrose',
      byDate: '2027-01-29',
      reason: 'Mum starts work at eight now.',
    })
    expect(res.statusCode, res.body).toBe(200)
    const changed = res.json()
    expect(changed.version).toBe(2)
    expect(changed.whoLabel).toBe('Auntie Testrose')
    const last = changed.history.at(-1)
    expect(last.kind).toBe('changed')
    expect(last.reason).toBe('Mum starts work at eight now.')
    expect(last.summary).toEqual([
      'Who: Testmum Quillby → Auntie Testrose',
      'By when: 15 January 2027 → 29 January 2027',
    ])
    const [row] = await dbx.handle.db.select().from(planChanges).where(eq(planChanges.version, 2))
    expect(row!.before).toMatchObject({ whoId: mumId, byDate: '2027-01-15' })
  })

  it('a change with nothing different, or without why, is refused and nothing is written', async () => {
    const item = await addItem()
    const before = await counts()
    const same = await lead.request('PUT', `/api/plan-items/${item.id}`, {
      version: 1,
      what: 'Walk Ada to school every morning.',
      whoKind: 'family',
      whoId: mumId,
      byDate: '2027-01-15',
      reason: 'No reason',
    })
    expect(same.statusCode).toBe(400)
    const noWhy = await lead.request('PUT', `/api/plan-items/${item.id}`, {
      version: 1,
      what: 'Walk to school.',
      whoKind: 'family',
      whoId: mumId,
    })
    expect(noWhy.statusCode).toBe(400)
    expect(noWhy.json().error.details.map((d: { field: string }) => d.field)).toContain('body.reason')
    expect(await counts()).toEqual(before)
  })

  it('done needs no reason; not done and to do again need one', async () => {
    const item = await addItem()
    const notDone = await lead.request('POST', `/api/plan-items/${item.id}/status`, {
      version: 1,
      status: 'not_done',
    })
    expect(notDone.statusCode).toBe(400)
    expect(notDone.json().error.details[0].field).toBe('body.reason')
    const done = await lead.request('POST', `/api/plan-items/${item.id}/status`, { version: 1, status: 'done' })
    expect(done.statusCode, done.body).toBe(200)
    const again = await lead.request('POST', `/api/plan-items/${item.id}/status`, { version: 2, status: 'done' })
    expect(again.statusCode).toBe(400)
    const reopened = await lead.request('POST', `/api/plan-items/${item.id}/status`, {
      version: 2,
      status: 'to_do',
      reason: 'Ada missed school twice this week after all.',
    })
    expect(reopened.statusCode).toBe(200)
    expect(reopened.json().history.map((h: { kind: string }) => h.kind)).toEqual(['added', 'done', 'reopened'])
  })

  it('two people changing one item at once: exactly one change lands, the others are told and write nothing', async () => {
    const item = await addItem()
    const before = await counts()
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? lead : coWorker).request('POST', `/api/plan-items/${item.id}/status`, {
          version: 1,
          status: i % 3 ? 'done' : 'not_done',
          reason: `Attempt ${i}`,
        }),
      ),
    )
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes.filter((c) => c === 200)).toHaveLength(1)
    expect(codes.filter((c) => c === 409)).toHaveLength(9)
    expect(await counts()).toEqual({ items: before.items, changes: before.changes + 1 })
    const [row] = await dbx.handle.db.select().from(planItems).where(eq(planItems.id, item.id))
    expect(row!.version).toBe(2)
  })

  it('the chronology tells the plan’s changes', async () => {
    const res = await lead.request('GET', `/api/families/${family.id}/chronology`)
    expect(res.statusCode).toBe(200)
    const plan = res.json().filter((e: { kind: string }) => e.kind === 'plan')
    expect(plan.some((e: { title: string }) => e.title === 'Plan item added: Walk Ada to school every morning.')).toBe(
      true,
    )
    expect(plan.some((e: { detail: string }) => e.detail?.includes('Why: Mum starts work at eight now.'))).toBe(true)
    expect(plan.every((e: { link: string }) => e.link === `/families/${family.id}/plan`)).toBe(true)
  })

  it('another team, another council: not found, nothing written', async () => {
    const item = await addItem()
    const before = await counts()
    for (const s of [elsewhere, foreign]) {
      expect((await s.request('GET', `/api/families/${family.id}/plan`)).statusCode).toBe(404)
      expect(
        (
          await s.request('POST', `/api/families/${family.id}/plan/items`, {
            what: 'x',
            whoKind: 'network',
            whoName: 'y',
          })
        ).statusCode,
      ).toBe(404)
      expect(
        (await s.request('POST', `/api/plan-items/${item.id}/status`, { version: 1, status: 'done' })).statusCode,
      ).toBe(404)
      expect(
        (
          await s.request('PUT', `/api/plan-items/${item.id}`, {
            version: 1,
            what: 'x',
            whoKind: 'network',
            whoName: 'y',
            reason: 'z',
          })
        ).statusCode,
      ).toBe(404)
    }
    expect(await counts()).toEqual(before)
  })

  it('the database keeps every change: the history cannot be rewritten, an item cannot be deleted or changed quietly', async () => {
    const item = await addItem()
    const db = dbx.handle.db
    await expect(
      db.execute(sql`update plan_changes set reason = 'rewritten' where item_id = ${item.id}`),
    ).rejects.toThrow()
    await expect(db.execute(sql`delete from plan_changes where item_id = ${item.id}`)).rejects.toThrow()
    await expect(db.execute(sql`delete from plan_items where id = ${item.id}`)).rejects.toThrow()
    await expect(db.execute(sql`update plan_items set what = 'quietly' where id = ${item.id}`)).rejects.toThrow()
    await expect(db.execute(sql`truncate plan_changes`)).rejects.toThrow()
    const [row] = await db.select().from(planItems).where(eq(planItems.id, item.id))
    expect(row!.what).toBe('Walk Ada to school every morning.')
  })
})
