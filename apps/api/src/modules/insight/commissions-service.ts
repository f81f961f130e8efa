import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import {
  allocations,
  commissions,
  directoryServices,
  families,
  people,
  proposals,
  teams,
  writeAudit,
  type Commission,
  type Db,
} from '@hearth/db'
import { addCalendarDays, commissionRoute, totalPence, workingDayDeadline } from '@hearth/domain'
import { AppError, invalid, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { councilHolidays } from '../calendar/calendar-service'
import { familyService, holdingTeamId, holdingTeams } from '../families/families-service'
import { insightService } from './insight-service'
import { insertProposal, proposalService, type Ctx } from '../sign-off/proposals-service'

/** Whole weeks a service runs, counting both the first and the last day. */
export function weeksBetween(startDate: string, endDate: string): number {
  const days = Math.round((Date.parse(`${endDate}T12:00:00Z`) - Date.parse(`${startDate}T12:00:00Z`)) / 86_400_000) + 1
  return Math.max(1, Math.ceil(days / 7))
}

/**
 * Commissioning: when no listed service fits, the holding team asks insight to buy one (a spot
 * purchase). Insight records provider, cost and dates; that writes a proposal in the same
 * transaction, so the spend goes to strategy at or above the threshold and is agreed by the team
 * below it, and counts in committed spend like any other package.
 */
export function commissionService(db: Db) {
  const fam = familyService(db)
  const props = proposalService(db)
  const insight = insightService(db)

  async function views(councilId: string, rows: Commission[]) {
    if (!rows.length) return []
    const personIds = [...new Set(rows.flatMap((r) => [r.askedBy, r.takenBy]).filter(Boolean))] as string[]
    const proposalIds = rows.map((r) => r.proposalId).filter(Boolean) as string[]
    const [ps, fs, ts, pr, holidays, setting] = await Promise.all([
      db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.councilId, councilId), inArray(people.id, personIds))),
      db
        .select({ id: families.id, name: families.name })
        .from(families)
        .where(and(eq(families.councilId, councilId), inArray(families.id, [...new Set(rows.map((r) => r.familyId))]))),
      db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.councilId, councilId), inArray(teams.id, [...new Set(rows.map((r) => r.teamId))]))),
      proposalIds.length
        ? db
            .select({ id: proposals.id, status: proposals.status, route: proposals.route })
            .from(proposals)
            .where(and(eq(proposals.councilId, councilId), inArray(proposals.id, proposalIds)))
        : [],
      councilHolidays(db, councilId),
      insight.waitWorkingDays(councilId),
    ])
    const n = new Map([...ps, ...fs, ...ts].map((x) => [x.id, x.name]))
    const now = Date.now()
    return rows.map((r) => {
      const p = pr.find((x) => x.id === r.proposalId)
      const total =
        r.weeklyPence !== null && r.startDate && r.endDate
          ? totalPence(r.weeklyPence, weeksBetween(r.startDate, r.endDate))
          : null
      return {
        id: r.id,
        teamId: r.teamId,
        teamName: n.get(r.teamId) ?? '',
        familyId: r.familyId,
        familyName: n.get(r.familyId) ?? '',
        askedByName: n.get(r.askedBy) ?? '',
        askedAt: r.askedAt.toISOString(),
        need: r.need,
        why: r.why,
        familyView: r.familyView,
        weeks: r.weeks,
        budgetPence: r.budgetPence,
        status: r.status,
        takenById: r.takenBy,
        takenByName: r.takenBy ? (n.get(r.takenBy) ?? null) : null,
        providerName: r.providerName,
        serviceId: r.serviceId,
        weeklyPence: r.weeklyPence,
        totalPence: total,
        startDate: r.startDate,
        endDate: r.endDate,
        proposalId: r.proposalId,
        proposalStatus: p?.status ?? null,
        route: p?.route ?? null,
        overBudget: total !== null && total > r.budgetPence,
        waitingTooLong:
          r.status === 'waiting' &&
          workingDayDeadline(r.askedAt, setting.waitWorkingDays, holidays).dueAt.getTime() <= now,
      }
    })
  }

  async function canSee(actor: Actor, r: Commission) {
    if (actor.roles.includes('insight_adviser')) return true
    if (!actor.roles.includes('practitioner')) return false
    const holder = (await holdingTeamId(db, actor.councilId, r.familyId)) ?? r.teamId
    return actor.teams.some((t) => t.id === holder)
  }

  return {
    async ask(
      ctx: Ctx,
      actor: Actor,
      familyId: string,
      input: { need: string; why: string; familyView: string; weeks: number; budgetPence: number },
    ) {
      await fam.inScope(actor.councilId, actor.familyScope, familyId)
      const holder = await holdingTeamId(db, ctx.councilId, familyId)
      if (!holder || !actor.teams.some((t) => t.id === holder))
        throw new AppError('forbidden', 'Only the team holding the family asks for a service to be commissioned.')
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(commissions)
          .values({ councilId: ctx.councilId, teamId: holder, familyId, askedBy: actor.personId, ...input })
          .returning()
        await writeAudit(tx, { ...ctx, action: 'commission.ask', recordType: 'commission', recordId: r!.id, familyId })
        return r!
      })
      return (await views(ctx.councilId, [row]))[0]!
    },

    async list(ctx: Ctx, actor: Actor, view: 'waiting' | 'mine' | 'done' | 'team') {
      const conds = [eq(commissions.councilId, ctx.councilId)]
      const adviser = actor.roles.includes('insight_adviser')
      if (view === 'team' || !adviser) {
        const mine = actor.teams.map((t) => t.id)
        if (!mine.length) return []
        conds.push(
          or(
            inArray(commissions.teamId, mine),
            sql`${commissions.familyId} in (select a.family_id from ${allocations} a where a.council_id = ${ctx.councilId} and a.role = 'lead' and a.ended_at is null and a.team_id in ${mine})`,
          )!,
        )
      } else if (view === 'waiting') conds.push(eq(commissions.status, 'waiting'))
      else if (view === 'mine') conds.push(eq(commissions.takenBy, actor.personId), eq(commissions.status, 'taken'))
      else conds.push(eq(commissions.status, 'commissioned'))
      let rows = await db
        .select()
        .from(commissions)
        .where(and(...conds))
        .orderBy(view === 'waiting' ? asc(commissions.askedAt) : desc(commissions.askedAt))
        .limit(300)
      if (!adviser) {
        // a family's commission is for the team holding the family now (one query for all the families)
        const holder = await holdingTeams(db, ctx.councilId, [...new Set(rows.map((r) => r.familyId))])
        const mine = actor.teams.map((t) => t.id)
        rows = rows.filter((r) => mine.includes(holder.get(r.familyId) ?? r.teamId))
      }
      return views(ctx.councilId, rows)
    },

    async get(ctx: Ctx, actor: Actor, id: string) {
      const [r] = await db
        .select()
        .from(commissions)
        .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
      if (!r || !(await canSee(actor, r))) throw notFound('commission')
      return (await views(ctx.councilId, [r]))[0]!
    },

    /** The team no longer needs it: only while no adviser has taken it. */
    async withdraw(ctx: Ctx, actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const [r] = await tx
          .select()
          .from(commissions)
          .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
          .for('update')
        if (!r || !(await canSee(actor, r))) throw notFound('commission')
        if (r.status !== 'waiting')
          throw new AppError('conflict', 'An adviser has already taken this request: ask them instead.')
        await tx
          .update(commissions)
          .set({ status: 'withdrawn' })
          .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
        await writeAudit(tx, {
          ...ctx,
          action: 'commission.withdraw',
          recordType: 'commission',
          recordId: id,
          familyId: r.familyId,
          details: { need: r.need },
        })
      })
    },

    /** Of advisers taking the same request at once, one gets it. */
    async take(ctx: Ctx, actor: Actor, id: string) {
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .select()
          .from(commissions)
          .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
          .for('update')
        if (!r) throw notFound('commission')
        if (r.status !== 'waiting')
          throw new AppError(
            'conflict',
            r.status === 'withdrawn' ? 'The team withdrew this request.' : 'Someone has already taken this request.',
          )
        const [u] = await tx
          .update(commissions)
          .set({ status: 'taken', takenBy: actor.personId, takenAt: new Date() })
          .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'commission.take',
          recordType: 'commission',
          recordId: id,
          familyId: r.familyId,
        })
        return u!
      })
      return (await views(ctx.councilId, [row]))[0]!
    },

    /** The adviser cannot arrange it after all: back to the queue for another. */
    async handBack(ctx: Ctx, actor: Actor, id: string) {
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .select()
          .from(commissions)
          .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
          .for('update')
        if (!r) throw notFound('commission')
        if (r.status !== 'taken')
          throw new AppError(
            'conflict',
            r.status === 'commissioned'
              ? 'This service has already been commissioned.'
              : 'Nobody has taken this request.',
          )
        if (r.takenBy !== actor.personId)
          throw new AppError('forbidden', 'Only the adviser who took this request hands it back.')
        const [u] = await tx
          .update(commissions)
          .set({ status: 'waiting', takenBy: null, takenAt: null })
          .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'commission.hand_back',
          recordType: 'commission',
          recordId: id,
          familyId: r.familyId,
        })
        return u!
      })
      return (await views(ctx.councilId, [row]))[0]!
    },

    /** Provider, cost and dates: the proposal is written in the same transaction, routed by the threshold. */
    async record(
      ctx: Ctx,
      actor: Actor,
      id: string,
      input: {
        providerName: string
        serviceId?: string | null
        weeklyPence: number
        startDate: string
        endDate: string
      },
    ) {
      if (input.serviceId) {
        const [svc] = await db
          .select({ id: directoryServices.id })
          .from(directoryServices)
          .where(and(eq(directoryServices.councilId, ctx.councilId), eq(directoryServices.id, input.serviceId)))
        if (!svc) throw invalid('body.serviceId', 'not a service in this council’s directory')
      }
      if (input.endDate > addCalendarDays(input.startDate, 5 * 365))
        throw invalid('body.endDate', 'a commission runs for five years at most')
      const t = await props.thresholds(ctx.councilId)
      const holidays = await councilHolidays(db, ctx.councilId)
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .select()
          .from(commissions)
          .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
          .for('update')
        if (!r) throw notFound('commission')
        if (r.status === 'commissioned') throw new AppError('conflict', 'This service has already been commissioned.')
        if (r.status !== 'taken')
          throw new AppError(
            'conflict',
            r.status === 'withdrawn' ? 'The team withdrew this request.' : 'Take the request first.',
          )
        if (r.takenBy !== actor.personId)
          throw new AppError('forbidden', 'Only the adviser who took this request records the commission.')
        const [family] = await tx
          .select({ name: families.name, stage: families.conversationStage })
          .from(families)
          .where(and(eq(families.councilId, r.councilId), eq(families.id, r.familyId)))
        const weeks = weeksBetween(input.startDate, input.endDate)
        const total = totalPence(input.weeklyPence, weeks)
        const proposal = await insertProposal(tx, ctx, {
          teamId: r.teamId,
          familyId: r.familyId,
          proposedBy: r.askedBy,
          commissionId: r.id,
          route: commissionRoute(total, t),
          thresholds: t,
          holidays,
          input: {
            what: `${r.need} (commissioned from ${input.providerName}, ${input.startDate} to ${input.endDate})`.slice(
              0,
              300,
            ),
            forWhom: family!.name,
            why: r.why,
            weeklyPence: input.weeklyPence,
            weeks,
            alternatives: 'Nothing in the service directory fits, so the team asked the insight team to commission it.',
            familyView: r.familyView,
            conversationStage: Math.min(3, Math.max(1, family!.stage)) as 1 | 2 | 3,
            serviceId: input.serviceId ?? null,
          },
        })
        const [u] = await tx
          .update(commissions)
          .set({
            status: 'commissioned',
            providerName: input.providerName,
            serviceId: input.serviceId ?? null,
            weeklyPence: input.weeklyPence,
            startDate: input.startDate,
            endDate: input.endDate,
            commissionedAt: new Date(),
            proposalId: proposal.id,
          })
          .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'commission.record',
          recordType: 'commission',
          recordId: id,
          familyId: r.familyId,
          details: { proposalId: proposal.id, totalPence: total },
        })
        return u!
      })
      return (await views(ctx.councilId, [row]))[0]!
    },
  }
}
