import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { auditEvents } from '@hearth/db/schema/audit'
import { people } from '@hearth/db/schema/organisation'
import type { AuditQuery } from '@hearth/contracts/audit'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'

const dayAfter = (iso: string) => new Date(new Date(`${iso}T00:00:00Z`).getTime() + 86_400_000)

/** The audit trail searched by person, child and date, newest first, a page at a time. */
export async function searchAudit(deps: Deps, caller: Caller, q: z.infer<typeof AuditQuery>) {
  const conditions: SQL[] = [eq(auditEvents.councilId, caller.councilId)]
  if (q.personId) conditions.push(eq(auditEvents.actorPersonId, q.personId))
  if (q.childId) conditions.push(eq(auditEvents.childId, q.childId))
  if (q.from) conditions.push(gte(auditEvents.at, new Date(`${q.from}T00:00:00Z`)))
  if (q.to) conditions.push(lt(auditEvents.at, dayAfter(q.to)))
  if (q.before) conditions.push(lt(auditEvents.id, q.before))
  const rows = await deps.db
    .select({ e: auditEvents, actorName: people.name })
    .from(auditEvents)
    .leftJoin(people, and(eq(people.id, auditEvents.actorPersonId), eq(people.councilId, auditEvents.councilId)))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(q.limit + 1)
  const page = rows.slice(0, q.limit)
  return {
    events: page.map(({ e, actorName }) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorPersonId: e.actorPersonId,
      actorName,
      action: e.action,
      recordType: e.recordType,
      recordId: e.recordId,
      familyId: e.familyId,
      childId: e.childId,
      route: e.route,
      method: e.method,
      ip: e.ip,
    })),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.e.id : null,
  }
}
