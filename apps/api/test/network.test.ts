import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { relationships } from '@hearth/db/schema/families'
import { networkChanges, networkLinks, networkPeople } from '@hearth/db/schema/network'
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
  makeTeam,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #14, the people around each child: a family's network of people and relationships between any
 * two of them, kept with its history, drawn in rows (the genogram's generations). On PostgreSQL.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let family: Family
let sister: Family
let hidden: Family
let ava: Child
let mumId: string
let lead: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>
let foreign: Awaited<ReturnType<typeof signInAs>>

type Network = {
  people: { id: string; name: string; generation: number; childId: string | null; version: number }[]
  links: { id: string; sentence: string; closeness: string; version: number; fromId: string; toId: string }[]
  ended: { id: string; sentence: string; endedReason: string | null }[]
  removed: { id: string; name: string; reason: string | null }[]
  conflicts: string[]
}

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const otherPatch = await makePatch(db, council, { postcodeAreas: ['NM9'] })
  const team = await makeTeam(db, council, { patch })
  const otherTeam = await makeTeam(db, council, { patch: otherPatch })
  family = await makeFamily(db, council, { patch })
  sister = await makeFamily(db, council, { patch })
  hidden = await makeFamily(db, council, { patch: otherPatch })
  ava = await makeChild(db, family, { firstName: 'Ava', lastName: 'Quillby', dateOfBirth: '2019-04-02', sex: 'F' })
  await makeChild(db, sister, { firstName: 'Kit', lastName: 'Quillby' })
  await makeChild(db, hidden, { firstName: 'Hal', lastName: 'Hidden' })
  const mum = await makeAdult(db, family, { name: 'Jo Quillby', description: 'Mum', livesWithFamily: true })
  mumId = mum.id
  await db.insert(relationships).values({
    councilId: council.id,
    familyId: family.id,
    adultId: mum.id,
    childId: ava.id,
    kind: 'parent',
    strengths: 'Reads to her every night',
  })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [otherTeam] })
  await makeAllocation(db, family, team, lead.person)
  const second = await makeCouncil(db)
  const secondTeam = await makeTeam(db, second, { patch: await makePatch(db, second, { postcodeAreas: ['SM1'] }) })
  foreign = await signInAs(t.app, db, second, 'practitioner', { teams: [secondTeam] })
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const network = async (familyId = family.id) => {
  const res = await lead.request('GET', `/api/families/${familyId}/network`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as Network
}
const byName = (n: Network, name: string) => n.people.find((p) => p.name === name)!
async function addPerson(body: Record<string, unknown>) {
  const res = await lead.request('POST', `/api/families/${family.id}/network/people`, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Network
}
async function link(body: Record<string, unknown>) {
  const res = await lead.request('POST', `/api/families/${family.id}/network/links`, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Network
}

describe('a family’s network', () => {
  it('starts from the family page: its children, its adults and how they are related, each once', async () => {
    // ten first reads at once: the children and adults come in once each
    const all = await Promise.all(
      Array.from({ length: 10 }, () => lead.request('GET', `/api/families/${family.id}/network`)),
    )
    expect(all.map((r) => r.statusCode)).toEqual(Array(10).fill(200))
    const made = await dbx.handle.db.select().from(networkPeople).where(eq(networkPeople.councilId, council.id))
    expect(made.filter((p) => p.childId === ava.id)).toHaveLength(1)
    expect(made.filter((p) => p.adultId === mumId)).toHaveLength(1)
    const n = await network()
    expect(n.people.map((p) => p.name).sort()).toEqual(['Ava Quillby', 'Jo Quillby'])
    expect(n.links.map((l) => l.sentence)).toEqual(['Jo Quillby is the parent of Ava Quillby'])
    expect(byName(n, 'Ava Quillby').generation).toBe(1)
    expect(byName(n, 'Jo Quillby').generation).toBe(0)
  })

  it('draws three generations, a separated partner and a teacher; each change on the chronology', async () => {
    let n = await addPerson({ name: 'Nan Quillby', sex: 'F', bornYear: 1958, role: 'Mum’s mum' })
    n = await addPerson({ name: 'Sam Quillby', sex: 'M', role: 'Ava’s dad' })
    n = await addPerson({ name: 'Ms Testwood', kind: 'professional', role: 'Class teacher, Moor Lane' })
    const id = (name: string) => byName(n, name).id
    const jo = id('Jo Quillby')
    await link({ fromId: id('Nan Quillby'), toId: jo, kind: 'parent_of', closeness: 'close', support: 'from_to' })
    await link({
      fromId: jo,
      toId: id('Sam Quillby'),
      kind: 'partner_of',
      partnership: 'separated',
      closeness: 'conflict',
    })
    await link({ fromId: id('Sam Quillby'), toId: id('Ava Quillby'), kind: 'parent_of', contactSafe: 'supervised' })
    n = await link({ fromId: id('Ms Testwood'), toId: id('Ava Quillby'), kind: 'works_with', good: 'Ava trusts her' })
    expect(Object.fromEntries(n.people.map((p) => [p.name, p.generation]))).toMatchObject({
      'Nan Quillby': 0,
      'Jo Quillby': 1,
      'Sam Quillby': 1,
      'Ava Quillby': 2,
    })
    expect(n.links.map((l) => l.sentence)).toContain('Jo Quillby is the partner of Sam Quillby (separated)')
    expect(n.conflicts).toEqual([])
    const chronology = (await lead.request('GET', `/api/families/${family.id}/chronology`)).json() as {
      kind: string
      title: string
    }[]
    const told = chronology.filter((e) => e.kind === 'network').map((e) => e.title)
    expect(told).toContain('Added to the network: Nan Quillby')
    expect(told).toContain('Relationship recorded: Nan Quillby is the parent of Jo Quillby')
    const audit = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, family.id), eq(auditEvents.action, 'network.link_added')))
    expect(audit).toHaveLength(4)
    expect(
      (await dbx.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'network.read'))).length,
    ).toBeGreaterThan(0)
  })

  it('a change of closeness needs why and the version seen; a stale version changes nothing', async () => {
    const n = await network()
    const l = n.links.find((x) => x.sentence.startsWith('Nan Quillby is the parent of'))!
    const body = { kind: 'parent_of', closeness: 'distant', support: 'none', version: l.version }
    const noWhy = await lead.request('PUT', `/api/families/${family.id}/network/links/${l.id}`, body)
    expect(noWhy.statusCode).toBe(400)
    expect(noWhy.json().error.details[0].field).toBe('body.reason')
    const why = { ...body, reason: 'They fell out over money at Christmas.' }
    const ok = await lead.request('PUT', `/api/families/${family.id}/network/links/${l.id}`, why)
    expect(ok.statusCode, ok.body).toBe(200)
    expect((ok.json() as Network).links.find((x) => x.id === l.id)!.closeness).toBe('distant')
    const stale = await lead.request('PUT', `/api/families/${family.id}/network/links/${l.id}`, {
      ...why,
      closeness: 'close',
    })
    expect(stale.statusCode).toBe(409)
    const [row] = await dbx.handle.db.select().from(networkLinks).where(eq(networkLinks.id, l.id))
    expect(row).toMatchObject({ closeness: 'distant', version: 2 })
    const [change] = await dbx.handle.db
      .select()
      .from(networkChanges)
      .where(and(eq(networkChanges.linkId, l.id), eq(networkChanges.kind, 'link_changed')))
    expect(change).toMatchObject({ reason: 'They fell out over money at Christmas.' })
    expect(change!.before).toMatchObject({ closeness: 'close' })
  })

  it('removing someone ends their relationships here, dated, and keeps them in the history', async () => {
    const n = await network()
    const sam = byName(n, 'Sam Quillby')
    const res = await lead.request('POST', `/api/families/${family.id}/network/people/${sam.id}/remove`, {
      reason: 'Moved abroad; no contact for a year.',
    })
    expect(res.statusCode, res.body).toBe(200)
    const after = res.json() as Network
    expect(after.people.some((p) => p.id === sam.id)).toBe(false)
    expect(after.removed).toEqual([
      expect.objectContaining({ id: sam.id, name: 'Sam Quillby', reason: 'Moved abroad; no contact for a year.' }),
    ])
    expect(after.ended.map((l) => l.sentence).sort()).toEqual([
      'Jo Quillby is the partner of Sam Quillby (separated)',
      'Sam Quillby is the parent of Ava Quillby',
    ])
    expect(after.links.some((l) => l.fromId === sam.id || l.toId === sam.id)).toBe(false)
    // the person and their links are still there
    expect(await dbx.handle.db.select().from(networkPeople).where(eq(networkPeople.id, sam.id))).toHaveLength(1)
  })

  it('someone in two families’ networks (a sister in another household); not from a family out of reach', async () => {
    const kit = byName(await network(sister.id), 'Kit Quillby')
    const res = await lead.request('POST', `/api/families/${family.id}/network/people`, { personId: kit.id })
    expect(res.statusCode, res.body).toBe(201)
    const n = res.json() as Network
    await link({ fromId: byName(n, 'Ava Quillby').id, toId: kit.id, kind: 'half_sibling_of', closeness: 'close' })
    expect(byName(await network(), 'Kit Quillby').generation).toBe(2)
    expect(byName(await network(sister.id), 'Kit Quillby').id).toBe(kit.id)
    // a child of a family in another patch: not found, as if there were no such person
    const hal = (await elsewhere.request('GET', `/api/families/${hidden.id}/network`)).json() as Network
    const refused = await lead.request('POST', `/api/families/${family.id}/network/people`, {
      personId: byName(hal, 'Hal Hidden').id,
    })
    expect(refused.statusCode).toBe(404)
  })

  it('bad input is named and writes nothing', async () => {
    const n = await network()
    const count = async () => (await dbx.handle.db.select({ n: sql<number>`count(*)::int` }).from(networkChanges))[0]!.n
    const before = await count()
    const ava = byName(n, 'Ava Quillby').id
    const cases: [string, Record<string, unknown>, string][] = [
      ['links', { fromId: ava, toId: ava, kind: 'friend_of' }, 'body.toId'],
      ['links', { fromId: ava, toId: '00000000-0000-4000-8000-000000000000', kind: 'friend_of' }, 'body.toId'],
      ['links', { fromId: ava, toId: byName(n, 'Jo Quillby').id, kind: 'enemy_of' }, 'body.kind'],
      [
        'links',
        { fromId: ava, toId: byName(n, 'Jo Quillby').id, kind: 'friend_of', closeness: 'very' },
        'body.closeness',
      ],
      ['people', { name: 'Old Quillby', bornYear: 1950, diedYear: 1940 }, 'body.diedYear'],
      ['people', { name: '' }, 'body.name'],
    ]
    for (const [what, body, field] of cases) {
      const res = await lead.request('POST', `/api/families/${family.id}/network/${what}`, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field)
    }
    expect(await count()).toBe(before)
  })

  it('another team, another council: not found, nothing written', async () => {
    const n = await network()
    const l = n.links[0]!
    const before = (await dbx.handle.db.select().from(networkChanges)).length
    for (const s of [elsewhere, foreign]) {
      expect((await s.request('GET', `/api/families/${family.id}/network`)).statusCode).toBe(404)
      expect(
        (await s.request('POST', `/api/families/${family.id}/network/people`, { name: 'Intruder' })).statusCode,
      ).toBe(404)
      expect(
        (await s.request('POST', `/api/families/${family.id}/network/links/${l.id}/end`, { reason: 'Not mine' }))
          .statusCode,
      ).toBe(404)
    }
    // a link of this family, asked for through another family: not found
    const viaOther = await lead.request('POST', `/api/families/${sister.id}/network/links/${l.id}/end`, {
      reason: 'Wrong family',
    })
    expect(viaOther.statusCode).toBe(404)
    expect((await dbx.handle.db.select().from(networkChanges)).length).toBe(before)
  })

  it('the database keeps the history: changes cannot be rewritten, links and members not deleted', async () => {
    const db = dbx.handle.db
    await expect(db.execute(sql`update network_changes set reason = 'rewritten'`)).rejects.toThrow()
    await expect(db.execute(sql`delete from network_changes`)).rejects.toThrow()
    await expect(db.execute(sql`delete from network_links`)).rejects.toThrow()
    await expect(db.execute(sql`delete from network_members`)).rejects.toThrow()
  })
})
