import type { Ctx } from '../../kernel/context'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import {
  directoryServices,
  families,
  people,
  proposalDecisions,
  proposals,
  spendThresholds,
  teamDecisions,
  teams,
  writeAudit,
  type Db,
  type Proposal,
  type Tx,
} from '@hearth/db'
import {
  addCalendarDays,
  approvalsNeeded,
  DEFAULT_THRESHOLDS,
  londonDateOf,
  proposalRoute,
  reviewAfterWeeks,
  totalPence,
  workingDayDeadline,
  type HolidaySet,
  type Thresholds,
} from '@hearth/domain'
import { AppError, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { councilHolidays } from '../calendar/calendar-service'
import { familyService, holdingTeamId } from '../families/families-service'

export type { Ctx }

export interface ProposalInput {
  what: string
  forWhom: string
  why: string
  weeklyPence: number
  weeks: number
  alternatives: string
  familyView: string
  conversationStage: 1 | 2 | 3
  serviceId?: string | null
}

/**
 * Writes a proposal in the caller's transaction: for the team to record (its decisions log says
 * so) or for strategy by a working-day deadline. Used by teams' proposals and by commissioning.
 */
export async function insertProposal(
  tx: Tx,
  ctx: Ctx,
  p: {
    teamId: string
    familyId: string
    proposedBy: string
    input: ProposalInput
    route: 'team' | 'strategy'
    thresholds: Thresholds
    holidays: HolidaySet
    commissionId?: string
  },
): Promise<Proposal> {
  const { input, route, thresholds: t } = p
  const total = totalPence(input.weeklyPence, input.weeks)
  const now = new Date()
  const deadline = route === 'strategy' ? workingDayDeadline(now, t.decisionWorkingDays, p.holidays) : null
  const [row] = await tx
    .insert(proposals)
    .values({
      councilId: ctx.councilId,
      teamId: p.teamId,
      familyId: p.familyId,
      proposedBy: p.proposedBy,
      ...input,
      serviceId: input.serviceId ?? null,
      commissionId: p.commissionId ?? null,
      totalPence: total,
      route,
      signOffPenceAtSubmission: t.signOffPence,
      approvalsNeeded: approvalsNeeded(total, t),
      status: route === 'team' ? 'team_decided' : 'awaiting_strategy',
      decisionDueDate: deadline?.dueDate ?? null,
      decisionDueAt: deadline?.dueAt ?? null,
      decidedAt: route === 'team' ? now : null,
      reviewDate: route === 'team' ? addCalendarDays(londonDateOf(now), reviewAfterWeeks(input.weeks) * 7) : null,
    })
    .returning()
  if (route === 'team') {
    await tx.insert(teamDecisions).values({
      councilId: ctx.councilId,
      teamId: p.teamId,
      kind: 'other',
      summary: `The team agreed: ${input.what} for ${input.forWhom} (£${(total / 100).toFixed(2)} in all). Why: ${input.why}`,
      recordedBy: p.proposedBy,
      familyId: p.familyId,
      details: { proposalId: row!.id, ...(p.commissionId ? { commissionId: p.commissionId } : {}) },
    })
  }
  await writeAudit(tx, {
    ...ctx,
    action: 'proposal.create',
    recordType: 'proposal',
    recordId: row!.id,
    familyId: p.familyId,
    details: { route, totalPence: total, ...(p.commissionId ? { commissionId: p.commissionId } : {}) },
  })
  return row!
}

export function proposalService(db: Db) {
  const fam = familyService(db)

  async function thresholds(councilId: string): Promise<Thresholds> {
    const [row] = await db
      .select()
      .from(spendThresholds)
      .where(eq(spendThresholds.councilId, councilId))
      .orderBy(desc(spendThresholds.setAt))
      .limit(1)
    return row
      ? {
          signOffPence: row.signOffPence,
          secondApproverPence: row.secondApproverPence,
          decisionWorkingDays: row.decisionWorkingDays,
        }
      : DEFAULT_THRESHOLDS
  }

  async function views(councilId: string, rows: Proposal[]) {
    if (!rows.length) return []
    const ids = rows.map((r) => r.id)
    const decisions = await db
      .select({ d: proposalDecisions, name: people.name })
      .from(proposalDecisions)
      .innerJoin(
        people,
        and(eq(people.id, proposalDecisions.decidedBy), eq(people.councilId, proposalDecisions.councilId)),
      )
      .where(and(eq(proposalDecisions.councilId, councilId), inArray(proposalDecisions.proposalId, ids)))
      .orderBy(asc(proposalDecisions.decidedAt))
    const personIds = [...new Set(rows.map((r) => r.proposedBy))]
    const names = await db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.councilId, councilId), inArray(people.id, personIds)))
    const teamRows = await db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(eq(teams.councilId, councilId), inArray(teams.id, [...new Set(rows.map((r) => r.teamId))])))
    const famRows = await db
      .select({ id: families.id, name: families.name })
      .from(families)
      .where(and(eq(families.councilId, councilId), inArray(families.id, [...new Set(rows.map((r) => r.familyId))])))
    const serviceIds = [...new Set(rows.map((r) => r.serviceId).filter(Boolean))] as string[]
    const svcRows = serviceIds.length
      ? await db
          .select({ id: directoryServices.id, name: directoryServices.name })
          .from(directoryServices)
          .where(and(eq(directoryServices.councilId, councilId), inArray(directoryServices.id, serviceIds)))
      : []
    const now = Date.now()
    return rows.map((r) => ({
      id: r.id,
      teamId: r.teamId,
      teamName: teamRows.find((t) => t.id === r.teamId)?.name ?? '',
      familyId: r.familyId,
      familyName: famRows.find((f) => f.id === r.familyId)?.name ?? '',
      proposedById: r.proposedBy,
      proposedByName: names.find((n) => n.id === r.proposedBy)?.name ?? '',
      what: r.what,
      forWhom: r.forWhom,
      why: r.why,
      weeklyPence: r.weeklyPence,
      weeks: r.weeks,
      totalPence: r.totalPence,
      alternatives: r.alternatives,
      familyView: r.familyView,
      conversationStage: r.conversationStage,
      route: r.route,
      approvalsNeeded: r.approvalsNeeded,
      status: r.status,
      decisionDueDate: r.decisionDueDate,
      overdue: r.status === 'awaiting_strategy' && !!r.decisionDueAt && r.decisionDueAt.getTime() < now,
      reviewDate: r.reviewDate,
      createdAt: r.createdAt.toISOString(),
      serviceId: r.serviceId,
      serviceName: svcRows.find((x) => x.id === r.serviceId)?.name ?? null,
      commissionId: r.commissionId,
      decisions: decisions
        .filter((d) => d.d.proposalId === r.id)
        .map((d) => ({
          outcome: d.d.outcome,
          byName: d.name,
          reasonsForTeam: d.d.reasonsForTeam,
          reasonsForFamily: d.d.reasonsForFamily,
          round: d.d.round,
          decidedAt: d.d.decidedAt.toISOString(),
        })),
    }))
  }

  async function load(councilId: string, id: string) {
    const [p] = await db
      .select()
      .from(proposals)
      .where(and(eq(proposals.councilId, councilId), eq(proposals.id, id)))
    if (!p) throw notFound('proposal')
    return p
  }

  /** Strategy members see every proposal; a practitioner only their own teams'. */
  function canSee(actor: Actor, p: Proposal) {
    return actor.roles.includes('strategy_member') || actor.teams.some((t) => t.id === p.teamId)
  }

  return {
    thresholds,
    views,

    async thresholdHistory(councilId: string) {
      const rows = await db
        .select({ t: spendThresholds, name: people.name })
        .from(spendThresholds)
        .innerJoin(people, and(eq(people.id, spendThresholds.setBy), eq(people.councilId, spendThresholds.councilId)))
        .where(eq(spendThresholds.councilId, councilId))
        .orderBy(desc(spendThresholds.setAt))
      return rows.map(({ t, name }) => ({
        signOffPence: t.signOffPence,
        secondApproverPence: t.secondApproverPence,
        decisionWorkingDays: t.decisionWorkingDays,
        setByName: name,
        reason: t.reason,
        setAt: t.setAt.toISOString(),
      }))
    },

    async setThresholds(ctx: Ctx, input: Thresholds & { reason: string }) {
      if (input.secondApproverPence < input.signOffPence)
        throw new AppError('validation_failed', 'Check the highlighted answers.', [
          { field: 'body.secondApproverPence', message: 'must be at least the sign-off threshold' },
        ])
      await db.transaction(async (tx) => {
        await tx.insert(spendThresholds).values({ councilId: ctx.councilId, ...input, setBy: ctx.actorPersonId! })
        await writeAudit(tx, { ...ctx, action: 'threshold.set', recordType: 'spend_threshold', details: { ...input } })
      })
    },

    /**
     * A team proposes. Below the threshold (or in conversations 1 and 2) the team decides and the
     * decisions log records it; at or above, the strategy team decides by a working-day deadline.
     */
    async propose(ctx: Ctx, actor: Actor, familyId: string, input: ProposalInput) {
      await fam.inScope(actor.councilId, actor.familyScope, familyId)
      const holder = await holdingTeamId(db, ctx.councilId, familyId)
      if (!holder || !actor.teams.some((t) => t.id === holder))
        throw new AppError('forbidden', 'Only the team that holds the family proposes for it.')
      if (input.serviceId) {
        const [svc] = await db
          .select({ id: directoryServices.id })
          .from(directoryServices)
          .where(and(eq(directoryServices.councilId, ctx.councilId), eq(directoryServices.id, input.serviceId)))
        if (!svc)
          throw new AppError('validation_failed', 'Check the highlighted answers.', [
            { field: 'body.serviceId', message: 'not a service in this council’s directory' },
          ])
      }
      const t = await thresholds(ctx.councilId)
      const total = totalPence(input.weeklyPence, input.weeks)
      const holidays = await councilHolidays(db, ctx.councilId)
      const row = await db.transaction((tx) =>
        insertProposal(tx, ctx, {
          teamId: holder,
          familyId,
          proposedBy: actor.personId,
          input,
          route: proposalRoute(input.conversationStage, total, t),
          thresholds: t,
          holidays,
        }),
      )
      return (await views(ctx.councilId, [row]))[0]!
    },

    /** Strategy decides, with reasons; never on their own proposal; two approvers above the higher threshold. */
    async decide(
      ctx: Ctx,
      actor: Actor,
      id: string,
      input: { outcome: 'approve' | 'decline' | 'more_info'; reasonsForTeam: string; reasonsForFamily?: string | null },
    ) {
      const row = await db.transaction(async (tx) => {
        const [p] = await tx
          .select()
          .from(proposals)
          .where(and(eq(proposals.councilId, ctx.councilId), eq(proposals.id, id)))
          .for('update')
        if (!p) throw notFound('proposal')
        if (p.status !== 'awaiting_strategy')
          throw new AppError(
            'conflict',
            p.status === 'more_info'
              ? 'The team has been asked for more information; wait for them to send it.'
              : 'This proposal has already been decided.',
          )
        if (p.proposedBy === actor.personId)
          throw new AppError('forbidden', 'You cannot decide a proposal you made yourself.')
        const round =
          1 +
          (
            (await tx
              .select({ n: sql<number>`count(*)::int` })
              .from(proposalDecisions)
              .where(
                and(
                  eq(proposalDecisions.councilId, ctx.councilId),
                  eq(proposalDecisions.proposalId, id),
                  eq(proposalDecisions.outcome, 'more_info'),
                ),
              )) as [{ n: number }]
          )[0].n
        const inserted = await tx
          .insert(proposalDecisions)
          .values({
            councilId: ctx.councilId,
            proposalId: id,
            decidedBy: actor.personId,
            outcome: input.outcome,
            reasonsForTeam: input.reasonsForTeam,
            reasonsForFamily: input.reasonsForFamily ?? null,
            round,
          })
          .onConflictDoNothing()
          .returning()
        if (!inserted.length)
          throw new AppError(
            'conflict',
            'You have already decided on this proposal; a second strategy member must approve it.',
          )
        let status: Proposal['status'] = p.status
        let reviewDate: string | null = null
        if (input.outcome === 'decline') status = 'declined'
        else if (input.outcome === 'more_info') status = 'more_info'
        else {
          const [{ n }] = (await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(proposalDecisions)
            .where(
              and(
                eq(proposalDecisions.councilId, ctx.councilId),
                eq(proposalDecisions.proposalId, id),
                eq(proposalDecisions.round, round),
                eq(proposalDecisions.outcome, 'approve'),
              ),
            )) as [{ n: number }]
          if (n >= p.approvalsNeeded) {
            status = 'approved'
            reviewDate = addCalendarDays(londonDateOf(new Date()), reviewAfterWeeks(p.weeks) * 7)
          }
        }
        const [updated] = await tx
          .update(proposals)
          .set({ status, reviewDate, decidedAt: status === 'awaiting_strategy' ? null : new Date() })
          .where(and(eq(proposals.councilId, ctx.councilId), eq(proposals.id, id)))
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: `proposal.${input.outcome}`,
          recordType: 'proposal',
          recordId: id,
          familyId: p.familyId,
          details: { status },
        })
        return updated!
      })
      return (await views(ctx.councilId, [row]))[0]!
    },

    async resubmit(
      ctx: Ctx,
      actor: Actor,
      id: string,
      input: { why: string; familyView?: string; alternatives?: string },
    ) {
      const p = await load(ctx.councilId, id)
      if (!actor.teams.some((t) => t.id === p.teamId)) throw notFound('proposal')
      if (p.status !== 'more_info')
        throw new AppError('conflict', 'Only a proposal the strategy team asked about can be sent again.')
      const t = await thresholds(ctx.councilId)
      const deadline = workingDayDeadline(new Date(), t.decisionWorkingDays, await councilHolidays(db, ctx.councilId))
      const [row] = await db.transaction(async (tx) => {
        const r = await tx
          .update(proposals)
          .set({
            status: 'awaiting_strategy',
            why: input.why,
            familyView: input.familyView ?? p.familyView,
            alternatives: input.alternatives ?? p.alternatives,
            decisionDueDate: deadline.dueDate,
            decisionDueAt: deadline.dueAt,
          })
          .where(and(eq(proposals.councilId, ctx.councilId), eq(proposals.id, id), eq(proposals.status, 'more_info')))
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: 'proposal.resubmit',
          recordType: 'proposal',
          recordId: id,
          familyId: p.familyId,
        })
        return r
      })
      return (await views(ctx.councilId, [row!]))[0]!
    },

    async get(ctx: Ctx, actor: Actor, id: string) {
      const p = await load(ctx.councilId, id)
      if (!canSee(actor, p)) throw notFound('proposal')
      return (await views(ctx.councilId, [p]))[0]!
    },

    async list(ctx: Ctx, actor: Actor, where: { view?: 'awaiting' | 'decided'; teamId?: string; familyId?: string }) {
      const conds = [eq(proposals.councilId, ctx.councilId)]
      if (where.view === 'awaiting') conds.push(inArray(proposals.status, ['awaiting_strategy', 'more_info']))
      if (where.view === 'decided')
        conds.push(inArray(proposals.status, ['approved', 'declined']), eq(proposals.route, 'strategy'))
      if (where.teamId) conds.push(eq(proposals.teamId, where.teamId))
      if (where.familyId) conds.push(eq(proposals.familyId, where.familyId))
      if (!actor.roles.includes('strategy_member')) {
        const mine = actor.teams.map((t) => t.id)
        if (!mine.length) return []
        conds.push(inArray(proposals.teamId, mine))
      }
      const rows = await db
        .select()
        .from(proposals)
        .where(and(...conds))
        .orderBy(where.view === 'awaiting' ? asc(proposals.decisionDueAt) : desc(proposals.createdAt))
        .limit(300)
      return views(ctx.councilId, rows)
    },
  }
}
