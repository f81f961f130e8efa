import type { Ctx } from '../../kernel/context'
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Db, Tx } from '@hearth/db/client'
import { directoryServices } from '@hearth/db/schema/directory'
import { families } from '@hearth/db/schema/families'
import { people, teams } from '@hearth/db/schema/organisation'
import { proposalDecisions, proposals, spendThresholds, type Proposal } from '@hearth/db/schema/sign-off'
import { teamDecisions } from '@hearth/db/schema/team-board'
import {
  approvalsNeeded,
  DEFAULT_THRESHOLDS,
  reviewAfterWeeks,
  totalPence,
  type Thresholds,
} from '@hearth/domain/sign-off'
import { addCalendarDays, londonDateOf, workingDayDeadline, type HolidaySet } from '@hearth/domain/working-days'
import { notFound } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

export type { Ctx }

export interface ProposalInput {
  what: string
  forWhom: string
  why: string
  weeklyPence: number
  weeks: number
  alternatives: string
  familyView: string
  serviceId?: string | null
}

/**
 * Writes a proposal in the caller's transaction: for the team to record (its decisions log says
 * so) or for strategy by a working-day deadline. Used by teams' proposals and by commissioning.
 */
export async function insertProposal(
  tx: Tx,
  caller: Caller,
  p: {
    teamId: string
    familyId: string
    proposedBy: string
    input: ProposalInput
    /** The family's conversation when the proposal is made. */
    stage: 1 | 2 | 3
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
      councilId: caller.councilId,
      teamId: p.teamId,
      familyId: p.familyId,
      proposedBy: p.proposedBy,
      ...input,
      conversationStage: p.stage,
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
      councilId: caller.councilId,
      teamId: p.teamId,
      kind: 'other',
      summary: `The team agreed: ${input.what} for ${input.forWhom} (£${(total / 100).toFixed(2)} in all). Why: ${input.why}`,
      recordedBy: p.proposedBy,
      familyId: p.familyId,
      details: { proposalId: row!.id, ...(p.commissionId ? { commissionId: p.commissionId } : {}) },
    })
  }
  await writeAudit(tx, {
    ...caller.audit,
    action: 'proposal.create',
    recordType: 'proposal',
    recordId: row!.id,
    familyId: p.familyId,
    details: { route, totalPence: total, ...(p.commissionId ? { commissionId: p.commissionId } : {}) },
  })
  return row!
}

export async function thresholds(db: Db, councilId: string): Promise<Thresholds> {
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

export async function views(db: Db, councilId: string, rows: Proposal[]) {
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
        byId: d.d.decidedBy,
        byName: d.name,
        reasonsForTeam: d.d.reasonsForTeam,
        reasonsForFamily: d.d.reasonsForFamily,
        round: d.d.round,
        decidedAt: d.d.decidedAt.toISOString(),
      })),
  }))
}

export async function load(db: Db, councilId: string, id: string) {
  const [p] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.councilId, councilId), eq(proposals.id, id)))
  if (!p) throw notFound('proposal')
  return p
}

/** Strategy members see every proposal; a practitioner only their own teams'. */
export function canSee(caller: Caller, p: Proposal) {
  return caller.roles.includes('strategy_member') || caller.teams.some((t) => t.id === p.teamId)
}
