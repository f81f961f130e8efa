import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { noteAddenda, noteBands, notes } from '@hearth/db/schema/recording'
import { signatureOf } from '../src/modules/recording/similar-notes'
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
  makeVisit,
  signInAs,
  type Team,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #13, the visit note: begun from a visit (filled in from it), saved as a draft only its author
 * sees, finalised once (every problem named), then kept as written: no route and no SQL changes
 * it; corrections are addenda. On real PostgreSQL.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let team: Team
let family: Family
let kids: Child[]
let lead: Awaited<ReturnType<typeof signInAs>>
let coWorker: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>
let visitId: string

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const otherPatch = await makePatch(db, council, { postcodeAreas: ['NM9'] })
  team = await makeTeam(db, council, { patch })
  const otherTeam = await makeTeam(db, council, { patch: otherPatch })
  family = await makeFamily(db, council, { patch })
  kids = [await makeChild(db, family, { firstName: 'Ada' }), await makeChild(db, family, { firstName: 'Bo' })]
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  coWorker = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [otherTeam] })
  await makeAllocation(db, family, team, lead.person, coWorker.person)
  const visit = await makeVisit(db, family, team, lead.person, {
    startsAt: new Date('2026-11-20T10:00:00Z'),
    durationMinutes: 75,
    place: 'The family home',
  })
  visitId = visit.id
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

const story = {
  workingWell: 'Ada showed me her drawings; Mum had the school uniform ready.',
  worries: 'The kitchen was cold and there was little food in.',
  needsToHappen: 'I will ask the food bank for a parcel this week.',
  familyWords: '“We are managing, just about,” Mum said.',
}
const seenBoth = () => ({
  children: [
    { childId: kids[0]!.id, seen: 'seen_alone' },
    { childId: kids[1]!.id, seen: 'not_seen', notSeenReason: 'Asleep upstairs' },
  ],
})

/** Another visit like the first (one note per visit). */
async function anotherVisit() {
  const v = await makeVisit(dbx.handle.db, family, team, lead.person, {
    startsAt: new Date('2026-11-20T10:00:00Z'),
    durationMinutes: 75,
    place: 'The family home',
  })
  return v.id
}

async function finalNote() {
  const started = await lead.request('POST', `/api/families/${family.id}/notes`, { visitId: await anotherVisit() })
  const id = started.json().id
  await lead.request('PUT', `/api/notes/${id}`, { ...story, ...seenBoth() })
  // the same story each time: kept on purpose (the copy-paste check is tested on its own below)
  const done = await lead.request('POST', `/api/notes/${id}/finalise`, { keepSimilar: true })
  expect(done.statusCode, done.body).toBe(200)
  return id as string
}

describe('a visit note', () => {
  it('begun from a visit, is filled in from it, lists every child with nothing chosen', async () => {
    const res = await lead.request('POST', `/api/families/${family.id}/notes`, { visitId })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      status: 'draft',
      kind: 'home_visit',
      happenedAt: '2026-11-20T10:00:00.000Z',
      place: 'The family home',
      directMinutes: 75,
      appointment: 'on_time',
    })
    expect(res.json().children.map((c: { seen: unknown }) => c.seen)).toEqual([null, null])
  })

  it('one note per visit: begun ten times at once, one draft; another person is told who is writing it', async () => {
    const visit = await anotherVisit()
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => lead.request('POST', `/api/families/${family.id}/notes`, { visitId: visit })),
    )
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1)
    const rows = await dbx.handle.db.select().from(notes).where(eq(notes.visitId, visit))
    expect(rows).toHaveLength(1)
    const started = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'note.start'), eq(auditEvents.recordId, rows[0]!.id)))
    expect(started).toHaveLength(1)
    // the co-worker, from the same visit: told who is writing it, and nothing made
    const theirs = await coWorker.request('POST', `/api/families/${family.id}/notes`, { visitId: visit })
    expect(theirs.statusCode).toBe(409)
    expect(theirs.json().error.message).toContain(`${lead.person.name} is already writing the note of this visit`)
    // once saved, the visit answers with the saved note, for anyone in the team
    const id = rows[0]!.id
    await lead.request('PUT', `/api/notes/${id}`, { ...story, ...seenBoth() })
    expect((await lead.request('POST', `/api/notes/${id}/finalise`, { keepSimilar: true })).statusCode).toBe(200)
    const again = await coWorker.request('POST', `/api/families/${family.id}/notes`, { visitId: visit })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ id, status: 'final' })
    expect(await dbx.handle.db.select().from(notes).where(eq(notes.visitId, visit))).toHaveLength(1)
  })

  it('as a draft is its author’s alone: not found for the co-worker, not in their list', async () => {
    const res = await lead.request('POST', `/api/families/${family.id}/notes`, { worries: 'Only mine for now.' })
    const id = res.json().id
    expect((await coWorker.request('GET', `/api/notes/${id}`)).statusCode).toBe(404)
    expect((await coWorker.request('PUT', `/api/notes/${id}`, { worries: 'Not mine' })).statusCode).toBe(404)
    const theirs = (await coWorker.request('GET', `/api/families/${family.id}/notes`)).json() as { id: string }[]
    expect(theirs.map((n) => n.id)).not.toContain(id)
    const mine = (await lead.request('GET', `/api/families/${family.id}/notes`)).json() as { id: string }[]
    expect(mine.map((n) => n.id)).toContain(id)
  })

  it('cannot be finalised empty: every problem is named at once, and nothing changes', async () => {
    const res = await lead.request('POST', `/api/families/${family.id}/notes`, { visitId: await anotherVisit() })
    const id = res.json().id
    const refused = await lead.request('POST', `/api/notes/${id}/finalise`)
    expect(refused.statusCode).toBe(400)
    const fields = refused.json().error.details.map((d: { field: string }) => d.field)
    expect(fields).toEqual(['body.workingWell', 'body.children.0.seen', 'body.children.1.seen'])
    await lead.request('PUT', `/api/notes/${id}`, {
      worries: 'Something',
      children: [
        { childId: kids[0]!.id, seen: 'seen' },
        { childId: kids[1]!.id, seen: 'not_seen' },
      ],
      appointment: 'late',
    })
    const again = await lead.request('POST', `/api/notes/${id}/finalise`)
    expect(again.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'body.children.1.notSeenReason',
      'body.lateMinutes',
    ])
    const [row] = await dbx.handle.db.select().from(notes).where(eq(notes.id, id))
    expect(row!.status).toBe('draft')
  })

  it('finalised, is read by the co-worker and kept as written: routes answer 409, SQL is refused', async () => {
    const id = await finalNote()
    const read = await coWorker.request('GET', `/api/notes/${id}`)
    expect(read.statusCode).toBe(200)
    expect(read.json()).toMatchObject({ status: 'final', ...story })
    const [before] = await dbx.handle.db.select().from(notes).where(eq(notes.id, id))
    // every write route that names a note, with a valid body: none changes it
    for (const r of t.app.routeTable.filter(
      (x) => x.url.startsWith('/api/notes/:id') && !['GET', 'HEAD'].includes(x.method),
    )) {
      const body = r.url.endsWith('/addenda') ? undefined : { worries: 'Rewritten' }
      if (r.url.endsWith('/addenda')) continue // adds beside it, tested below
      const res = await lead.request(r.method as 'PUT', r.url.replace(':id', id), body)
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(409)
    }
    const [after] = await dbx.handle.db.select().from(notes).where(eq(notes.id, id))
    expect(after).toEqual(before)
    await expect(dbx.handle.db.execute(sql`update notes set worries = 'rewritten' where id = ${id}`)).rejects.toThrow()
    await expect(dbx.handle.db.execute(sql`delete from notes where id = ${id}`)).rejects.toThrow()
  })

  it('corrections are addenda beside the original: who, when, why; and they cannot be changed', async () => {
    const id = await finalNote()
    const res = await coWorker.request('POST', `/api/notes/${id}/addenda`, {
      reason: 'A detail was missed',
      text: 'Bo’s school also rang about his attendance.',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().addenda).toEqual([expect.objectContaining({ reason: 'A detail was missed' })])
    expect(res.json().worries).toBe(story.worries) // the original stands
    await expect(
      dbx.handle.db.update(noteAddenda).set({ text: 'rewritten' }).where(eq(noteAddenda.noteId, id)),
    ).rejects.toThrow()
  })

  it('finalised ten times at once: once, with one audit row', async () => {
    const started = await lead.request('POST', `/api/families/${family.id}/notes`, { ...story, ...seenBoth() })
    const id = started.json().id
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => lead.request('POST', `/api/notes/${id}/finalise`, { keepSimilar: true })),
    )
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1)
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(9)
    const rows = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'note.finalise'), eq(auditEvents.recordId, id)))
    expect(rows).toHaveLength(1)
  })

  it('refuses a child not in the family, and another team’s family, writing nothing', async () => {
    const other = await makeFamily(dbx.handle.db, council, {})
    const stranger = await makeChild(dbx.handle.db, other)
    const count = async () => (await dbx.handle.db.select().from(notes)).length
    const before = await count()
    const res = await lead.request('POST', `/api/families/${family.id}/notes`, {
      children: [{ childId: stranger.id, seen: 'seen' }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].field).toBe('body.children.0.childId')
    expect((await elsewhere.request('POST', `/api/families/${family.id}/notes`, story)).statusCode).toBe(404)
    expect(await count()).toBe(before)
  })

  it('appears in the family’s chronology once finalised, drafts never', async () => {
    const id = await finalNote()
    const chronology = (await coWorker.request('GET', `/api/families/${family.id}/chronology`)).json() as {
      kind: string
      title: string
      detail: string | null
      link: string | null
    }[]
    const entry = chronology.find((e) => e.kind === 'note' && e.title.startsWith('Note:') && e.link?.endsWith(id))
    expect(entry?.detail).toBe(story.workingWell)
    expect(entry?.link).toBe(`/families/${family.id}#note-${id}`)
    expect(chronology.filter((e) => e.kind === 'note' && e.title.startsWith('Note:')).length).toBe(
      (await dbx.handle.db.select().from(notes).where(eq(notes.status, 'final'))).length,
    )
    // each addendum too, leading to its note
    const addenda = await dbx.handle.db.select().from(noteAddenda)
    const told = chronology.filter((e) => e.title.startsWith('Addendum to a note:'))
    expect(told).toHaveLength(addenda.length)
    for (const a of addenda) expect(told.some((e) => e.link === `/families/${family.id}#note-${a.noteId}`)).toBe(true)
  })
  it('a note very like an earlier one is shown to its author first: what it shares, then rewrite or keep', async () => {
    const first = await lead.request('POST', `/api/families/${family.id}/notes`, {
      ...seenBoth(),
      worries: 'Mum told me the landlord has still not mended the boiler and the children sleep in coats.',
      needsToHappen: 'I will phone the housing officer on Monday and ask for an emergency repair.',
    })
    await lead.request('POST', `/api/notes/${first.json().id}/finalise`, { keepSimilar: true })
    // a light edit of a copy
    const copy = await lead.request('POST', `/api/families/${family.id}/notes`, {
      ...seenBoth(),
      worries: 'Mum told me the landlord has still not mended the boiler and the children sleep in coats.',
      needsToHappen: 'I will phone the housing officer on Tuesday and ask for an emergency repair.',
    })
    const id = copy.json().id
    const refused = await lead.request('POST', `/api/notes/${id}/finalise`)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.details[0].field).toBe('body.keepSimilar')
    const similar = (await lead.request('GET', `/api/notes/${id}/similar`)).json()
    expect(similar[0]).toMatchObject({ noteId: first.json().id, sameFamily: true })
    expect(similar[0].passages[0]).toMatch(/landlord has still not mended the boiler/)
    const kept = await lead.request('POST', `/api/notes/${id}/finalise`, { keepSimilar: true })
    expect(kept.statusCode).toBe(200)
    const [row] = await dbx.handle.db.select().from(notes).where(eq(notes.id, id))
    expect(row!.keptSimilar).toEqual([expect.objectContaining({ noteId: first.json().id })])
    // a genuinely new note about a similar situation goes straight through
    const fresh = await lead.request('POST', `/api/families/${family.id}/notes`, {
      ...seenBoth(),
      workingWell: 'The new heater works and Ada did her homework at the kitchen table, warm for once.',
    })
    expect((await lead.request('POST', `/api/notes/${fresh.json().id}/finalise`)).statusCode).toBe(200)
  })
  it('names from another family’s record are shown before saving; this family’s own never are (#32)', async () => {
    const db = dbx.handle.db
    const other = await makeFamily(db, council, { name: 'Brightwater family' })
    await makeChild(db, other, { firstName: 'Kestrel', lastName: 'Brightwater' })
    await makeAdult(db, other, { name: 'Kevin Brightwater' })
    const [ada] = kids
    const half = await lead.request('POST', `/api/families/${family.id}/notes`, {
      ...seenBoth(),
      worries:
        `${ada!.firstName} ${ada!.lastName} was quiet. Kevin   Brightwater shouted at Kestrel Brightwater ` +
        'in the kitchen, and the police were called. Kevin Brightwaterson is the landlord.',
    })
    const id = half.json().id
    const seen = await lead.request('GET', `/api/notes/${id}/names-elsewhere`)
    expect(seen.statusCode, seen.body).toBe(200)
    // the other family's father and child, across the spaces typed; not a longer name; not this family's child
    expect(seen.json()).toEqual({ names: ['Kestrel Brightwater', 'Kevin Brightwater'] })
    const refused = await lead.request('POST', `/api/notes/${id}/finalise`)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.details[0]).toMatchObject({ field: 'body.keepSimilar' })
    // another practitioner cannot ask about the draft at all
    expect((await coWorker.request('GET', `/api/notes/${id}/names-elsewhere`)).statusCode).toBe(404)
    expect((await lead.request('POST', `/api/notes/${id}/finalise`, { keepSimilar: true })).statusCode).toBe(200)
  })

  it('finds the earlier notes by their band keys, and still checks those finalised before keys were kept', async () => {
    const db = dbx.handle.db
    const words = {
      worries: 'Nan said the baby had not been to the clinic since March and the cot was full of washing.',
    }
    const first = (await lead.request('POST', `/api/families/${family.id}/notes`, { ...seenBoth(), ...words })).json()
    expect((await lead.request('POST', `/api/notes/${first.id}/finalise`)).statusCode).toBe(200)
    const keys = await db.select().from(noteBands).where(eq(noteBands.noteId, first.id))
    expect(keys.length).toBeGreaterThan(50)
    expect(keys.every((k) => k.councilId === council.id)).toBe(true)
    // an older note: finalised with its signature but no band keys (as before they were kept)
    const old = 'The school nurse said the twins had missed their jabs and the letters were never opened.'
    const [earlier] = await db
      .insert(notes)
      .values({
        councilId: council.id,
        familyId: family.id,
        authorId: lead.person.id,
        kind: 'home_visit',
        happenedAt: new Date('2026-01-05T10:00:00Z'),
        worries: old,
        status: 'final',
        finalisedAt: new Date('2026-01-05T11:00:00Z'),
        signature: signatureOf({ workingWell: null, worries: old, needsToHappen: null, familyWords: null }),
      })
      .returning()
    const copy = (
      await lead.request('POST', `/api/families/${family.id}/notes`, { ...seenBoth(), worries: old })
    ).json()
    const refused = await lead.request('POST', `/api/notes/${copy.id}/finalise`)
    expect(refused.statusCode).toBe(409)
    const similar = (await lead.request('GET', `/api/notes/${copy.id}/similar`)).json()
    expect(similar.map((x: { noteId: string }) => x.noteId)).toContain(earlier!.id)
  })
  it('the council sets its own threshold (an administrator, audited); the check follows it', async () => {
    const admin = await signInAs(t.app, dbx.handle.db, council, 'administrator')
    expect((await admin.request('GET', '/api/council/note-check')).json()).toEqual({ percent: 33, defaultPercent: 33 })
    expect((await lead.request('PUT', '/api/council/note-check', { percent: 50 })).statusCode).toBe(403)
    const bad = await admin.request('PUT', '/api/council/note-check', { percent: 4 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].field).toBe('body.percent')
    // two notes sharing a little under half their phrases: flagged at 33 %, not at 60 %
    const a = 'Mum said the boiler is fixed and the children slept well all week in the warm.'
    const b = 'Mum said the boiler is fixed and the children were happy.'
    const first = (await lead.request('POST', `/api/families/${family.id}/notes`, { ...seenBoth(), worries: a })).json()
    await lead.request('POST', `/api/notes/${first.id}/finalise`, { keepSimilar: true })
    const second = (
      await lead.request('POST', `/api/families/${family.id}/notes`, { ...seenBoth(), worries: b })
    ).json()
    expect(
      (await lead.request('GET', `/api/notes/${second.id}/similar`)).json().map((x: { noteId: string }) => x.noteId),
    ).toContain(first.id)
    const set = await admin.request('PUT', '/api/council/note-check', { percent: 60 })
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json()).toEqual({ percent: 60, defaultPercent: 33 })
    expect((await lead.request('GET', `/api/notes/${second.id}/similar`)).json()).toEqual([])
    expect((await lead.request('POST', `/api/notes/${second.id}/finalise`)).statusCode).toBe(200)
    const [audit] = await dbx.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'council.note_check_threshold'))
    expect(audit).toMatchObject({ actorPersonId: admin.person.id, details: { fromPercent: 33, toPercent: 60 } })
    await admin.request('PUT', '/api/council/note-check', { percent: 33 })
  })
  it('a past visit with nothing recorded stays on My day until a note says what happened', async () => {
    const db = dbx.handle.db
    const past = await makeVisit(db, family, team, lead.person, {
      startsAt: new Date(Date.now() - 3 * 86_400_000),
      durationMinutes: 40,
      place: 'The park (invented)',
    })
    const listed = async (s: typeof lead) =>
      ((await s.request('GET', '/api/me/visits-to-record')).json() as { id: string }[]).map((v) => v.id)
    expect(await listed(lead)).toContain(past.id)
    // not the co-worker's: they were not booked for it
    expect(await listed(coWorker)).not.toContain(past.id)
    const started = await lead.request('POST', `/api/families/${family.id}/notes`, { visitId: past.id })
    const id = started.json().id
    // a draft is not a record yet
    expect(await listed(lead)).toContain(past.id)
    await lead.request('PUT', `/api/notes/${id}`, {
      ...seenBoth(),
      appointment: 'missed',
      changedBy: 'family',
      missedReason: 'Nobody was in: they had gone to stay with their grandmother.',
      directMinutes: 0,
      worries: 'Nobody was in; a neighbour said they had gone to Nan’s for the week.',
    })
    expect((await lead.request('POST', `/api/notes/${id}/finalise`, { keepSimilar: true })).statusCode).toBe(200)
    expect(await listed(lead)).not.toContain(past.id)
  })
})
