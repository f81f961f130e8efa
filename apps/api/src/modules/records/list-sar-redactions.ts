import { and, eq } from 'drizzle-orm'
import { people } from '@hearth/db/schema/organisation'
import { sarRedactions } from '@hearth/db/schema/records'
import type { SarRedactionView } from '@hearth/contracts/records'
import { REDACTION_REASONS } from '@hearth/domain/subject-access'
import { labelOf, RECORD_KINDS } from '@hearth/records'
import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

import { sarRow } from './sar-queries'

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
