import { and, eq } from 'drizzle-orm'
import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '@hearth/db/schema/audit'
import { clockAlerts, clockDues } from '@hearth/db/schema/case-process'
import { families } from '@hearth/db/schema/families'
import { notes } from '@hearth/db/schema/recording'
import { recordExports } from '@hearth/db/schema/records'
import type { HearthEvent } from '@hearth/jobs'
import { EXPORT_STEPS, RECORD_KINDS, recordDocument, runRecordExport, sarResponseDocument } from '@hearth/records'
import { handlers as sweepHandlers } from '../../worker/src/jobs/case-process/clocks.sweep.handler'
import { handlers as housekeeping } from '../../worker/src/jobs/housekeeping/housekeeping.handler'
import {
  buildTestApp,
  type Council,
  type Family,
  freshDatabase,
  makeAllocation,
  makeCouncil,
  makeFamily,
  makePatch,
  makeTeam,
  populateWholeRecord,
  signInAs,
  type TestApp,
} from '@hearth/test-kit'

/**
 * #21, a family's whole record: every kind of record comes out (PDF, JSON, CSV), through a job
 * with progress, to the person who asked only; and subject access requests: third-party
 * information marked, reviewed, withheld, on the one-month clock. On real PostgreSQL.
 */
let t: TestApp
let dbx: Awaited<ReturnType<typeof freshDatabase>>
let council: Council
let family: Family
let made: Awaited<ReturnType<typeof populateWholeRecord>>
let lead: Awaited<ReturnType<typeof signInAs>>
let teammate: Awaited<ReturnType<typeof signInAs>>
let elsewhere: Awaited<ReturnType<typeof signInAs>>
let ig: Awaited<ReturnType<typeof signInAs>>
let otherIg: Awaited<ReturnType<typeof signInAs>>

const audits = (action: string) =>
  dbx.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.councilId, council.id), eq(auditEvents.action, action)))
const run = (exportId: string) => runRecordExport(dbx.handle.guarded, council.id, exportId)

beforeAll(async () => {
  dbx = await freshDatabase()
  t = await buildTestApp(dbx.handle)
  const db = dbx.handle.db
  council = await makeCouncil(db)
  const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
  const team = await makeTeam(db, council, { patch })
  const other = await makeTeam(db, council, { patch: await makePatch(db, council, { postcodeAreas: ['NM9'] }) })
  family = await makeFamily(db, council, { patch, name: 'Quillfeather family' })
  lead = await signInAs(t.app, db, council, 'practitioner', { teams: [team], name: 'Lena Leadworth' })
  teammate = await signInAs(t.app, db, council, 'practitioner', { teams: [team] })
  elsewhere = await signInAs(t.app, db, council, 'practitioner', { teams: [other] })
  ig = await signInAs(t.app, db, council, 'information_governance')
  await makeAllocation(db, family, team, lead.person)
  made = await populateWholeRecord(db, council, family, team, lead.person)
  // a colleague's draft, never saved: it is theirs alone and leaves Hearth in no export (#31)
  await db.insert(notes).values({
    councilId: council.id,
    familyId: family.id,
    authorId: teammate.person.id,
    teamId: team.id,
    kind: 'home_visit',
    happenedAt: new Date('2026-10-03T10:00:00Z'),
    place: 'At home',
    worries: 'An unsaved draft thought about Zanzibar the cat.',
    status: 'draft',
  })
  const council2 = await makeCouncil(db)
  otherIg = await signInAs(t.app, db, council2, 'information_governance')
})
afterAll(async () => {
  await t.close()
  await dbx.drop()
})

describe('a family’s whole record', () => {
  let exportId: string
  it('is produced by the worker with progress, and holds every kind of record', async () => {
    const res = await lead.request('POST', `/api/families/${family.id}/record-exports`)
    expect(res.statusCode, res.body).toBe(202)
    exportId = res.json().id
    expect(res.json()).toMatchObject({ status: 'queued', percent: 0, files: [] })
    await run(exportId)
    const view = (await lead.request('GET', `/api/record-exports/${exportId}`)).json()
    expect(view).toMatchObject({
      status: 'done',
      percent: 100,
      stepsTotal: EXPORT_STEPS,
      files: ['pdf', 'json', 'csv'],
    })
    const empty = (view.counts as { kind: string; rows: number }[]).filter((c) => c.rows === 0).map((c) => c.kind)
    expect(empty, 'kinds missing from a fully populated family').toEqual([])
    expect(view.counts.map((c: { kind: string }) => c.kind)).toEqual(RECORD_KINDS.map((k) => k.kind))
  })

  it('downloads as JSON, CSV and PDF, each audited with the family; no link secret in any', async () => {
    const json = await lead.request('GET', `/api/record-exports/${exportId}/json`)
    expect(json.statusCode).toBe(200)
    expect(json.headers['cache-control']).toBe('no-store')
    const bundle = JSON.parse(json.body)
    for (const k of RECORD_KINDS)
      expect(bundle.kinds.find((x: { kind: string }) => x.kind === k.kind).rows.length, k.kind).toBeGreaterThan(0)
    expect(json.body).not.toMatch(/tokenHash|token_hash|codeHash|idempotencyKey/)
    expect(json.body).toContain('Tobiah Quillfeather shouts at Pipkin')
    expect(json.body).not.toContain('Zanzibar')
    expect(bundle.names[lead.person.id]).toBe('Lena Leadworth')

    const zip = await lead.request('GET', `/api/record-exports/${exportId}/csv`)
    expect(zip.headers['content-type']).toContain('application/zip')
    const files = unzipSync(new Uint8Array(zip.rawPayload))
    for (const k of RECORD_KINDS)
      expect(
        Object.keys(files).some((f) => f.endsWith(`-${k.kind}.csv`)),
        k.kind,
      ).toBe(true)
    const notes = Object.entries(files).find(([f]) => f.endsWith('-notes.csv'))![1]
    expect(strFromU8(notes)).toContain('Pipkin showed me the garden')

    const pdf = await lead.request('GET', `/api/record-exports/${exportId}/pdf`)
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const downloads = await audits('record_export.download')
    expect(downloads.map((a) => [a.familyId, (a.details as { file: string }).file]).sort()).toEqual([
      [family.id, 'csv'],
      [family.id, 'json'],
      [family.id, 'pdf'],
    ])
    expect((await audits('record.export')).map((a) => a.familyId)).toEqual([family.id])
  })

  it('is the asker’s alone: a teammate, another team and another council get not found', async () => {
    for (const s of [teammate, elsewhere, otherIg]) {
      expect((await s.request('GET', `/api/record-exports/${exportId}`)).statusCode).toBe(404)
      expect((await s.request('GET', `/api/record-exports/${exportId}/pdf`)).statusCode).toBe(404)
    }
    expect((await elsewhere.request('POST', `/api/families/${family.id}/record-exports`)).statusCode).toBe(404)
    const mine = (await teammate.request('GET', `/api/families/${family.id}/record-exports`)).json()
    expect(mine.exports).toEqual([])
  })

  it('leaves out a confidential address the asker is not named on, everywhere in it', async () => {
    await dbx.handle.db
      .update(families)
      .set({ addressConfidential: true, addressShownTo: [], addressLine1: '7 Hidden Refuge Row', postcode: 'NM1 7ZZ' })
      .where(eq(families.id, family.id))
    const res = await lead.request('POST', `/api/families/${family.id}/record-exports`)
    await run(res.json().id)
    const json = (await lead.request('GET', `/api/record-exports/${res.json().id}/json`)).body
    expect(json).not.toContain('Hidden Refuge')
    expect(json).not.toContain('7ZZ')
    const [row] = await dbx.handle.db.select().from(recordExports).where(eq(recordExports.id, res.json().id))
    const doc = recordDocument(JSON.parse(row!.json!.toString('utf8')), { title: 'x', lines: [] })
    expect(JSON.stringify(doc)).not.toContain('Hidden Refuge')
  })
})

describe('a whole-record export’s files', () => {
  it('are cleared by the hourly sweep after 30 days; the row stays; a request’s are kept', async () => {
    const mk = async (purpose: 'record' | 'sar_gather', daysAgo: number) => {
      const [row] = await dbx.handle.db
        .insert(recordExports)
        .values({
          councilId: council.id,
          familyId: family.id,
          purpose,
          status: 'done',
          requestedBy: lead.person.id,
          pdf: Buffer.from('%PDF-'),
          json: Buffer.from('{}'),
          createdAt: new Date(Date.now() - daysAgo * 86_400_000),
        })
        .returning()
      return row!.id
    }
    const old = await mk('record', 31)
    const recent = await mk('record', 29)
    const request = await mk('sar_gather', 40)
    // housekeeping is a job of its own, apart from the clocks' sweep
    await housekeeping['record.exports_expire']!.run(
      { db: dbx.handle.guarded, publish: async () => {} },
      { councilId: council.id },
    )
    const rows = await dbx.handle.db.select().from(recordExports).where(eq(recordExports.councilId, council.id))
    const of = (id: string) => rows.find((r) => r.id === id)!
    expect([of(old).status, of(old).pdf, of(old).json]).toEqual(['expired', null, null])
    expect(of(recent).status).toBe('done')
    expect(of(request).json).not.toBeNull()
    const view = (await lead.request('GET', `/api/record-exports/${old}`)).json()
    expect(view).toMatchObject({ status: 'expired', files: [] })
    expect((await lead.request('GET', `/api/record-exports/${old}/pdf`)).statusCode).toBe(404)
  })
})

describe('a subject access request', () => {
  let sarId: string
  it('finds the family by reference and its people, for information governance only', async () => {
    const [f] = await dbx.handle.db.select().from(families).where(eq(families.id, family.id))
    const res = await ig.request('GET', `/api/subject-access/family?reference=${f!.reference}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().people.map((p: { name: string }) => p.name)).toContain('Morwenna Quillfeather')
    expect((await otherIg.request('GET', `/api/subject-access/family?reference=${f!.reference}`)).statusCode).toBe(404)
    expect((await lead.request('GET', `/api/subject-access/family?reference=${f!.reference}`)).statusCode).toBe(403)
  })

  it('finds someone asking by their name, with their family’s reference, for information governance only (#32)', async () => {
    const found = await ig.request('GET', '/api/subject-access/people?name=morwenna%20quill')
    expect(found.statusCode, found.body).toBe(200)
    expect(found.json().matches).toEqual([
      expect.objectContaining({ name: 'Morwenna Quillfeather', kind: 'adult', reference: family.reference }),
    ])
    // a child by first and last name, with the date of birth to tell two apart
    const kid = (await ig.request('GET', '/api/subject-access/people?name=Pipkin')).json().matches
    expect(kid[0]).toMatchObject({ kind: 'child', familyId: family.id })
    expect(kid[0].dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // wildcards are letters; too short is a 400 naming the field
    expect((await ig.request('GET', '/api/subject-access/people?name=%25%25')).json().matches).toEqual([])
    const short = await ig.request('GET', '/api/subject-access/people?name=M')
    expect(short.statusCode).toBe(400)
    expect(short.body).toContain('query.name')
    expect((await lead.request('GET', '/api/subject-access/people?name=Morwenna')).statusCode).toBe(403)
  })

  it('is due one calendar month on (the next working day), and the record is marked for review', async () => {
    const [f] = await dbx.handle.db.select().from(families).where(eq(families.id, family.id))
    const res = await ig.request('POST', '/api/subject-access-requests', {
      reference: f!.reference,
      requesterKind: 'adult',
      requesterId: made.mum.id,
      receivedOn: '2026-01-31',
    })
    expect(res.statusCode, res.body).toBe(201)
    sarId = res.json().id
    // 28 February 2026 is a Saturday: Monday 2 March
    expect(res.json()).toMatchObject({ dueOn: '2026-03-02', status: 'gathering', clock: 'overdue' })
    expect(res.json().reference).toMatch(/^S-\d{5}$/)
    await run(res.json().exports[0].id)
    const view = (await ig.request('GET', `/api/subject-access-requests/${sarId}`)).json()
    expect(view.status).toBe('reviewing')
    const list = (await ig.request('GET', `/api/subject-access-requests/${sarId}/redactions`)).json().redactions as {
      id: string
      kind: string
      field: string
      passage: string | null
      reason: string
      fixed: boolean
      context: string
    }[]
    const has = (kind: string, field: string, passage: string | null, reason: string) =>
      list.some((r) => r.kind === kind && r.field === field && r.passage === passage && r.reason === reason)
    expect(has('notes', 'worries', 'Tobiah Quillfeather', 'third_party_name')).toBe(true)
    expect(has('notes', 'worries', 'Brisket', 'third_party_name')).toBe(true)
    expect(has('notes', 'familyWords', 'Grandad Ossory', 'third_party_name')).toBe(true)
    expect(has('adults', 'name', null, 'third_party_details')).toBe(true)
    expect(has('children', 'nhsNumber', null, 'third_party_details')).toBe(true)
    expect(has('referrals', 'referrerName', null, 'other_agency')).toBe(true)
    expect(has('referrals', 'worries', null, 'other_agency')).toBe(true)
    expect(has('visits', 'othersAttending', null, 'third_party_name')).toBe(true)
    // the address is confidential (above): always withheld, already decided
    expect(list.filter((r) => r.reason === 'confidential_address' && r.fixed).length).toBeGreaterThanOrEqual(2)
    // the requester's own details are not marked
    expect(list.some((r) => r.passage === 'Morwenna Quillfeather')).toBe(false)
    expect(list.find((r) => r.passage === 'Tobiah Quillfeather' && r.kind === 'notes')!.context).toContain('stays over')
  })

  it('is produced only when every passage is decided; a confidential address is never released', async () => {
    const list = (await ig.request('GET', `/api/subject-access-requests/${sarId}/redactions`)).json().redactions as {
      id: string
      passage: string | null
      field: string
      fixed: boolean
    }[]
    const early = await ig.request('POST', `/api/subject-access-requests/${sarId}/produce`)
    expect(early.statusCode).toBe(409)
    expect(early.json().error.message).toMatch(/still to decide/)
    const fixed = list.find((r) => r.fixed)!
    expect(
      (await ig.request('PUT', `/api/sar-redactions/${fixed.id}`, { decision: 'release', why: 'Known' })).statusCode,
    ).toBe(409)
    // a name written in many places is decided for all of them at once
    const brisket = list.filter((r) => r.passage === 'Brisket' && !r.fixed)
    expect(brisket.length).toBeGreaterThan(1)
    const bulk = await ig.request('POST', `/api/subject-access-requests/${sarId}/redactions/decide`, {
      passage: 'brisket',
      reason: 'third_party_name',
      decision: 'withhold',
    })
    expect(bulk.statusCode, bulk.body).toBe(200)
    expect(bulk.json().decided).toBe(brisket.length)
    // the officer reads the copy on screen first: decided passages withheld, the rest marked
    const halfway = await ig.request('GET', `/api/subject-access-requests/${sarId}/preview`)
    expect(halfway.statusCode, halfway.body).toBe(200)
    const early2 = halfway.json()
    expect(early2.undecided).toBe(list.filter((r) => !r.fixed && r.passage !== 'Brisket').length)
    expect(JSON.stringify(early2)).toContain('[not yet decided]')
    expect(JSON.stringify(early2)).not.toContain('Brisket')
    expect(JSON.stringify(early2)).not.toContain('Tobiah')
    expect(early2.title).toMatch(/^Your information held by /)
    for (const r of list.filter((x) => !x.fixed && x.passage !== 'Brisket')) {
      // (the name and the ways of writing it found within it: "Grandad", "Ossory")
      const release =
        r.field === 'familyWords' && /^(Grandad Ossory|Grandad|Gran|Gran[d]|Ossory)$/.test(r.passage ?? '')
      const body = release ? { decision: 'release', why: 'Mum knows her father visits' } : { decision: 'withhold' }
      expect((await ig.request('PUT', `/api/sar-redactions/${r.id}`, body)).statusCode).toBe(200)
    }
    const ready = (await ig.request('GET', `/api/subject-access-requests/${sarId}/preview`)).json()
    expect(ready.undecided).toBe(0)
    expect(JSON.stringify(ready)).not.toContain('[not yet decided]')
    expect(JSON.stringify(ready)).toContain('I like it when Grandad Ossory comes')
    const notes = ready.sections.find((x: { kind: string }) => x.kind === 'notes')
    expect(notes.entries.length).toBeGreaterThan(0)
    expect(notes.entries[0].fields.every((f: { label: string }) => !/^(Id|Council|Version)$/.test(f.label))).toBe(true)
    const produced = await ig.request('POST', `/api/subject-access-requests/${sarId}/produce`)
    expect(produced.statusCode, produced.body).toBe(200)
    const response = produced.json().exports.find((e: { purpose: string }) => e.purpose === 'sar_response')
    await run(response.id)
    expect((await ig.request('GET', `/api/subject-access-requests/${sarId}`)).json().status).toBe('ready')
    const pdf = await ig.request('GET', `/api/record-exports/${response.id}/pdf`)
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // what the PDF was made from
    const { doc, redacted } = await sarResponseDocument(dbx.handle.guarded, council.id, sarId)
    const text = JSON.stringify(doc)
    expect(text).not.toContain('Tobiah')
    expect(text).not.toContain('Nurse Halloway')
    expect(text).not.toContain('9434765919')
    expect(text).not.toContain('Hidden Refuge')
    expect(text).toContain('I like it when Grandad Ossory comes')
    expect(text).toContain('Morwenna Quillfeather')
    expect(text).toContain('[withheld]')
    // readable by the person asking (#32): codes as words, no system fields, the family named once
    expect(text.match(/"[a-z][a-z0-9]*(?:_[a-z0-9]+)+"/g)).toBeNull()
    expect(text).not.toMatch(/family family/i)
    expect(text).not.toMatch(/"(Council|Token hash|Code hash|Idempotency key|Source key): "/)
    // a person withheld in their own row is withheld where the record names them by id
    expect(redacted.names[made.kit.id]).toBe('[withheld]')
    // decisions are closed once produced
    expect((await ig.request('PUT', `/api/sar-redactions/${list[0]!.id}`, { decision: 'withhold' })).statusCode).toBe(
      409,
    )
  })

  it('closes when sent; each step audited; another council cannot see it', async () => {
    const sent = await ig.request('POST', `/api/subject-access-requests/${sarId}/sent`, { sentOn: '2026-02-20' })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json()).toMatchObject({ status: 'sent', clock: 'sent', sentOn: '2026-02-20' })
    // sent, its clock stops: the sweep has nothing more to raise for it
    const running = await dbx.handle.db
      .select()
      .from(clockDues)
      .where(and(eq(clockDues.councilId, council.id), eq(clockDues.recordId, sarId)))
    expect(running).toEqual([])
    for (const a of ['sar.create', 'sar.redaction', 'sar.produce', 'sar.sent'])
      expect((await audits(a)).every((r) => r.familyId === family.id) && (await audits(a)).length > 0, a).toBe(true)
    expect((await otherIg.request('GET', `/api/subject-access-requests/${sarId}`)).statusCode).toBe(404)
    expect((await otherIg.request('GET', `/api/subject-access-requests/${sarId}/preview`)).statusCode).toBe(404)
    expect((await otherIg.request('GET', '/api/subject-access-requests')).json().requests).toEqual([])
  })

  it('alerts information governance once when due soon and once when overdue', async () => {
    const [f] = await dbx.handle.db.select().from(families).where(eq(families.id, family.id))
    const res = await ig.request('POST', '/api/subject-access-requests', {
      reference: f!.reference,
      requesterKind: 'child',
      requesterId: made.kit.id,
      receivedOn: '2026-11-02',
    })
    const id = res.json().id
    expect(res.json().dueOn).toBe('2026-12-02')
    const events: HearthEvent[] = []
    const sweep = (today: string) =>
      sweepHandlers['clocks.sweep']!.run(
        { db: dbx.handle.guarded, publish: async (e) => void events.push(e) },
        { councilId: council.id, today },
      )
    await sweep('2026-11-10')
    expect(events.filter((e) => e.type === 'sar.alerted')).toEqual([])
    await sweep('2026-11-26')
    await sweep('2026-11-27')
    await sweep('2026-12-03')
    await sweep('2026-12-04')
    expect(events.filter((e) => e.type === 'sar.alerted').map((e) => (e as { requests: number }).requests)).toEqual([
      1, 1,
    ])
    // its clock is one of the council's clocks, raised by the one sweep: once due soon, once overdue
    const raised = await dbx.handle.db
      .select({ level: clockAlerts.level, raisedOn: clockAlerts.raisedOn, dueOn: clockAlerts.dueOn })
      .from(clockAlerts)
      .where(and(eq(clockAlerts.councilId, council.id), eq(clockAlerts.key, `subject_access:${id}`)))
      .orderBy(clockAlerts.raisedOn)
    expect(raised).toEqual([
      { level: 'due_soon', raisedOn: '2026-11-26', dueOn: '2026-12-02' },
      { level: 'overdue', raisedOn: '2026-12-03', dueOn: '2026-12-02' },
    ])
  })
})
