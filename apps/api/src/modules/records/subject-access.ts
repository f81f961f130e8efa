import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  adults,
  children,
  councilHolidays,
  type Db,
  families,
  nextReference,
  people,
  recordExports,
  type SarRedaction,
  sarRedactions,
  type SubjectAccessRequest,
  subjectAccessRequests,
  writeAudit,
} from '@hearth/db'
import type { SarCreate, SarRedactionView, SarView } from '@hearth/contracts'
import { londonDateOf, REDACTION_REASONS, sarClock, sarDueDate } from '@hearth/domain'
import { enqueueInTx } from '@hearth/jobs'
import { labelOf, RECORD_KINDS, requesterName } from '@hearth/records'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { exportSummaries, exportView } from './record-exports'
import type { Caller } from '../../kernel/caller'

/**
 * Subject access requests (UK GDPR art. 15), handled by the information governance officer: the
 * family found by its reference whatever its team or restriction (the officer answers for the
 * council), the record gathered by the worker, each passage Hearth marks reviewed, the redacted
 * copy produced and sent, on a one-month clock.
 */
export async function sarFamily(deps: Deps, caller: Caller, reference: string) {
  const [family] = await deps.db
    .select({ id: families.id, reference: families.reference, name: families.name })
    .from(families)
    .where(and(eq(families.councilId, caller.councilId), eq(families.reference, reference)))
  if (!family) throw notFound('family with that reference')
  const [grown, kids] = await Promise.all([
    deps.db
      .select({ id: adults.id, name: adults.name })
      .from(adults)
      .where(and(eq(adults.councilId, caller.councilId), eq(adults.familyId, family.id)))
      .orderBy(asc(adults.name)),
    deps.db
      .select({ id: children.id, first: children.firstName, last: children.lastName })
      .from(children)
      .where(and(eq(children.councilId, caller.councilId), eq(children.familyId, family.id)))
      .orderBy(asc(children.firstName)),
  ])
  return {
    familyId: family.id,
    reference: family.reference,
    name: family.name,
    people: [
      ...grown.map((a) => ({ kind: 'adult' as const, id: a.id, name: a.name })),
      ...kids.map((c) => ({ kind: 'child' as const, id: c.id, name: `${c.first} ${c.last}` })),
    ],
  }
}

export async function createSar(deps: Deps, caller: Caller, input: SarCreate) {
  const family = await sarFamily(deps, caller, input.reference)
  const who = family.people.find((p) => p.kind === input.requesterKind && p.id === input.requesterId)
  if (!who) throw invalid('body.requesterId', 'choose someone of this family')
  const today = londonDateOf(new Date())
  if (input.receivedOn > today) throw invalid('body.receivedOn', 'must be today or before')
  const holidays = await councilHolidays(deps.db, caller.councilId)
  const id = await deps.db.transaction(async (tx) => {
    const [sar] = await tx
      .insert(subjectAccessRequests)
      .values({
        councilId: caller.councilId,
        reference: await nextReference(tx, 'sar'),
        familyId: family.familyId,
        requesterKind: input.requesterKind,
        requesterId: input.requesterId,
        receivedOn: input.receivedOn,
        dueOn: sarDueDate(input.receivedOn, holidays),
        createdBy: caller.audit.actorPersonId!,
      })
      .returning()
    await gatherInTx(tx, caller, sar!)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'sar.create',
      recordType: 'subject_access_request',
      recordId: sar!.id,
      familyId: family.familyId,
      details: { requesterKind: input.requesterKind, requesterId: input.requesterId },
    })
    return sar!.id
  })
  return sarView(deps, caller, id)
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

async function gatherInTx(
  tx: Tx,
  caller: Caller,
  sar: SubjectAccessRequest,
  purpose: 'sar_gather' | 'sar_response' = 'sar_gather',
) {
  const [ex] = await tx
    .insert(recordExports)
    .values({
      councilId: caller.councilId,
      familyId: sar.familyId,
      purpose,
      sarId: sar.id,
      requestedBy: caller.audit.actorPersonId!,
    })
    .returning({ id: recordExports.id })
  await enqueueInTx(tx, caller.councilId, 'record.export', { councilId: caller.councilId, exportId: ex!.id })
}

export async function sarRow(db: Db, councilId: string, id: string) {
  const [sar] = await db
    .select()
    .from(subjectAccessRequests)
    .where(and(eq(subjectAccessRequests.councilId, councilId), eq(subjectAccessRequests.id, id)))
  if (!sar) throw notFound('request')
  return sar
}

async function views(deps: Deps, caller: Caller, rows: SubjectAccessRequest[]): Promise<SarView[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [holidays, refs, makers, tallies, exps] = await Promise.all([
    councilHolidays(deps.db, caller.councilId),
    deps.db
      .select({ id: families.id, reference: families.reference })
      .from(families)
      .where(
        and(
          eq(families.councilId, caller.councilId),
          inArray(
            families.id,
            rows.map((r) => r.familyId),
          ),
        ),
      ),
    deps.db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(
        and(
          eq(people.councilId, caller.councilId),
          inArray(
            people.id,
            rows.map((r) => r.createdBy),
          ),
        ),
      ),
    deps.db
      .select({
        sarId: sarRedactions.sarId,
        total: count(),
        decided: sql<number>`count(${sarRedactions.decision})::int`,
        withheld: sql<number>`(count(*) filter (where ${sarRedactions.decision} = 'withhold'))::int`,
      })
      .from(sarRedactions)
      .where(and(eq(sarRedactions.councilId, caller.councilId), inArray(sarRedactions.sarId, ids)))
      .groupBy(sarRedactions.sarId),
    exportSummaries(deps.db, caller.councilId, inArray(recordExports.sarId, ids)),
  ])
  const today = londonDateOf(new Date())
  return Promise.all(
    rows.map(async (r) => {
      const t = tallies.find((x) => x.sarId === r.id)
      return {
        id: r.id,
        reference: r.reference,
        familyId: r.familyId,
        familyReference: refs.find((f) => f.id === r.familyId)?.reference ?? '',
        requesterKind: r.requesterKind,
        requesterName: await requesterName(deps.db, caller.councilId, r.requesterKind, r.requesterId),
        receivedOn: r.receivedOn,
        dueOn: r.dueOn,
        clock: r.status === 'sent' ? ('sent' as const) : sarClock(today, r.dueOn, holidays),
        status: r.status,
        createdBy: makers.find((m) => m.id === r.createdBy)?.name ?? '',
        createdAt: r.createdAt.toISOString(),
        sentOn: r.sentOn,
        redactions: { total: t?.total ?? 0, decided: t?.decided ?? 0, withheld: t?.withheld ?? 0 },
        exports: exps.filter((e) => e.sarId === r.id).map(exportView),
      }
    }),
  )
}

export async function sarView(deps: Deps, caller: Caller, id: string) {
  return (await views(deps, caller, [await sarRow(deps.db, caller.councilId, id)]))[0]!
}

/** Open requests first, by due date; then the sent ones, newest first. */
export async function listSars(deps: Deps, caller: Caller) {
  const rows = await deps.db
    .select()
    .from(subjectAccessRequests)
    .where(eq(subjectAccessRequests.councilId, caller.councilId))
    .orderBy(
      sql`${subjectAccessRequests.status} = 'sent'`,
      asc(subjectAccessRequests.dueOn),
      desc(subjectAccessRequests.createdAt),
    )
    .limit(200)
  return { requests: await views(deps, caller, rows) }
}

/** Every passage marked for review, with the words around it as gathered, in the order of the record. */
export async function sarRedactionList(deps: Deps, caller: Caller, id: string) {
  const sar = await sarRow(deps.db, caller.councilId, id)
  const rows = await deps.db
    .select({ r: sarRedactions, by: people.name })
    .from(sarRedactions)
    .leftJoin(people, and(eq(people.councilId, sarRedactions.councilId), eq(people.id, sarRedactions.decidedBy)))
    .where(and(eq(sarRedactions.councilId, caller.councilId), eq(sarRedactions.sarId, id)))
  const order = (kind: string) => RECORD_KINDS.findIndex((k) => k.kind === kind)
  const redactions: SarRedactionView[] = rows
    .sort(
      (a, b) =>
        order(a.r.kind) - order(b.r.kind) || a.r.rowId.localeCompare(b.r.rowId) || a.r.field.localeCompare(b.r.field),
    )
    .map(({ r, by }) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: RECORD_KINDS.find((k) => k.kind === r.kind)?.label ?? r.kind,
      rowId: r.rowId,
      field: r.field,
      fieldLabel: labelOf(r.field),
      passage: r.passage,
      context: r.context,
      reason: r.reason,
      reasonLabel: REDACTION_REASONS[r.reason],
      fixed: r.fixed,
      decision: r.decision,
      why: r.why,
      decidedBy: by,
    }))
  return { sarId: sar.id, familyId: sar.familyId, redactions }
}

/** The officer's decision on one passage, while the request is being reviewed. */
export async function decideRedaction(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { decision: 'withhold' | 'release'; why?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    const [r] = await tx
      .select({ r: sarRedactions, status: subjectAccessRequests.status, familyId: subjectAccessRequests.familyId })
      .from(sarRedactions)
      .innerJoin(
        subjectAccessRequests,
        and(
          eq(subjectAccessRequests.councilId, sarRedactions.councilId),
          eq(subjectAccessRequests.id, sarRedactions.sarId),
        ),
      )
      .where(and(eq(sarRedactions.councilId, caller.councilId), eq(sarRedactions.id, id)))
      .for('update')
    if (!r) throw notFound('passage')
    if (r.status !== 'reviewing') throw new AppError('conflict', 'This request is no longer being reviewed.')
    if (r.r.fixed && input.decision === 'release')
      throw new AppError('conflict', 'A confidential address is never released.')
    await tx
      .update(sarRedactions)
      .set({
        decision: input.decision,
        why: input.why ?? null,
        decidedBy: caller.audit.actorPersonId,
        decidedAt: new Date(),
      })
      .where(and(eq(sarRedactions.councilId, caller.councilId), eq(sarRedactions.id, id)))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'sar.redaction',
      recordType: 'sar_redaction',
      recordId: id,
      familyId: r.familyId,
      details: { sarId: r.r.sarId, decision: input.decision, reason: r.r.reason },
    })
    return { ok: true as const }
  })
}

/**
 * Decides every undecided passage alike at once: the same words (a name written in many notes)
 * with the same reason, or every whole field with that reason. Returns how many were decided.
 */
export async function decideAlike(
  deps: Deps,
  caller: Caller,
  sarId: string,
  input: {
    passage: string | null
    reason: SarRedaction['reason']
    decision: 'withhold' | 'release'
    why?: string | null
  },
) {
  return deps.db.transaction(async (tx) => {
    const [sar] = await tx
      .select()
      .from(subjectAccessRequests)
      .where(and(eq(subjectAccessRequests.councilId, caller.councilId), eq(subjectAccessRequests.id, sarId)))
      .for('update')
    if (!sar) throw notFound('request')
    if (sar.status !== 'reviewing') throw new AppError('conflict', 'This request is no longer being reviewed.')
    const done = await tx
      .update(sarRedactions)
      .set({
        decision: input.decision,
        why: input.why ?? null,
        decidedBy: caller.audit.actorPersonId,
        decidedAt: new Date(),
      })
      .where(
        and(
          eq(sarRedactions.councilId, caller.councilId),
          eq(sarRedactions.sarId, sarId),
          eq(sarRedactions.reason, input.reason),
          eq(sarRedactions.fixed, false),
          isNull(sarRedactions.decision),
          input.passage === null
            ? isNull(sarRedactions.passage)
            : sql`lower(${sarRedactions.passage}) = lower(${input.passage})`,
        ),
      )
      .returning({ id: sarRedactions.id })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'sar.redaction',
      recordType: 'subject_access_request',
      recordId: sarId,
      familyId: sar.familyId,
      details: { decision: input.decision, reason: input.reason, passages: done.length },
    })
    return { decided: done.length }
  })
}

async function transition(
  deps: Deps,
  caller: Caller,
  id: string,
  action: string,
  step: (tx: Tx, sar: SubjectAccessRequest) => Promise<void>,
) {
  await deps.db.transaction(async (tx) => {
    const [sar] = await tx
      .select()
      .from(subjectAccessRequests)
      .where(and(eq(subjectAccessRequests.councilId, caller.councilId), eq(subjectAccessRequests.id, id)))
      .for('update')
    if (!sar) throw notFound('request')
    await step(tx, sar)
    await writeAudit(tx, {
      ...caller.audit,
      action,
      recordType: 'subject_access_request',
      recordId: id,
      familyId: sar.familyId,
    })
  })
  return sarView(deps, caller, id)
}

const setStatus = (tx: Tx, caller: Caller, id: string, set: Partial<SubjectAccessRequest>) =>
  tx
    .update(subjectAccessRequests)
    .set(set)
    .where(and(eq(subjectAccessRequests.councilId, caller.councilId), eq(subjectAccessRequests.id, id)))

/** Every passage decided: the worker produces the redacted copy. */
export function produceSar(deps: Deps, caller: Caller, id: string) {
  return transition(deps, caller, id, 'sar.produce', async (tx, sar) => {
    if (sar.status !== 'reviewing') throw new AppError('conflict', 'This request is not being reviewed.')
    const [open] = await tx
      .select({ n: count() })
      .from(sarRedactions)
      .where(
        and(
          eq(sarRedactions.councilId, caller.councilId),
          eq(sarRedactions.sarId, id),
          sql`${sarRedactions.decision} is null`,
        ),
      )
    if (open!.n > 0) throw new AppError('conflict', `Decide every marked passage first: ${open!.n} still to decide.`)
    await setStatus(tx, caller, id, { status: 'producing' })
    await gatherInTx(tx, caller, sar, 'sar_response')
  })
}

/** After a failure: the worker tries again from where the request stood. */
export function retrySar(deps: Deps, caller: Caller, id: string) {
  return transition(deps, caller, id, 'sar.retry', async (tx, sar) => {
    if (sar.status !== 'failed') throw new AppError('conflict', 'This request has not failed.')
    const [gathered] = await tx
      .select({ id: recordExports.id })
      .from(recordExports)
      .where(
        and(
          eq(recordExports.councilId, caller.councilId),
          eq(recordExports.sarId, id),
          eq(recordExports.purpose, 'sar_gather'),
          eq(recordExports.status, 'done'),
        ),
      )
      .limit(1)
    await setStatus(tx, caller, id, { status: gathered ? 'producing' : 'gathering' })
    await gatherInTx(tx, caller, sar, gathered ? 'sar_response' : 'sar_gather')
  })
}

/** The copy sent to the requester: the request closes, its clock stops. */
export function markSarSent(deps: Deps, caller: Caller, id: string, sentOn: string) {
  return transition(deps, caller, id, 'sar.sent', async (tx, sar) => {
    if (sar.status !== 'ready') throw new AppError('conflict', 'Produce the copy before saying it was sent.')
    if (sentOn > londonDateOf(new Date())) throw invalid('body.sentOn', 'must be today or before')
    if (sentOn < sar.receivedOn) throw invalid('body.sentOn', 'must be on or after the day the request came')
    await setStatus(tx, caller, id, { status: 'sent', sentOn, sentBy: caller.audit.actorPersonId })
  })
}
