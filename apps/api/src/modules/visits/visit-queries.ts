import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { people } from '@hearth/db/schema/organisation'
import { visits, type Visit } from '@hearth/db/schema/visits'
import { invalid, notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

/** A family held with no visit booked, and none in this many days, is shown as overdue on "My day". */
export const VISIT_OVERDUE_DAYS = 28

export async function view(db: Db, rows: (Visit & { familyName: string })[], councilId: string) {
  const ids = [...new Set(rows.flatMap((r) => r.attendeeIds))]
  const names = ids.length
    ? await db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.councilId, councilId), inArray(people.id, ids)))
    : []
  const nameOf = new Map(names.map((n) => [n.id, n.name]))
  return rows.map((v) => ({
    id: v.id,
    familyId: v.familyId,
    familyName: v.familyName,
    kind: v.kind,
    startsAt: v.startsAt.toISOString(),
    durationMinutes: v.durationMinutes,
    place: v.place,
    attendees: v.attendeeIds.map((id) => ({ personId: id, name: nameOf.get(id) ?? '' })),
    othersAttending: v.othersAttending,
    interpreterNeeded: v.interpreterNeeded,
    status: v.status,
    lastChangeReason: v.lastChangeReason,
  }))
}

export async function loadVisit(db: Db, caller: Caller, visitId: string) {
  const [v] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.councilId, caller.councilId), eq(visits.id, visitId)))
  if (!v) throw notFound('visit')
  await familyInScope(db, caller.councilId, caller.familyScope, v.familyId).catch(() => {
    throw notFound('visit')
  })
  return v
}

export async function staffCheck(db: Db, councilId: string, attendeeIds: string[]) {
  if (!attendeeIds.length) return
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.councilId, councilId), inArray(people.id, attendeeIds), eq(people.active, true)))
  const found = new Set(rows.map((r) => r.id))
  const i = attendeeIds.findIndex((id) => !found.has(id))
  if (i >= 0) throw invalid(`body.attendeeIds.${i}`, 'this person does not work in this council')
}
