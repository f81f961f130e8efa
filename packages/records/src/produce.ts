import { and, desc, eq, lt } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { adults, children } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { type RecordExport, recordExports, sarRedactions, subjectAccessRequests } from '@hearth/db/schema/records'
import { longDate } from '@hearth/domain/dates'
import { REDACTION_REASONS } from '@hearth/domain/subject-access'
import { type Cover, recordDocument, recordOutline } from './document'
import { recordCsvZip, recordJson } from './files'
import { gatherRecord, type RecordBundle } from './gather'
import { RECORD_KINDS } from './kinds'
import { pdfOf } from './pdf'
import { applyRedactions, proposeRedactions, UNDECIDED_MARK, WITHHELD_MARK } from './redactions'

/** How long a whole-record export's files are kept before the sweep clears them. */
export const RECORD_EXPORT_DAYS = 30

/**
 * Clears the files of whole-record exports older than RECORD_EXPORT_DAYS (a subject access
 * request's are kept with the request). The row stays, marked expired: who exported what, when.
 */
export async function expireRecordExports(db: Db, councilId: string, now = new Date()): Promise<number> {
  const rows = await db
    .update(recordExports)
    .set({ status: 'expired', pdf: null, json: null, csvZip: null })
    .where(
      and(
        eq(recordExports.councilId, councilId),
        eq(recordExports.purpose, 'record'),
        eq(recordExports.status, 'done'),
        lt(recordExports.createdAt, new Date(now.getTime() - RECORD_EXPORT_DAYS * 86_400_000)),
      ),
    )
    .returning({ id: recordExports.id })
  return rows.length
}

/** Steps of the progress bar: each kind of record, then the PDF, then the files. */
export const EXPORT_STEPS = RECORD_KINDS.length + 2

const countsOf = (b: RecordBundle) => b.kinds.map((k) => ({ kind: k.kind, label: k.label, rows: k.rows.length }))

async function nameOf(db: Db, councilId: string, personId: string) {
  const [p] = await db
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.councilId, councilId), eq(people.id, personId)))
  return p?.name ?? ''
}

/**
 * Produces an export: a family's whole record (PDF, JSON, CSV zip), a subject access request's
 * gathering (the record as it stands, and the passages marked for review), or its response (the
 * redacted PDF). Progress is written as it goes; the files and status at the end, together. A
 * retried job starts again from the beginning.
 */
export async function runRecordExport(db: Db, councilId: string, exportId: string): Promise<void> {
  const where = and(eq(recordExports.councilId, councilId), eq(recordExports.id, exportId))
  const [ex] = await db.select().from(recordExports).where(where)
  if (!ex || ex.status === 'done') return
  await db
    .update(recordExports)
    .set({ status: 'running', startedAt: new Date(), stepsTotal: EXPORT_STEPS, stepsDone: 0 })
    .where(where)
  const step = (n: number) =>
    db
      .update(recordExports)
      .set({ stepsDone: n })
      .where(where)
      .then(() => {})
  if (ex.purpose === 'sar_response') return respond(db, ex, step)
  const bundle = await gatherRecord(db, councilId, ex.familyId, ex.purpose === 'record' ? ex.requestedBy : null, step)
  if (ex.purpose === 'sar_gather') return markForReview(db, ex, bundle)
  const who = await nameOf(db, councilId, ex.requestedBy)
  const cover: Cover = {
    title: `The record of ${familyWords(bundle.family.name)} (${bundle.family.reference})`,
    lines: [
      `Everything ${bundle.council.name}’s children’s services hold about this family in Hearth, as it stood on ${longDate(bundle.exportedAt.slice(0, 10))}.`,
      `Exported by ${who}. This document is confidential: keep it safe, and do not share it beyond the reason it was made for.`,
    ],
  }
  const pdf = await pdfOf(recordDocument(bundle, cover))
  await step(EXPORT_STEPS - 1)
  const json = recordJson(bundle)
  const csvZip = recordCsvZip(bundle)
  await db
    .update(recordExports)
    .set({
      status: 'done',
      stepsDone: EXPORT_STEPS,
      pdf,
      json,
      csvZip,
      counts: countsOf(bundle),
      finishedAt: new Date(),
    })
    .where(where)
}

/** A request's gathering: the record kept as it stands, and each passage marked for the officer. */
async function markForReview(db: Db, ex: RecordExport, bundle: RecordBundle) {
  const [sar] = await db
    .select()
    .from(subjectAccessRequests)
    .where(and(eq(subjectAccessRequests.councilId, ex.councilId), eq(subjectAccessRequests.id, ex.sarId!)))
  if (!sar) throw new Error('sar_missing')
  const proposed = proposeRedactions(bundle, { kind: sar.requesterKind, id: sar.requesterId })
  await db.transaction(async (tx) => {
    await tx
      .delete(sarRedactions)
      .where(and(eq(sarRedactions.councilId, ex.councilId), eq(sarRedactions.sarId, sar.id)))
    for (let i = 0; i < proposed.length; i += 500)
      await tx.insert(sarRedactions).values(
        proposed.slice(i, i + 500).map((p) => ({
          councilId: ex.councilId,
          sarId: sar.id,
          ...p,
          decision: p.fixed ? ('withhold' as const) : null,
          why: p.fixed ? 'A confidential address is never disclosed.' : null,
        })),
      )
    await tx
      .update(recordExports)
      .set({
        status: 'done',
        stepsDone: EXPORT_STEPS,
        json: recordJson(bundle),
        counts: countsOf(bundle),
        finishedAt: new Date(),
      })
      .where(and(eq(recordExports.councilId, ex.councilId), eq(recordExports.id, ex.id)))
    await tx
      .update(subjectAccessRequests)
      .set({ status: 'reviewing' })
      .where(and(eq(subjectAccessRequests.councilId, ex.councilId), eq(subjectAccessRequests.id, sar.id)))
  })
}

/** The response to a request: the gathered record with the withheld passages replaced, as PDF. */
async function respond(db: Db, ex: RecordExport, step: (n: number) => Promise<void>) {
  const c = ex.councilId
  const { doc, counts } = await sarResponseDocument(db, c, ex.sarId!)
  await step(RECORD_KINDS.length)
  const pdf = await pdfOf(doc)
  await db.transaction(async (tx) => {
    await tx
      .update(recordExports)
      .set({ status: 'done', stepsDone: EXPORT_STEPS, pdf, counts, finishedAt: new Date() })
      .where(and(eq(recordExports.councilId, c), eq(recordExports.id, ex.id)))
    await tx
      .update(subjectAccessRequests)
      .set({ status: 'ready' })
      .where(and(eq(subjectAccessRequests.councilId, c), eq(subjectAccessRequests.id, ex.sarId!)))
  })
}

/**
 * The document answering a request: the record as gathered (what the officer reviewed), each
 * passage the officer withheld (and a confidential address, always) replaced by "[withheld]",
 * with a cover saying what was left out and how to challenge it.
 */
export async function sarResponseDocument(db: Db, c: string, sarId: string) {
  const { redacted, cover } = await sarResponse(db, c, sarId)
  return { doc: recordDocument(redacted, cover), counts: countsOf(redacted), redacted }
}

/**
 * The copy as it would be produced now, for the officer to read on screen first: the same words
 * as the PDF, with each passage still to be decided shown as "[not yet decided]".
 */
export async function sarPreview(db: Db, c: string, sarId: string) {
  const { redacted, cover, undecided } = await sarResponse(db, c, sarId)
  return {
    outline: recordOutline(applyRedactions(redacted, undecided, UNDECIDED_MARK), cover),
    undecided: undecided.length,
  }
}

async function sarResponse(db: Db, c: string, sarId: string) {
  const [sar] = await db
    .select()
    .from(subjectAccessRequests)
    .where(and(eq(subjectAccessRequests.councilId, c), eq(subjectAccessRequests.id, sarId)))
  if (!sar) throw new Error('sar_missing')
  const [gathered] = await db
    .select({ json: recordExports.json })
    .from(recordExports)
    .where(
      and(
        eq(recordExports.councilId, c),
        eq(recordExports.sarId, sar.id),
        eq(recordExports.purpose, 'sar_gather'),
        eq(recordExports.status, 'done'),
      ),
    )
    .orderBy(desc(recordExports.createdAt))
    .limit(1)
  if (!gathered?.json) throw new Error('sar_not_gathered')
  const bundle = JSON.parse(gathered.json.toString('utf8')) as RecordBundle
  const decided = await db
    .select()
    .from(sarRedactions)
    .where(and(eq(sarRedactions.councilId, c), eq(sarRedactions.sarId, sar.id)))
  const withheld = decided.filter((r) => r.decision === 'withhold' || r.fixed)
  const undecided = decided.filter((r) => r.decision === null && !r.fixed)
  const redacted = applyRedactions(bundle, withheld)
  const requester = await requesterName(db, c, sar.requesterKind, sar.requesterId)
  const byReason = Object.entries(REDACTION_REASONS)
    .map(([reason, label]) => [label, withheld.filter((w) => w.reason === reason).length] as const)
    .filter(([, n]) => n > 0)
  const cover: Cover = {
    title: `Your information held by ${bundle.council.name}’s children’s services`,
    lines: [
      `Prepared for ${requester}, in answer to your request ${sar.reference} received on ${longDate(sar.receivedOn)}.`,
      `This is the record of ${familyWords(bundle.family.name)} (${bundle.family.reference}) as it stood on ${longDate(bundle.exportedAt.slice(0, 10))}.`,
      'Where information is about someone else, or was given to us by another organisation, the law lets us ' +
        `leave it out. Where we have, you will see ${WITHHELD_MARK}.`,
      ...byReason.map(([label, n]) => `${label}: withheld in ${n} place${n === 1 ? '' : 's'}.`),
      'If you think we have left out something we should not have, you can ask us to look again, or ' +
        'complain to the Information Commissioner’s Office (ico.org.uk, 0303 123 1113).',
    ],
  }
  return { redacted, cover, undecided }
}

/** "the Quillby family", whether the family's name already says "family" or not. */
export const familyWords = (name: string) =>
  /\bfamily$/i.test(name.trim()) ? `the ${name.trim()}` : `the ${name.trim()} family`

export async function requesterName(db: Db, councilId: string, kind: 'adult' | 'child', id: string) {
  if (kind === 'adult') {
    const [a] = await db
      .select({ name: adults.name })
      .from(adults)
      .where(and(eq(adults.councilId, councilId), eq(adults.id, id)))
    return a?.name ?? ''
  }
  const [ch] = await db
    .select({ first: children.firstName, last: children.lastName })
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.id, id)))
  return ch ? `${ch.first} ${ch.last}` : ''
}
