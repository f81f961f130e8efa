import type { Ctx } from '../../kernel/context'
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm'
import {
  allocations,
  families,
  offers,
  people,
  referrals,
  teams,
  visits,
  writeAudit,
  type Db,
  type Visit,
} from '@hearth/db'
import { addCalendarDays, londonDateOf, startOfLondonDay, type Role } from '@hearth/domain'
import { enqueueInTx } from '@hearth/jobs'
import { AppError, invalid, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { familyService, holdingTeamId } from '../families/families-service'

/** A family held with no visit booked, and none in this many days, is shown as overdue on "My day". */
export const VISIT_OVERDUE_DAYS = 28

export function visitService(db: Db) {
  const fam = familyService(db)

  async function view(rows: (Visit & { familyName: string })[], councilId: string) {
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

  async function loadVisit(actor: Actor, visitId: string) {
    const [v] = await db
      .select()
      .from(visits)
      .where(and(eq(visits.councilId, actor.councilId), eq(visits.id, visitId)))
    if (!v) throw notFound('visit')
    await fam.inScope(actor.councilId, actor.familyScope, v.familyId).catch(() => {
      throw notFound('visit')
    })
    return v
  }

  async function staffCheck(councilId: string, attendeeIds: string[]) {
    if (!attendeeIds.length) return
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.councilId, councilId), inArray(people.id, attendeeIds), eq(people.active, true)))
    const found = new Set(rows.map((r) => r.id))
    const i = attendeeIds.findIndex((id) => !found.has(id))
    if (i >= 0) throw invalid(`body.attendeeIds.${i}`, 'this person does not work in this council')
  }

  return {
    async list(ctx: Ctx, actor: Actor, familyId: string) {
      const f = await fam.inScope(actor.councilId, actor.familyScope, familyId)
      const rows = await db
        .select()
        .from(visits)
        .where(and(eq(visits.councilId, actor.councilId), eq(visits.familyId, familyId)))
        .orderBy(desc(visits.startsAt))
        .limit(200)
      return view(
        rows.map((r) => ({ ...r, familyName: f.name })),
        actor.councilId,
      )
    },

    async book(
      ctx: Ctx,
      actor: Actor,
      familyId: string,
      input: {
        kind: string
        startsAt: string
        durationMinutes: number
        place: string
        attendeeIds: string[]
        othersAttending?: string | null
        interpreterNeeded?: boolean
      },
    ) {
      const f = await fam.inScope(actor.councilId, actor.familyScope, familyId)
      const teamId =
        (await holdingTeamId(db, actor.councilId, familyId)) ?? actor.teams.find((t) => t.kind === 'family_facing')?.id
      if (!teamId) throw new AppError('forbidden', 'Only a family-facing team books visits.')
      const attendeeIds = input.attendeeIds.length ? [...new Set(input.attendeeIds)] : [actor.personId]
      await staffCheck(actor.councilId, attendeeIds)
      const v = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(visits)
          .values({
            councilId: actor.councilId,
            familyId,
            teamId,
            kind: input.kind,
            startsAt: new Date(input.startsAt),
            durationMinutes: input.durationMinutes,
            place: input.place,
            attendeeIds,
            othersAttending: input.othersAttending ?? null,
            interpreterNeeded: input.interpreterNeeded ?? f.interpreterNeeded,
            bookedBy: actor.personId,
          })
          .returning()
        await writeAudit(tx, { ...ctx, action: 'visit.book', recordType: 'visit', recordId: row!.id, familyId })
        // The admin this booking brings (letter, interpreter, room…) goes to the enablers, in this transaction.
        await enqueueInTx(tx, actor.councilId, 'admin.tasks', {
          councilId: actor.councilId,
          trigger: 'visit.booked',
          subjectId: row!.id,
        })
        return row!
      })
      return (await view([{ ...v, familyName: f.name }], actor.councilId))[0]!
    },

    async move(
      ctx: Ctx,
      actor: Actor,
      visitId: string,
      input: { startsAt?: string; durationMinutes?: number; place?: string; reason: string },
    ) {
      const v = await loadVisit(actor, visitId)
      if (v.status === 'cancelled') throw new AppError('conflict', 'This visit was cancelled. Book a new one instead.')
      const [row] = await db.transaction(async (tx) => {
        const r = await tx
          .update(visits)
          .set({
            ...(input.startsAt ? { startsAt: new Date(input.startsAt) } : {}),
            ...(input.place ? { place: input.place } : {}),
            ...(input.durationMinutes ? { durationMinutes: input.durationMinutes } : {}),
            lastChangeReason: input.reason,
          })
          .where(and(eq(visits.councilId, ctx.councilId), eq(visits.id, visitId), eq(visits.status, 'booked')))
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'visit.move',
          recordType: 'visit',
          recordId: visitId,
          familyId: v.familyId,
          details: { from: v.startsAt.toISOString(), fields: Object.keys(input).filter((k) => k !== 'reason') },
        })
        return r
      })
      const [f] = await db
        .select({ name: families.name })
        .from(families)
        .where(and(eq(families.councilId, v.councilId), eq(families.id, v.familyId)))
      return (await view([{ ...row!, familyName: f!.name }], actor.councilId))[0]!
    },

    async cancel(ctx: Ctx, actor: Actor, visitId: string, reason: string) {
      const v = await loadVisit(actor, visitId)
      const [row] = await db.transaction(async (tx) => {
        const r = await tx
          .update(visits)
          .set({ status: 'cancelled', lastChangeReason: reason })
          .where(and(eq(visits.councilId, ctx.councilId), eq(visits.id, visitId), eq(visits.status, 'booked')))
          .returning()
        if (!r.length) throw new AppError('conflict', 'This visit is already cancelled.')
        await writeAudit(tx, {
          ...ctx,
          action: 'visit.cancel',
          recordType: 'visit',
          recordId: visitId,
          familyId: v.familyId,
        })
        return r
      })
      const [f] = await db
        .select({ name: families.name })
        .from(families)
        .where(and(eq(families.councilId, v.councilId), eq(families.id, v.familyId)))
      return (await view([{ ...row!, familyName: f!.name }], actor.councilId))[0]!
    },

    /** A practitioner's day: visits, the families they hold and when they were last seen, new arrivals. */
    async myDay(ctx: Ctx, actor: Actor) {
      if (!actor.roles.includes('practitioner' as Role)) throw new AppError('forbidden', 'My day is for practitioners.')
      const now = new Date()
      const today = londonDateOf(now)
      const dayStart = startOfLondonDay(today)
      const dayEnd = startOfLondonDay(addCalendarDays(today, 1))
      const todays = await db
        .select({ v: visits, familyName: families.name })
        .from(visits)
        .innerJoin(families, and(eq(families.id, visits.familyId), eq(families.councilId, visits.councilId)))
        .where(
          and(
            eq(visits.councilId, actor.councilId),
            eq(visits.status, 'booked'),
            gte(visits.startsAt, dayStart),
            lt(visits.startsAt, dayEnd),
            sql`${actor.personId}::uuid = any(${visits.attendeeIds})`,
          ),
        )
        .orderBy(asc(visits.startsAt))
      const held = await db
        .select({ familyId: allocations.familyId, role: allocations.role, familyName: families.name })
        .from(allocations)
        .innerJoin(families, and(eq(families.id, allocations.familyId), eq(families.councilId, allocations.councilId)))
        .where(
          and(
            eq(allocations.councilId, actor.councilId),
            eq(allocations.personId, actor.personId),
            isNull(allocations.endedAt),
          ),
        )
        .orderBy(asc(families.name))
      const familyIds = held.map((h) => h.familyId)
      const visitTimes = familyIds.length
        ? await db
            .select({
              familyId: visits.familyId,
              next: sql<Date | null>`min(${visits.startsAt}) filter (where ${visits.startsAt} >= now())`,
              last: sql<Date | null>`max(${visits.startsAt}) filter (where ${visits.startsAt} < now())`,
            })
            .from(visits)
            .where(
              and(
                eq(visits.councilId, actor.councilId),
                inArray(visits.familyId, familyIds),
                eq(visits.status, 'booked'),
              ),
            )
            .groupBy(visits.familyId)
        : []
      const ffTeams = actor.teams.filter((t) => t.kind === 'family_facing')
      const arrivals = ffTeams.length
        ? await db
            .select({
              offerId: offers.id,
              familyId: offers.familyId,
              familyName: families.name,
              postcode: families.postcode,
              offeredAt: offers.offeredAt,
              decision: referrals.decision,
              reasons: referrals.decisionReasons,
              openCase: offers.openCase,
              teamId: offers.teamId,
              teamName: teams.name,
              childCount: sql<number>`(select count(*)::int from children c where c.council_id = ${offers.councilId} and c.family_id = ${offers.familyId})`,
            })
            .from(offers)
            .innerJoin(families, and(eq(families.id, offers.familyId), eq(families.councilId, offers.councilId)))
            .innerJoin(referrals, and(eq(referrals.id, offers.referralId), eq(referrals.councilId, offers.councilId)))
            .innerJoin(teams, and(eq(teams.id, offers.teamId), eq(teams.councilId, offers.councilId)))
            .where(
              and(
                eq(offers.councilId, actor.councilId),
                inArray(
                  offers.teamId,
                  ffTeams.map((t) => t.id),
                ),
                eq(offers.status, 'waiting'),
              ),
            )
            .orderBy(asc(offers.offeredAt))
        : []
      const duty = ffTeams.length
        ? await db.execute(
            sql`select team_id from duty_rota where council_id = ${actor.councilId} and day = ${today} and person_id = ${actor.personId}`,
          )
        : { rows: [] }
      const onDutyTeamIds = new Set((duty as unknown as { rows: { team_id: string }[] }).rows.map((r) => r.team_id))
      const toDate = (d: Date | string | null) => (d ? new Date(d) : null)
      return {
        today,
        onDutyFor: ffTeams.filter((t) => onDutyTeamIds.has(t.id)).map((t) => ({ teamId: t.id, teamName: t.name })),
        visitsToday: await view(
          todays.map((t) => ({ ...t.v, familyName: t.familyName })),
          actor.councilId,
        ),
        families: held.map((h) => {
          const t = visitTimes.find((x) => x.familyId === h.familyId)
          const next = toDate(t?.next ?? null)
          const last = toDate(t?.last ?? null)
          const stale = !last || now.getTime() - last.getTime() > VISIT_OVERDUE_DAYS * 86_400_000
          return {
            familyId: h.familyId,
            familyName: h.familyName,
            role: h.role,
            nextVisitAt: next?.toISOString() ?? null,
            lastVisitAt: last?.toISOString() ?? null,
            state: next ? ('booked' as const) : stale ? ('overdue' as const) : ('none_booked' as const),
          }
        }),
        // The duty worker sees new arrivals first: they come before the rest of the day on screen.
        arrivals: arrivals.map((a) => ({
          ...a,
          offeredAt: a.offeredAt.toISOString(),
          waitingMinutes: Math.max(0, Math.round((now.getTime() - a.offeredAt.getTime()) / 60_000)),
        })),
      }
    },
  }
}
