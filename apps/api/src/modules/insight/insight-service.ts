import type { Ctx } from '../../kernel/context'
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import {
  allocations,
  commissions,
  directoryOrganisations,
  directoryServices,
  families,
  familyServices,
  insightRequests,
  insightSettings,
  people,
  proposalDecisions,
  proposals,
  referrals,
  teamDecisions,
  teams,
  visits,
  writeAudit,
  type Db,
  type InsightRequest,
  type Tx,
} from '@hearth/db'
import {
  DEFAULT_INSIGHT_WAIT_WORKING_DAYS,
  isTopicFor,
  pounds,
  REFERRAL_DECISIONS,
  topicLabel,
  VISIT_KINDS,
  workingDayDeadline,
  type InsightKind,
  type ReferralDecision,
  type VisitKind,
} from '@hearth/domain'
import { enqueueInTx } from '@hearth/jobs'
import { AppError, invalid, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { councilHolidays } from '../calendar/calendar-service'
import { familyService, holdingTeamId, holdingTeams } from '../families/families-service'

export interface AskInput {
  kind: InsightKind
  topic: string
  familyId?: string | null
  teamId?: string | null
  question: string
}

/**
 * Consultation and coaching. Practitioners ask; insight advisers take, book and advise. Advice about
 * a family is for the team holding the family: a practitioner in another team never sees it.
 */
export function insightService(db: Db) {
  const fam = familyService(db)

  async function waitWorkingDays(councilId: string) {
    const [row] = await db
      .select()
      .from(insightSettings)
      .where(eq(insightSettings.councilId, councilId))
      .orderBy(desc(insightSettings.setAt))
      .limit(1)
    return row
      ? { waitWorkingDays: row.waitWorkingDays, councilOwn: true }
      : { waitWorkingDays: DEFAULT_INSIGHT_WAIT_WORKING_DAYS, councilOwn: false }
  }

  async function views(councilId: string, rows: InsightRequest[]) {
    if (!rows.length) return []
    const personIds = [...new Set(rows.flatMap((r) => [r.askedBy, r.takenBy]).filter(Boolean))] as string[]
    const familyIds = [...new Set(rows.map((r) => r.familyId).filter(Boolean))] as string[]
    const teamIds = [...new Set(rows.map((r) => r.teamId))]
    const [ps, fs, ts, holidays, setting] = await Promise.all([
      db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.councilId, councilId), inArray(people.id, personIds))),
      familyIds.length
        ? db
            .select({ id: families.id, name: families.name })
            .from(families)
            .where(and(eq(families.councilId, councilId), inArray(families.id, familyIds)))
        : [],
      db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.councilId, councilId), inArray(teams.id, teamIds))),
      councilHolidays(db, councilId),
      waitWorkingDays(councilId),
    ])
    const n = new Map([...ps, ...fs, ...ts].map((x) => [x.id, x.name]))
    const now = Date.now()
    return rows.map((r) => {
      const due = workingDayDeadline(r.askedAt, setting.waitWorkingDays, holidays).dueAt
      return {
        id: r.id,
        kind: r.kind,
        topic: r.topic,
        topicLabel: topicLabel(r.kind, r.topic),
        teamId: r.teamId,
        teamName: n.get(r.teamId) ?? '',
        familyId: r.familyId,
        familyName: r.familyId ? (n.get(r.familyId) ?? null) : null,
        question: r.question,
        askedByName: n.get(r.askedBy) ?? '',
        askedAt: r.askedAt.toISOString(),
        status: r.status,
        takenById: r.takenBy,
        takenByName: r.takenBy ? (n.get(r.takenBy) ?? null) : null,
        takenAt: r.takenAt?.toISOString() ?? null,
        sessionAt: r.sessionAt?.toISOString() ?? null,
        sessionMinutes: r.sessionMinutes,
        attendees: r.attendees,
        advice: r.advice,
        adviceAt: r.adviceAt?.toISOString() ?? null,
        waitDueAt: due.toISOString(),
        waitingTooLong: r.status === 'waiting' && due.getTime() <= now,
      }
    })
  }

  async function load(councilId: string, id: string) {
    const [r] = await db
      .select()
      .from(insightRequests)
      .where(and(eq(insightRequests.councilId, councilId), eq(insightRequests.id, id)))
    if (!r) throw notFound('request')
    return r
  }

  /** Advisers see every request; a practitioner sees their team's, and a family's only while their team holds it. */
  async function canSee(actor: Actor, r: InsightRequest) {
    if (actor.roles.includes('insight_adviser')) return true
    if (!actor.roles.includes('practitioner')) return false
    const mine = actor.teams.map((t) => t.id)
    if (!r.familyId) return mine.includes(r.teamId)
    const holder = (await holdingTeamId(db, actor.councilId, r.familyId)) ?? r.teamId
    return mine.includes(holder)
  }

  async function transition(
    ctx: Ctx,
    actor: Actor,
    id: string,
    action: string,
    from: InsightRequest['status'][],
    set: Partial<typeof insightRequests.$inferInsert>,
    mustHold: boolean,
    after?: (tx: Tx, row: InsightRequest) => Promise<void>,
  ) {
    const row = await db.transaction(async (tx) => {
      const [r] = await tx
        .select()
        .from(insightRequests)
        .where(and(eq(insightRequests.councilId, ctx.councilId), eq(insightRequests.id, id)))
        .for('update')
      if (!r) throw notFound('request')
      if (!from.includes(r.status))
        throw new AppError(
          'conflict',
          r.status === 'waiting'
            ? 'Take the request first.'
            : r.status === 'advice_given'
              ? 'The advice has already been recorded.'
              : r.status === 'withdrawn'
                ? 'The team withdrew this request.'
                : 'Someone has already taken this request.',
        )
      if (mustHold && r.takenBy !== actor.personId)
        throw new AppError(
          'forbidden',
          'Only the adviser who took this request can do that. Ask them, or ask them to hand it back.',
        )
      const [u] = await tx
        .update(insightRequests)
        .set(set)
        .where(and(eq(insightRequests.councilId, ctx.councilId), eq(insightRequests.id, id)))
        .returning()
      await writeAudit(tx, { ...ctx, action, recordType: 'insight_request', recordId: id, familyId: r.familyId })
      await after?.(tx, u!)
      return u!
    })
    return (await views(ctx.councilId, [row]))[0]!
  }

  return {
    waitWorkingDays,
    async setWaitWorkingDays(ctx: Ctx, waitWorkingDays: number) {
      await db.transaction(async (tx) => {
        await tx
          .insert(insightSettings)
          .values({ councilId: ctx.councilId, waitWorkingDays, setBy: ctx.actorPersonId! })
        await writeAudit(tx, {
          ...ctx,
          action: 'insight.settings',
          recordType: 'insight_settings',
          details: { waitWorkingDays },
        })
      })
    },

    async ask(ctx: Ctx, actor: Actor, input: AskInput) {
      if (!isTopicFor(input.kind, input.topic))
        throw invalid(
          'body.topic',
          `choose one of the ${input.kind === 'consultation' ? 'consultation' : 'coaching'} topics`,
        )
      const ff = actor.teams.filter((t) => t.kind === 'family_facing').map((t) => t.id)
      let teamId: string
      if (input.familyId) {
        await fam.inScope(actor.councilId, actor.familyScope, input.familyId)
        const holder = await holdingTeamId(db, actor.councilId, input.familyId)
        if (holder && !ff.includes(holder))
          throw new AppError('forbidden', 'Another team holds this family: ask them to request the consultation.')
        teamId = holder ?? (input.teamId && ff.includes(input.teamId) ? input.teamId : ff[0]!)
      } else {
        if (!input.teamId) throw invalid('body.teamId', 'say which team is asking')
        if (!ff.includes(input.teamId)) throw invalid('body.teamId', 'you can only ask for a team you belong to')
        teamId = input.teamId
      }
      if (!teamId) throw new AppError('forbidden', 'Only members of a family-facing team ask the insight team.')
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(insightRequests)
          .values({
            councilId: ctx.councilId,
            kind: input.kind,
            topic: input.topic,
            teamId,
            familyId: input.familyId ?? null,
            question: input.question,
            askedBy: actor.personId,
          })
          .returning()
        await writeAudit(tx, {
          ...ctx,
          action: `insight.${input.kind}.ask`,
          recordType: 'insight_request',
          recordId: r!.id,
          familyId: input.familyId ?? null,
        })
        return r!
      })
      return (await views(ctx.councilId, [row]))[0]!
    },

    async list(ctx: Ctx, actor: Actor, q: { view: 'waiting' | 'mine' | 'done' | 'team'; teamId?: string }) {
      const conds = [eq(insightRequests.councilId, ctx.councilId)]
      const adviser = actor.roles.includes('insight_adviser')
      let order = asc(insightRequests.askedAt)
      if (q.view === 'team' || !adviser) {
        const mine = actor.teams.filter((t) => t.kind === 'family_facing').map((t) => t.id)
        const wanted = q.teamId ? mine.filter((t) => t === q.teamId) : mine
        if (!wanted.length) return []
        // the team's own requests, and those about families it holds now (asked before a hand-over)
        conds.push(
          or(
            inArray(insightRequests.teamId, wanted),
            sql`${insightRequests.familyId} in (select a.family_id from ${allocations} a where a.council_id = ${ctx.councilId} and a.role = 'lead' and a.ended_at is null and a.team_id in ${wanted})`,
          )!,
        )
        order = desc(insightRequests.askedAt)
      } else if (q.view === 'waiting') conds.push(eq(insightRequests.status, 'waiting'))
      else if (q.view === 'mine')
        conds.push(eq(insightRequests.takenBy, actor.personId), inArray(insightRequests.status, ['taken', 'booked']))
      else {
        conds.push(eq(insightRequests.status, 'advice_given'))
        order = desc(insightRequests.adviceAt)
      }
      let rows = await db
        .select()
        .from(insightRequests)
        .where(and(...conds))
        .orderBy(order)
        .limit(300)
      // a practitioner sees a family's request only while their team holds the family (one query for all the families)
      if (!adviser) {
        const holder = await holdingTeams(db, ctx.councilId, [
          ...new Set(rows.map((r) => r.familyId).filter(Boolean)),
        ] as string[])
        const mine = actor.teams.map((t) => t.id)
        rows = rows.filter((r) => mine.includes(r.familyId ? (holder.get(r.familyId) ?? r.teamId) : r.teamId))
      }
      return views(ctx.councilId, rows)
    },

    async get(ctx: Ctx, actor: Actor, id: string) {
      const r = await load(ctx.councilId, id)
      if (!(await canSee(actor, r))) throw notFound('request')
      return (await views(ctx.councilId, [r]))[0]!
    },

    /** The team no longer needs it: only while no adviser has taken it, by a practitioner of the team it belongs to. */
    async withdraw(ctx: Ctx, actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const [r] = await tx
          .select()
          .from(insightRequests)
          .where(and(eq(insightRequests.councilId, ctx.councilId), eq(insightRequests.id, id)))
          .for('update')
        if (!r || !(await canSee(actor, r))) throw notFound('request')
        if (r.status !== 'waiting')
          throw new AppError('conflict', 'An adviser has already taken this request: ask them instead.')
        await tx
          .update(insightRequests)
          .set({ status: 'withdrawn' })
          .where(and(eq(insightRequests.councilId, ctx.councilId), eq(insightRequests.id, id)))
        await writeAudit(tx, {
          ...ctx,
          action: 'insight.withdraw',
          recordType: 'insight_request',
          recordId: id,
          familyId: r.familyId,
          details: { kind: r.kind, topic: r.topic },
        })
      })
    },

    /** Atomic: of many advisers taking the same request at once, one gets it. */
    take: (ctx: Ctx, actor: Actor, id: string) =>
      transition(
        ctx,
        actor,
        id,
        'insight.take',
        ['waiting'],
        { status: 'taken', takenBy: actor.personId, takenAt: new Date() },
        false,
      ),
    handBack: (ctx: Ctx, actor: Actor, id: string) =>
      transition(
        ctx,
        actor,
        id,
        'insight.hand_back',
        ['taken', 'booked'],
        { status: 'waiting', takenBy: null, takenAt: null, sessionAt: null, sessionMinutes: null, attendees: null },
        true,
      ),
    book: (
      ctx: Ctx,
      actor: Actor,
      id: string,
      input: { sessionAt: string; sessionMinutes: number; attendees: string },
    ) =>
      // the room and the invitations go to the enablers (through the outbox, in the same transaction)
      transition(
        ctx,
        actor,
        id,
        'insight.book',
        ['taken', 'booked'],
        {
          status: 'booked',
          sessionAt: new Date(input.sessionAt),
          sessionMinutes: input.sessionMinutes,
          attendees: input.attendees,
        },
        true,
        (tx, row) =>
          enqueueInTx(tx, ctx.councilId, 'admin.tasks', {
            councilId: ctx.councilId,
            trigger: 'insight.session_booked',
            subjectId: row.id,
          }).then(() => {}),
      ),
    advise: (ctx: Ctx, actor: Actor, id: string, advice: string) =>
      transition(
        ctx,
        actor,
        id,
        'insight.advice',
        ['taken', 'booked'],
        { status: 'advice_given', advice, adviceAt: new Date() },
        true,
      ),

    /**
     * The family's story in one list, newest first: referrals, who held the family, visits,
     * proposals and decisions, services, commissions, team decisions, and insight advice (for the
     * holding team only).
     */
    async chronology(ctx: Ctx, actor: Actor, familyId: string) {
      await fam.inScope(actor.councilId, actor.familyScope, familyId)
      const c = ctx.councilId
      const holder = await holdingTeamId(db, c, familyId)
      const mine = actor.teams.map((t) => t.id)
      const [refs, allocs, vis, props, decs, advice, svcs, comms, tdecs] = await Promise.all([
        db
          .select()
          .from(referrals)
          .where(and(eq(referrals.councilId, c), eq(referrals.familyId, familyId))),
        db
          .select({ a: allocations, name: people.name, team: teams.name })
          .from(allocations)
          .innerJoin(people, and(eq(people.id, allocations.personId), eq(people.councilId, allocations.councilId)))
          .innerJoin(teams, and(eq(teams.id, allocations.teamId), eq(teams.councilId, allocations.councilId)))
          .where(and(eq(allocations.councilId, c), eq(allocations.familyId, familyId))),
        db
          .select()
          .from(visits)
          .where(and(eq(visits.councilId, c), eq(visits.familyId, familyId))),
        db
          .select({ p: proposals, name: people.name })
          .from(proposals)
          .innerJoin(people, and(eq(people.id, proposals.proposedBy), eq(people.councilId, proposals.councilId)))
          .where(and(eq(proposals.councilId, c), eq(proposals.familyId, familyId))),
        db
          .select({ d: proposalDecisions, name: people.name, what: proposals.what })
          .from(proposalDecisions)
          .innerJoin(
            proposals,
            and(eq(proposals.id, proposalDecisions.proposalId), eq(proposals.councilId, proposalDecisions.councilId)),
          )
          .innerJoin(
            people,
            and(eq(people.id, proposalDecisions.decidedBy), eq(people.councilId, proposalDecisions.councilId)),
          )
          .where(and(eq(proposalDecisions.councilId, c), eq(proposals.familyId, familyId))),
        db
          .select({ r: insightRequests, name: people.name })
          .from(insightRequests)
          .leftJoin(
            people,
            and(eq(people.id, insightRequests.takenBy), eq(people.councilId, insightRequests.councilId)),
          )
          .where(and(eq(insightRequests.councilId, c), eq(insightRequests.familyId, familyId))),
        db
          .select({
            s: familyServices,
            service: directoryServices.name,
            org: directoryOrganisations.name,
            name: people.name,
          })
          .from(familyServices)
          .innerJoin(
            directoryServices,
            and(
              eq(directoryServices.id, familyServices.serviceId),
              eq(directoryServices.councilId, familyServices.councilId),
            ),
          )
          .innerJoin(
            directoryOrganisations,
            and(
              eq(directoryOrganisations.id, directoryServices.organisationId),
              eq(directoryOrganisations.councilId, directoryServices.councilId),
            ),
          )
          .innerJoin(
            people,
            and(eq(people.id, familyServices.recordedBy), eq(people.councilId, familyServices.councilId)),
          )
          .where(and(eq(familyServices.councilId, c), eq(familyServices.familyId, familyId))),
        db
          .select({ m: commissions, name: people.name })
          .from(commissions)
          .innerJoin(people, and(eq(people.id, commissions.askedBy), eq(people.councilId, commissions.councilId)))
          .where(and(eq(commissions.councilId, c), eq(commissions.familyId, familyId))),
        db
          .select({ t: teamDecisions, name: people.name })
          .from(teamDecisions)
          .innerJoin(
            people,
            and(eq(people.id, teamDecisions.recordedBy), eq(people.councilId, teamDecisions.councilId)),
          )
          .where(and(eq(teamDecisions.councilId, c), eq(teamDecisions.familyId, familyId))),
      ])
      type Entry = {
        at: Date
        kind:
          | 'referral'
          | 'allocation'
          | 'visit'
          | 'proposal'
          | 'decision'
          | 'consultation'
          | 'coaching'
          | 'service'
          | 'commission'
          | 'team_decision'
        title: string
        detail: string | null
        byName: string | null
        link: string | null
      }
      const out: Entry[] = []
      for (const r of refs) {
        out.push({
          at: r.receivedAt,
          kind: 'referral',
          title: `Referral ${r.reference} received`,
          detail: r.worries,
          byName: r.referrerName,
          link: null,
        })
        if (r.decidedAt && r.decision)
          out.push({
            at: r.decidedAt,
            kind: 'referral',
            title: `Referral decided: ${REFERRAL_DECISIONS[r.decision as ReferralDecision] ?? r.decision}`,
            detail: r.decisionReasons,
            byName: null,
            link: null,
          })
      }
      for (const { a, name, team } of allocs) {
        out.push({
          at: a.startedAt,
          kind: 'allocation',
          title: `${name} became ${a.role === 'lead' ? 'lead worker' : 'co-worker'} (${team})`,
          detail: null,
          byName: null,
          link: null,
        })
        if (a.endedAt)
          out.push({
            at: a.endedAt,
            kind: 'allocation',
            title: `${name} stopped as ${a.role === 'lead' ? 'lead worker' : 'co-worker'}`,
            detail: a.endedReason,
            byName: null,
            link: null,
          })
      }
      const nowMs = Date.now()
      for (const v of vis)
        out.push({
          at: v.startsAt,
          kind: 'visit',
          title: `${VISIT_KINDS[v.kind as VisitKind] ?? v.kind}${v.status === 'cancelled' ? ' (cancelled)' : v.startsAt.getTime() > nowMs ? ' (booked)' : ''}`,
          detail: v.status === 'cancelled' ? v.lastChangeReason : v.place,
          byName: null,
          link: null,
        })
      for (const { p, name } of props)
        out.push({
          at: p.createdAt,
          kind: 'proposal',
          title: `Proposed: ${p.what} (${pounds(p.totalPence)})`,
          detail: p.why,
          byName: name,
          link: `/proposals/${p.id}`,
        })
      for (const { d, name, what } of decs)
        out.push({
          at: d.decidedAt,
          kind: 'decision',
          title: `Strategy ${d.outcome === 'approve' ? 'approved' : d.outcome === 'decline' ? 'declined' : 'asked for more information on'}: ${what}`,
          detail: d.reasonsForTeam,
          byName: name,
          link: null,
        })
      // advice is for the team holding the family (or the asking team, if nobody holds it yet)
      for (const { r, name } of advice) {
        if (!mine.includes(holder ?? r.teamId)) continue
        const label = topicLabel(r.kind, r.topic)
        const link = `/insight/requests/${r.id}`
        if (r.status === 'withdrawn')
          out.push({
            at: r.askedAt,
            kind: r.kind,
            title: `${r.kind === 'consultation' ? 'Consultation' : 'Coaching'} asked for, then withdrawn: ${label}`,
            detail: r.question,
            byName: null,
            link,
          })
        else if (r.status === 'advice_given' && r.adviceAt)
          out.push({
            at: r.adviceAt,
            kind: r.kind,
            title: `${r.kind === 'consultation' ? 'Consultation advice' : 'Coaching notes'}: ${label}`,
            detail: r.advice,
            byName: name,
            link,
          })
        else
          out.push({
            at: r.askedAt,
            kind: r.kind,
            title: `${r.kind === 'consultation' ? 'Consultation' : 'Coaching'} asked for: ${label}`,
            detail: r.question,
            byName: null,
            link,
          })
      }
      for (const { s, service, org, name } of svcs)
        out.push({
          at: new Date(`${s.onDate}T12:00:00Z`),
          kind: 'service',
          title: `${s.status === 'referred' ? 'Referred to' : s.status === 'attending' ? 'Attending' : 'Finished with'} ${service} (${org})`,
          detail: s.note,
          byName: name,
          link: null,
        })
      for (const { m, name } of comms)
        out.push({
          at: m.commissionedAt ?? m.askedAt,
          kind: 'commission',
          title:
            m.status === 'commissioned'
              ? `Commissioned: ${m.need} from ${m.providerName}`
              : m.status === 'withdrawn'
                ? `Asked insight to commission, then withdrawn: ${m.need}`
                : `Asked insight to commission: ${m.need}`,
          detail: m.why,
          byName: name,
          link: m.proposalId ? `/proposals/${m.proposalId}` : null,
        })
      for (const { t, name } of tdecs)
        out.push({
          at: t.decidedAt,
          kind: 'team_decision',
          title: 'Team decision',
          detail: t.summary,
          byName: name,
          link: null,
        })
      out.sort((a, b) => b.at.getTime() - a.at.getTime())
      return out.map((e) => ({ ...e, at: e.at.toISOString() }))
    },
  }
}
