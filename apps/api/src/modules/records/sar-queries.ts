import { and, count, eq, inArray, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { councilHolidays } from '@hearth/db/case-process'
import type { Db } from '@hearth/db/client'
import { families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import {
  recordExports,
  sarRedactions,
  type SubjectAccessRequest,
  subjectAccessRequests,
} from '@hearth/db/schema/records'
import type { SarView } from '@hearth/contracts/records'
import { sarClock } from '@hearth/domain/subject-access'
import { londonDateOf } from '@hearth/domain/working-days'
import { enqueueInTx } from '@hearth/jobs'
import { requesterName } from '@hearth/records'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { exportSummaries, exportView } from './record-exports'
import type { Caller } from '../../kernel/caller'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export async function gatherInTx(
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

export async function views(deps: Deps, caller: Caller, rows: SubjectAccessRequest[]): Promise<SarView[]> {
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

export async function transition(
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

export const setStatus = (tx: Tx, caller: Caller, id: string, set: Partial<SubjectAccessRequest>) =>
  tx
    .update(subjectAccessRequests)
    .set(set)
    .where(and(eq(subjectAccessRequests.councilId, caller.councilId), eq(subjectAccessRequests.id, id)))
