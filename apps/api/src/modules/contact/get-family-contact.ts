import { and, asc, eq, inArray } from 'drizzle-orm'
import { openContactHolds } from '@hearth/db/contact'
import { adminTasks } from '@hearth/db/schema/enablers'
import { TASK_TYPES, type TaskType } from '@hearth/domain/admin-tasks'
import { CONTACT_HOLD_REASONS, FAMILY_CONTACT_TASKS } from '@hearth/domain/contact-holds'
import type { Deps } from '../../kernel/context'
import { names } from '../team-board/team-board-queries'
import { leadOf } from './contact-queries'
import type { Caller } from '../../kernel/caller'

/** The holds on contacting the family, and the letters and invitations waiting for the lead. */
export async function getFamilyContact(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  const [holds, held, lead] = await Promise.all([
    openContactHolds(db, caller.councilId, familyId),
    db
      .select()
      .from(adminTasks)
      .where(
        and(
          eq(adminTasks.councilId, caller.councilId),
          eq(adminTasks.familyId, familyId),
          eq(adminTasks.status, 'held'),
          inArray(adminTasks.taskType, [...FAMILY_CONTACT_TASKS]),
        ),
      )
      .orderBy(asc(adminTasks.createdAt)),
    leadOf(db, caller.councilId, familyId),
  ])
  const n = await names(
    db,
    caller.councilId,
    holds.map((h) => h.startedBy).filter((x): x is string => !!x),
  )
  return {
    holds: holds.map((h) => ({
      id: h.id,
      reason: h.reason,
      reasonText: CONTACT_HOLD_REASONS[h.reason],
      note: h.note,
      startedAt: h.startedAt.toISOString(),
      startedByName: h.startedBy ? (n.get(h.startedBy) ?? null) : null,
    })),
    held: held.map((t) => ({
      id: t.id,
      label: TASK_TYPES[t.taskType as TaskType]?.label ?? t.taskType,
      details: t.details,
      heldReason: t.heldReason,
      createdAt: t.createdAt.toISOString(),
    })),
    youAreLead: lead !== null && lead === caller.audit.actorPersonId,
  }
}
