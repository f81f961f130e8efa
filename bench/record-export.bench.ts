import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { and, eq } from 'drizzle-orm'
import * as s from '@hearth/db/schema'
import { openDb } from '@hearth/db/client'
import { runRecordExport } from '@hearth/records'
import { makeCouncil, makeFamily, makePatch, makePerson, makeTeam } from '@hearth/test-kit/factories'
import { populateWholeRecord } from '@hearth/test-kit/whole-record'
import { freshDatabase } from './lib'

/**
 * A family's whole record (issue "Find, share and protect"): a family with five years of records
 * (weekly visits and their notes, letters as PDF, the plan and its history, statutory steps, what
 * the family said), exported as the worker does it: gathered kind by kind, the readable PDF, the
 * JSON and the CSV zip. Then a subject access request on it: gathered and marked, and the redacted
 * copy made. Goal: the export under 10 s.
 */
const { url } = await freshDatabase('hearth_bench_export')
const handle = await openDb({ kind: 'postgres', url, poolSize: 5 })
await handle.migrate()
const db = handle.db
const council = await makeCouncil(db)
const patch = await makePatch(db, council, { postcodeAreas: ['NM1'] })
const team = await makeTeam(db, council, { patch })
const lead = await makePerson(db, council, { role: 'practitioner', teams: [team], name: 'Lena Leadworth' })
const ig = await makePerson(db, council, { role: 'information_governance', name: 'Iona Governance' })
const family = await makeFamily(db, council, { patch, name: 'Quillfeather family' })
const made = await populateWholeRecord(db, council, family, team, lead)
const f = { councilId: council.id, familyId: family.id }
const WEEK = 7 * 86_400_000
const start = Date.now() - 5 * 52 * WEEK
const story = (i: number, what: string) =>
  `${what} ${i}: Pipkin showed me the garden and talked about school; Morwenna Quillfeather made tea and ` +
  'we went through the plan together. Brisket was out with friends. The kitchen was warm and tidy, ' +
  'there was food in the cupboards, and the children’s rooms were as they said. Invented text for a benchmark.'

// five years, weekly: a visit and its note; a letter (PDF) for each visit
const visits = await db
  .insert(s.visits)
  .values(
    Array.from({ length: 260 }, (_, i) => ({
      ...f,
      teamId: team.id,
      kind: 'home_visit',
      startsAt: new Date(start + i * WEEK),
      place: 'At home',
      attendeeIds: [lead.id],
      bookedBy: lead.id,
    })),
  )
  .returning({ id: s.visits.id, startsAt: s.visits.startsAt })
const notes = await db
  .insert(s.notes)
  .values(
    visits.map((v, i) => ({
      ...f,
      visitId: v.id,
      authorId: lead.id,
      teamId: team.id,
      kind: 'home_visit',
      happenedAt: v.startsAt,
      place: 'At home',
      workingWell: story(i, 'Working well'),
      worries: story(i, 'Worries'),
      needsToHappen: story(i, 'Next'),
      familyWords: `“Visit ${i}: it helps when you come.”`,
      status: 'final' as const,
      finalisedAt: v.startsAt,
    })),
  )
  .returning({ id: s.notes.id })
await db.insert(s.noteAddenda).values(
  notes.slice(0, 50).map((n, i) => ({
    councilId: council.id,
    noteId: n.id,
    authorId: lead.id,
    reason: 'Added later',
    text: story(i, 'Addendum'),
  })),
)
const letter = randomBytes(25_000)
await db.insert(s.adminTasks).values(
  visits.map((v, i) => ({
    ...f,
    sourceKey: `bench:${i}`,
    taskType: 'visit_confirmation',
    teamId: team.id,
    visitId: v.id,
    dueAt: v.startsAt,
    minutesSaved: 10,
    status: 'done' as const,
    artefact: letter,
  })),
)
const items = await db
  .insert(s.planItems)
  .values(
    Array.from({ length: 100 }, (_, i) => ({
      ...f,
      what: `Plan item ${i}: Pipkin goes to the hub on Tuesdays`,
      whoKind: 'family' as const,
      whoName: 'Morwenna Quillfeather',
      createdBy: lead.id,
    })),
  )
  .returning()
await db.insert(s.planChanges).values(
  items.flatMap((it) =>
    [1, 2, 3].map((version) => ({
      ...f,
      itemId: it.id,
      kind: (version === 1 ? 'added' : 'changed') as 'added' | 'changed',
      version,
      after: {
        what: it.what,
        whoKind: 'family' as const,
        whoId: null,
        whoName: it.whoName,
        byDate: null,
        status: 'to_do' as const,
      },
      changedBy: lead.id,
    })),
  ),
)
const [link] = await db.select().from(s.familyLinks).where(eq(s.familyLinks.familyId, family.id))
await db.insert(s.familyMessages).values(
  Array.from({ length: 100 }, (_, i) => ({
    ...f,
    linkId: link!.id,
    kind: 'how_going' as const,
    scale: 1 + (i % 5),
    words: `Week ${i}: better`,
  })),
)
await db.insert(s.caseSteps).values(
  Array.from({ length: 60 }, (_, i) => ({
    ...f,
    childId: made.kit.id,
    kind: 'statutory_visit',
    onDate: new Date(start + i * 4 * WEEK).toISOString().slice(0, 10),
    details: {},
    recordedBy: lead.id,
  })),
)
await db.insert(s.sharingDecisions).values(
  Array.from({ length: 20 }, (_, i) => ({
    ...f,
    childId: made.kit.id,
    decision: 'share' as const,
    information: `Visit dates ${i}`,
    recipientKind: 'health' as const,
    recipient: 'Testfield health visitors',
    reason: 'Growth checks',
    decidedOn: new Date(start + i * 12 * WEEK).toISOString().slice(0, 10),
    decidedBy: lead.id,
  })),
)
const total = (
  await Promise.all(
    [s.visits, s.notes, s.adminTasks, s.planItems, s.planChanges, s.familyMessages, s.caseSteps].map((t) =>
      db.$count(t, and(eq((t as typeof s.visits).councilId, council.id))),
    ),
  )
).reduce((a, b) => a + b, 0)

let peak = 0
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
}, 20)
const times: number[] = []
let last: s.RecordExport | undefined
for (let r = 0; r < 3; r++) {
  const [ex] = await db
    .insert(s.recordExports)
    .values({ councilId: council.id, familyId: family.id, purpose: 'record', requestedBy: lead.id })
    .returning()
  const t0 = performance.now()
  await runRecordExport(db, council.id, ex!.id)
  times.push(performance.now() - t0)
  ;[last] = await db.select().from(s.recordExports).where(eq(s.recordExports.id, ex!.id))
}
// a subject access request on the same record: gathered and marked, then the redacted copy
const [sar] = await db
  .insert(s.subjectAccessRequests)
  .values({
    councilId: council.id,
    reference: 'S-00001',
    familyId: family.id,
    requesterKind: 'adult',
    requesterId: made.mum.id,
    receivedOn: '2026-11-02',
    dueOn: '2026-12-02',
    createdBy: ig.id,
  })
  .returning()
const [gather] = await db
  .insert(s.recordExports)
  .values({ councilId: council.id, familyId: family.id, purpose: 'sar_gather', sarId: sar!.id, requestedBy: ig.id })
  .returning()
let t0 = performance.now()
await runRecordExport(db, council.id, gather!.id)
const gatherMs = performance.now() - t0
const marks = await db.$count(s.sarRedactions, eq(s.sarRedactions.sarId, sar!.id))
await db.update(s.sarRedactions).set({ decision: 'withhold' }).where(eq(s.sarRedactions.sarId, sar!.id))
const [response] = await db
  .insert(s.recordExports)
  .values({ councilId: council.id, familyId: family.id, purpose: 'sar_response', sarId: sar!.id, requestedBy: ig.id })
  .returning()
t0 = performance.now()
await runRecordExport(db, council.id, response!.id)
const responseMs = performance.now() - t0
clearInterval(sampler)
await handle.close()

const mb = (b: number) => (b / 1024 / 1024).toFixed(1)
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const rows = (last!.counts as { rows: number }[]).reduce((a, c) => a + c.rows, 0)
const md = `## A family's whole record

One family with five years of records (${rows.toLocaleString('en-GB')} rows: ${total.toLocaleString('en-GB')} of them visits, notes,
letters with their PDFs of 25 kB, plan items and their history, what the family said and statutory
steps), exported as the worker does it (\`runRecordExport\`): every kind read in turn, the readable
PDF, the JSON and the CSV zip.

| measure | result |
| --- | --- |
| Whole-record export, 3 runs | ${times.map(secs).join(', ')} |
| Files | PDF ${mb(last!.pdf!.length)} MB, JSON ${mb(last!.json!.length)} MB, CSV zip ${mb(last!.csvZip!.length)} MB |
| Subject access request: gathered and ${marks.toLocaleString('en-GB')} passages marked | ${secs(gatherMs)} |
| Subject access request: the redacted PDF | ${secs(responseMs)} |
| Peak memory of the process (RSS) | ${mb(peak)} MB |
| Machine | ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'} |

Goal: the export under 10 s.
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/9-record-export.md`, md)
console.log(md)
