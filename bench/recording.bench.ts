import { writeFileSync } from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { openDb } from '@hearth/db/client'
import { people } from '@hearth/db/schema/organisation'
import { noteBands, notes } from '@hearth/db/schema/recording'
import { allocations } from '@hearth/db/schema/team-board'
import { seedDemoCouncil } from '@hearth/db/seed/demo'
import { lshBands, minhash, shingles, similarNotes } from '@hearth/domain/similarity'
import { findSimilar, signatureOf } from '../apps/api/src/modules/recording/similar-notes'
import { NOTE_PAIRS } from '../packages/domain/test/fixtures/note-pairs'
import { freshDatabase, signIn, startApi } from './lib'

/**
 * Recording (#13): the copy-paste check against 10,000 earlier notes of one family and author, in
 * PostgreSQL (signatures read, the close ones compared word by word) and in memory; and its
 * precision and recall on the labelled set.
 */
const EARLIER = 10_000
const RUNS = 50
const FINALISE_RUNS = Number(process.env.BENCH_FINALISE_RUNS ?? 200)
const VOCAB =
  'mum dad nan the children were at home school kitchen garden warm cold food fridge rent landlord boiler visit talked about plan worried happy tired played drew read football bus money letter nursery baby cot bedroom homework'.split(
    ' ',
  )
// mulberry32: an exact 32-bit generator (a float LCG loses bits and repeats its stories)
let seed = 7
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const invented = () => Array.from({ length: 40 }, () => VOCAB[Math.floor(rand() * VOCAB.length)]).join(' ')
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!

const { url, version } = await freshDatabase('hearth_bench_recording')
writeFileSync(`${process.env.BENCH_OUT_DIR}/versions.txt`, version)
const handle = await openDb({ kind: 'postgres', url, poolSize: 4 })
await handle.migrate()
await seedDemoCouncil(handle.db)
const [priya] = await handle.db.select().from(people).where(eq(people.email, 'practitioner@northmoor.example'))
const [held] = await handle.db
  .select()
  .from(allocations)
  .where(and(eq(allocations.personId, priya!.id), eq(allocations.role, 'lead')))
const base = { councilId: held!.councilId, familyId: held!.familyId, authorId: priya!.id, kind: 'home_visit' }
let kept: { workingWell: string; worries: string } | null = null
for (let i = 0; i < EARLIER; i += 1000) {
  const rows = Array.from({ length: 1000 }, (_, j) => {
    const story = { workingWell: invented(), worries: invented(), needsToHappen: null, familyWords: null }
    if (i + j === 4321) kept = story
    const signature = signatureOf(story)
    return {
      ...base,
      ...story,
      happenedAt: new Date(Date.now() - (i + j) * 3600_000),
      status: 'final' as const,
      finalisedAt: new Date(),
      signature,
      banded: true,
    }
  })
  const made = await handle.db.insert(notes).values(rows).returning({ id: notes.id, signature: notes.signature })
  // each note's band keys, as finalising writes them
  const keys = made.flatMap((m) =>
    [...new Set(lshBands(m.signature!))].map((band) => ({ councilId: base.councilId, band, noteId: m.id })),
  )
  for (let k = 0; k < keys.length; k += 8000) await handle.db.insert(noteBands).values(keys.slice(k, k + 8000))
}
const draft = {
  ...base,
  id: '00000000-0000-4000-8000-000000000000',
  workingWell: invented(),
  worries: invented(),
  needsToHappen: null,
  familyWords: null,
} as Parameters<typeof findSimilar>[2]
const inDb: number[] = []
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now()
  const found = await findSimilar(handle.db, base.councilId, draft)
  if (process.env.BENCH_DEBUG && r === 0) console.log('similar', found.length)
  inDb.push(performance.now() - t0)
}
// a light copy of one of the 10,000 is still found (through its band keys)
const copied = await findSimilar(handle.db, base.councilId, {
  ...draft,
  workingWell: kept!.workingWell,
  worries: `${kept!.worries} and then we talked about the week ahead`,
})
if (copied.length !== 1) throw new Error(`the light copy was not found (${copied.length})`)
// in memory: the same comparison over 10,000 signatures already loaded
const earlier = Array.from({ length: EARLIER }, (_, i) => {
  const text = invented()
  return { id: String(i), text, signature: minhash(shingles(text)) }
})
const inMemory: number[] = []
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now()
  similarNotes(invented(), earlier)
  inMemory.push(performance.now() - t0)
}
// finalising a note through the API (its own process), with the check against those 10,000
await handle.db.execute('analyze notes; analyze note_bands')
const api = await startApi(url, 'bench-recording')
const me = await signIn(api.address, 'practitioner@northmoor.example')
const family = (await (
  await fetch(`${api.address}/api/families/${base.familyId}`, { headers: me.headers })
).json()) as { children: { id: string }[] }
const finalise: number[] = []
const answers: Record<number, number> = {}
for (let r = 0; r < FINALISE_RUNS; r++) {
  const started = await fetch(`${api.address}/api/families/${base.familyId}/notes`, {
    method: 'POST',
    headers: me.headers,
    body: JSON.stringify({
      children: family.children.map((c) => ({ childId: c.id, seen: 'seen' })),
      workingWell: invented(),
      worries: invented(),
    }),
  })
  const { id } = (await started.json()) as { id: string }
  const t0 = performance.now()
  const res = await fetch(`${api.address}/api/notes/${id}/finalise`, {
    method: 'POST',
    headers: me.headers,
    body: '{}',
  })
  const body = await res.text()
  if (process.env.BENCH_DEBUG && res.status !== 200) console.log(res.status, body.slice(0, 300))
  finalise.push(performance.now() - t0)
  answers[res.status] = (answers[res.status] ?? 0) + 1
}
api.child.kill('SIGTERM')
let tp = 0
let fp = 0
let fn = 0
for (const p of NOTE_PAIRS) {
  const flagged = similarNotes(p.b, [{ id: 'a', text: p.a, signature: minhash(shingles(p.a)) }]).length > 0
  if (flagged && p.copy) tp++
  else if (flagged) fp++
  else if (p.copy) fn++
}
await handle.close()

const md = `## Recording: the copy-paste check

A new note checked against **${EARLIER.toLocaleString('en-GB')} earlier finalised notes** of the same
family and author (invented stories of 80 words), ${RUNS} runs each.

| measure | p50 | p99 |
| --- | --- | --- |
| In PostgreSQL: the notes sharing an LSH band key (\`note_bands\`, by its index), their signatures compared, then word by word for the close ones (\`findSimilar\`) | ${pct(inDb, 0.5).toFixed(1)} ms | ${pct(inDb, 0.99).toFixed(1)} ms |
| Finalising a note through the API (\`POST /api/notes/{id}/finalise\`, the API in its own process), with the check; ${FINALISE_RUNS} notes (answers: ${Object.entries(
  answers,
)
  .map(([k, v]) => `${v} × ${k}`)
  .join(', ')}) | ${pct(finalise, 0.5).toFixed(1)} ms | ${pct(finalise, 0.99).toFixed(1)} ms |
| In memory: the comparison alone, over 10,000 signatures | ${pct(inMemory, 0.5).toFixed(1)} ms | ${pct(inMemory, 0.99).toFixed(1)} ms |

On the labelled set (\`packages/domain/test/fixtures/note-pairs.ts\`: ${NOTE_PAIRS.length} invented pairs, 20 light
copies, 20 new notes about similar situations, 20 sharing standard phrases), at the default
threshold (a third of three-word phrases in common): **precision ${(tp / (tp + fp)).toFixed(2)}, recall ${(tp / (tp + fn)).toFixed(2)}**
(${tp} copies flagged, ${fp} notes flagged wrongly, ${fn} copies missed). The test in
\`packages/domain/test/similarity.test.ts\` fails if either drops.

## Recording: a note with the keyboard alone

From the Chromium test \`test/browser/recording.test.ts\` (run by \`npm test\`, not here): from My
day, the visit's "Record what happened" opens the note filled in from the visit (kind, when, where,
and its length as the minutes with the family); an answer for each child (focus and space), three
parts of the story, save. Beyond the words of the story it takes **6 steps** (a key press or a move
to a field) for a family with one child, plus two per further child, and under a second in the
browser (typing at machine speed: the time a person takes is their typing).
`
writeFileSync(`${process.env.BENCH_OUT_DIR}/5-recording.md`, md)
console.log(md)
