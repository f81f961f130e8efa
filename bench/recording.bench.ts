import { writeFileSync } from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { allocations, notes, openDb, people, seedDemoCouncil } from '@hearth/db'
import { minhash, shingles, similarNotes } from '@hearth/domain'
import { findSimilar, signatureOf } from '../apps/api/src/modules/recording/similar-notes'
import { NOTE_PAIRS } from '../packages/domain/test/fixtures/note-pairs'
import { freshDatabase } from './lib'

/**
 * Recording (#13): the copy-paste check against 10,000 earlier notes of one family and author, in
 * PostgreSQL (signatures read, the close ones compared word by word) and in memory; and its
 * precision and recall on the labelled set.
 */
const EARLIER = 10_000
const RUNS = 50
const VOCAB =
  'mum dad nan the children were at home school kitchen garden warm cold food fridge rent landlord boiler visit talked about plan worried happy tired played drew read football bus money letter nursery baby cot bedroom homework'.split(
    ' ',
  )
let seed = 7
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
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
for (let i = 0; i < EARLIER; i += 1000) {
  const rows = Array.from({ length: 1000 }, (_, j) => {
    const story = { workingWell: invented(), worries: invented(), needsToHappen: null, familyWords: null }
    return {
      ...base,
      ...story,
      happenedAt: new Date(Date.now() - (i + j) * 3600_000),
      status: 'final' as const,
      finalisedAt: new Date(),
      signature: signatureOf(story),
    }
  })
  await handle.db.insert(notes).values(rows)
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
  await findSimilar(handle.db, base.councilId, draft)
  inDb.push(performance.now() - t0)
}
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
| In PostgreSQL: read the 10,000 signatures, compare, then word by word for the close ones (\`findSimilar\`) | ${pct(inDb, 0.5).toFixed(1)} ms | ${pct(inDb, 0.99).toFixed(1)} ms |
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
