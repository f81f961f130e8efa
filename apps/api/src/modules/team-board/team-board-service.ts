import type { Ctx } from '../../kernel/context'
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm'
import {
  allocations,
  children,
  dutyRota,
  families,
  familyLetters,
  memberships,
  offers,
  people,
  referrals,
  teamDecisions,
  teams,
  visits,
  writeAudit,
  type Db,
  type Tx,
} from '@hearth/db'
import {
  addCalendarDays,
  capRefusal,
  checkWorkers,
  effectiveCap,
  londonDateOf,
  pickCoWorker,
  startOfLondonDay,
  type Role,
} from '@hearth/domain'
import { enqueueInTx } from '@hearth/jobs'
import { AppError, invalid, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'

type Ex = Db | Tx

const countChildren = (familyId: unknown) =>
  sql<number>`(select count(*)::int from ${children} c where c.council_id = ${families.councilId} and c.family_id = ${familyId})`

export function teamworkService(db: Db) {
  /** A family-facing team the actor belongs to; anything else is "not found". */
  async function myTeam(ex: Ex, actor: Actor, teamId: string) {
    if (!actor.teams.some((t) => t.id === teamId && t.kind === 'family_facing')) throw notFound('team')
    const [team] = await ex
      .select()
      .from(teams)
      .where(and(eq(teams.councilId, actor.councilId), eq(teams.id, teamId)))
    if (!team) throw notFound('team')
    return team
  }

  async function practitioners(ex: Ex, councilId: string, teamId: string) {
    const rows = await ex
      .select({
        personId: people.id,
        name: people.name,
        roles: people.roles,
        active: people.active,
        cap: memberships.caseloadCap,
      })
      .from(memberships)
      .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.councilId, memberships.councilId)))
      .where(and(eq(memberships.councilId, councilId), eq(memberships.teamId, teamId)))
      .orderBy(asc(people.name))
    return rows.filter((r) => r.active && (r.roles as Role[]).includes('practitioner'))
  }

  async function leadChildren(ex: Ex, councilId: string, personId: string): Promise<number> {
    const r =
      await ex.execute(sql`select coalesce(count(c.id), 0)::int as n from ${allocations} a join ${children} c on c.council_id = a.council_id and c.family_id = a.family_id
      where a.council_id = ${councilId} and a.person_id = ${personId} and a.role = 'lead' and a.ended_at is null`)
    return (r as unknown as { rows: { n: number }[] }).rows[0]!.n
  }

  async function familyCounts(ex: Ex, councilId: string, personIds: string[]) {
    if (!personIds.length) return new Map<string, number>()
    const rows = await ex
      .select({ personId: allocations.personId, n: sql<number>`count(*)::int` })
      .from(allocations)
      .where(
        and(
          eq(allocations.councilId, councilId),
          inArray(allocations.personId, personIds),
          isNull(allocations.endedAt),
        ),
      )
      .groupBy(allocations.personId)
    return new Map(rows.map((r) => [r.personId, r.n]))
  }

  async function names(ex: Ex, councilId: string, ids: string[]) {
    if (!ids.length) return new Map<string, string>()
    const rows = await ex
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.councilId, councilId), inArray(people.id, ids)))
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  async function activeWorkers(ex: Ex, councilId: string, familyId: string) {
    return ex
      .select()
      .from(allocations)
      .where(and(eq(allocations.councilId, councilId), eq(allocations.familyId, familyId), isNull(allocations.endedAt)))
  }

  async function logDecision(
    tx: Tx,
    v: {
      councilId: string
      teamId: string
      kind: 'allocation' | 'handover' | 'cap' | 'rota' | 'other'
      summary: string
      presentIds: string[]
      recordedBy: string
      familyId?: string
      details?: Record<string, unknown>
    },
  ) {
    await tx.insert(teamDecisions).values({ ...v, familyId: v.familyId ?? null, details: v.details ?? null })
  }

  /** The family is told who their workers are: a letter for the enablers to send, queued in this transaction. */
  async function letterToFamily(
    tx: Tx,
    councilId: string,
    familyId: string,
    leadId: string,
    coWorkerIds: string[],
    teamId: string,
  ) {
    const [letter] = await tx
      .insert(familyLetters)
      .values({ councilId, familyId, kind: 'your_workers', details: { leadId, coWorkerIds } })
      .returning({ id: familyLetters.id })
    await enqueueInTx(tx, councilId, 'admin.tasks', {
      councilId,
      trigger: 'workers.changed',
      subjectId: letter!.id,
      teamId,
    })
  }

  return {
    myTeam: (actor: Actor, teamId: string) => myTeam(db, actor, teamId),

    /**
     * A practitioner claims a family on the board as its lead. Locks are taken in one order (the
     * claimant's membership row, then the offer), so concurrent claims queue rather than race: the
     * cap is counted with this person's other claims settled, and a family gets one lead.
     */
    async claim(
      ctx: Ctx,
      actor: Actor,
      teamId: string,
      offerId: string,
      input: { coWorkerId?: string | null; presentIds: string[] },
    ) {
      const team = await myTeam(db, actor, teamId)
      return db.transaction(async (tx) => {
        const [me] = await tx
          .select()
          .from(memberships)
          .where(
            and(
              eq(memberships.councilId, ctx.councilId),
              eq(memberships.teamId, teamId),
              eq(memberships.personId, actor.personId),
            ),
          )
          .for('update')
        if (!me) throw notFound('team')
        const [offer] = await tx
          .select()
          .from(offers)
          .where(and(eq(offers.councilId, ctx.councilId), eq(offers.teamId, teamId), eq(offers.id, offerId)))
          .for('update')
        if (!offer) throw notFound('family on this board')
        if (offer.status !== 'waiting')
          throw new AppError('conflict', 'Someone in the team has already taken this family.')
        const [family] = await tx
          .select()
          .from(families)
          .where(and(eq(families.councilId, ctx.councilId), eq(families.id, offer.familyId)))

        const current = await activeWorkers(tx, ctx.councilId, offer.familyId)
        if (current.some((a) => a.role === 'lead')) {
          // A new referral about a family the team already holds: the workers stay; the offer is settled.
          await tx
            .update(offers)
            .set({ status: 'held', heldAt: new Date() })
            .where(and(eq(offers.councilId, offer.councilId), eq(offers.id, offer.id)))
          const lead = current.find((a) => a.role === 'lead')!
          const n = await names(tx, ctx.councilId, [lead.personId])
          await logDecision(tx, {
            councilId: ctx.councilId,
            teamId,
            kind: 'allocation',
            summary: `New referral for the ${family!.name}: stays with ${n.get(lead.personId)} as lead.`,
            presentIds: input.presentIds,
            recordedBy: actor.personId,
            familyId: family!.id,
            details: { offerId },
          })
          await writeAudit(tx, {
            ...ctx,
            action: 'offer.settle',
            recordType: 'offer',
            recordId: offer.id,
            familyId: family!.id,
          })
          return {
            familyId: family!.id,
            leadId: lead.personId,
            coWorkerIds: current.filter((a) => a.role === 'co_worker').map((a) => a.personId),
          }
        }

        const team_ = await practitioners(tx, ctx.councilId, teamId)
        const teamIds = new Set(team_.map((p) => p.personId))
        let coWorkerId = input.coWorkerId ?? null
        if (!coWorkerId) {
          const counts = await familyCounts(tx, ctx.councilId, [...teamIds])
          coWorkerId =
            pickCoWorker(
              team_.map((p) => ({ personId: p.personId, families: counts.get(p.personId) ?? 0 })),
              actor.personId,
            )?.personId ?? null
          if (!coWorkerId) throw invalid('body.coWorkerId', 'there is nobody else in the team to be the co-worker')
        }
        const problems = checkWorkers(actor.personId, [coWorkerId], teamIds).map((p) => ({
          ...p,
          field: p.field.replace('body.coWorkerIds.0', 'body.coWorkerId').replace('body.leadId', 'body'),
        }))
        if (problems.length) throw new AppError('validation_failed', 'Check the highlighted answers.', problems)

        const [{ n: familyChildren }] = (await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(children)
          .where(and(eq(children.councilId, ctx.councilId), eq(children.familyId, family!.id)))) as [{ n: number }]
        const cap = effectiveCap(me.caseloadCap, team.caseloadCap)
        const refusal = capRefusal('You', await leadChildren(tx, ctx.councilId, actor.personId), familyChildren, cap)
        if (refusal) throw new AppError('over_cap', refusal.replace('You leads', 'You lead'))

        await tx.insert(allocations).values([
          { councilId: ctx.councilId, familyId: family!.id, teamId, personId: actor.personId, role: 'lead' },
          { councilId: ctx.councilId, familyId: family!.id, teamId, personId: coWorkerId, role: 'co_worker' },
        ])
        await tx
          .update(offers)
          .set({ status: 'held', heldAt: new Date() })
          .where(and(eq(offers.councilId, offer.councilId), eq(offers.id, offer.id)))
        const n = await names(tx, ctx.councilId, [actor.personId, coWorkerId])
        await logDecision(tx, {
          councilId: ctx.councilId,
          teamId,
          kind: 'allocation',
          summary: `${n.get(actor.personId)} leads the ${family!.name} with ${n.get(coWorkerId)} as co-worker${input.coWorkerId ? '' : ' (found by the team)'}.`,
          presentIds: input.presentIds,
          recordedBy: actor.personId,
          familyId: family!.id,
          details: { offerId, leadId: actor.personId, coWorkerIds: [coWorkerId] },
        })
        await letterToFamily(tx, ctx.councilId, family!.id, actor.personId, [coWorkerId], teamId)
        await writeAudit(tx, {
          ...ctx,
          action: 'allocation.claim',
          recordType: 'family',
          recordId: family!.id,
          familyId: family!.id,
          details: { offerId, coWorkerId },
        })
        return { familyId: family!.id, leadId: actor.personId, coWorkerIds: [coWorkerId] }
      })
    },

    /**
     * Hand-over and reallocation: the whole set of workers at once, never leaving the family
     * without a lead and a co-worker. A new lead must be under their cap.
     */
    async setWorkers(
      ctx: Ctx,
      actor: Actor,
      familyId: string,
      input: { leadId: string; coWorkerIds: string[]; reason: string; presentIds: string[] },
    ) {
      const [lead] = await db
        .select()
        .from(allocations)
        .where(
          and(
            eq(allocations.councilId, ctx.councilId),
            eq(allocations.familyId, familyId),
            eq(allocations.role, 'lead'),
            isNull(allocations.endedAt),
          ),
        )
      if (!lead || !actor.teams.some((t) => t.id === lead.teamId)) throw notFound('family held by your team')
      const team = await myTeam(db, actor, lead.teamId)
      return db.transaction(async (tx) => {
        // Same lock order as claiming: the (new) lead's membership first, then the family's allocations.
        const [leadMembership] = await tx
          .select()
          .from(memberships)
          .where(
            and(
              eq(memberships.councilId, ctx.councilId),
              eq(memberships.teamId, team.id),
              eq(memberships.personId, input.leadId),
            ),
          )
          .for('update')
        const current = await tx
          .select()
          .from(allocations)
          .where(
            and(
              eq(allocations.councilId, ctx.councilId),
              eq(allocations.familyId, familyId),
              isNull(allocations.endedAt),
            ),
          )
          .for('update')
        const currentLead = current.find((a) => a.role === 'lead')
        if (!currentLead || currentLead.teamId !== team.id)
          throw new AppError('conflict', 'The family’s workers changed meanwhile. Reload and try again.')
        const team_ = await practitioners(tx, ctx.councilId, team.id)
        const problems = checkWorkers(input.leadId, input.coWorkerIds, new Set(team_.map((p) => p.personId)))
        if (problems.length || !leadMembership)
          throw new AppError(
            'validation_failed',
            'Check the highlighted answers.',
            problems.length ? problems : [{ field: 'body.leadId', message: 'the lead must be in the team' }],
          )
        if (input.leadId !== currentLead.personId) {
          const [{ n: familyChildren }] = (await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(children)
            .where(and(eq(children.councilId, ctx.councilId), eq(children.familyId, familyId)))) as [{ n: number }]
          const person = team_.find((p) => p.personId === input.leadId)!
          const refusal = capRefusal(
            person.name,
            await leadChildren(tx, ctx.councilId, input.leadId),
            familyChildren,
            effectiveCap(leadMembership.caseloadCap, team.caseloadCap),
          )
          if (refusal) throw new AppError('over_cap', refusal)
        }
        const wanted = new Map<string, 'lead' | 'co_worker'>([
          [input.leadId, 'lead'],
          ...input.coWorkerIds.map((id) => [id, 'co_worker'] as [string, 'co_worker']),
        ])
        const now = new Date()
        const ending = current.filter((a) => wanted.get(a.personId) !== a.role)
        if (ending.length) {
          await tx
            .update(allocations)
            .set({ endedAt: now, endedReason: input.reason })
            .where(
              and(
                eq(allocations.councilId, ctx.councilId),
                inArray(
                  allocations.id,
                  ending.map((a) => a.id),
                ),
              ),
            )
        }
        const keep = new Set(current.filter((a) => wanted.get(a.personId) === a.role).map((a) => a.personId))
        const adding = [...wanted]
          .filter(([id]) => !keep.has(id))
          .map(([personId, role]) => ({
            councilId: ctx.councilId,
            familyId,
            teamId: team.id,
            personId,
            role,
            startedAt: now,
          }))
        if (adding.length) await tx.insert(allocations).values(adding)
        const [family] = await tx
          .select({ name: families.name })
          .from(families)
          .where(and(eq(families.councilId, ctx.councilId), eq(families.id, familyId)))
        const n = await names(tx, ctx.councilId, [input.leadId, ...input.coWorkerIds])
        await logDecision(tx, {
          councilId: ctx.councilId,
          teamId: team.id,
          kind: 'handover',
          summary: `The ${family!.name}: ${n.get(input.leadId)} leads, with ${input.coWorkerIds.map((id) => n.get(id)).join(' and ')}. Why: ${input.reason}`,
          presentIds: input.presentIds,
          recordedBy: actor.personId,
          familyId,
          details: {
            from: current.map((a) => ({ personId: a.personId, role: a.role })),
            to: [...wanted].map(([personId, role]) => ({ personId, role })),
          },
        })
        if (ending.length || adding.length)
          await letterToFamily(tx, ctx.councilId, familyId, input.leadId, input.coWorkerIds, team.id)
        await writeAudit(tx, {
          ...ctx,
          action: 'allocation.change',
          recordType: 'family',
          recordId: familyId,
          familyId,
          details: { leadId: input.leadId, coWorkerIds: input.coWorkerIds },
        })
        return { teamId: team.id }
      })
    },

    async familyWorkers(ctx: Ctx, familyId: string) {
      const current = await activeWorkers(db, ctx.councilId, familyId)
      const n = await names(
        db,
        ctx.councilId,
        current.map((a) => a.personId),
      )
      const lead = current.find((a) => a.role === 'lead')
      const [team] = lead
        ? await db
            .select({ id: teams.id, name: teams.name })
            .from(teams)
            .where(and(eq(teams.councilId, lead.councilId), eq(teams.id, lead.teamId)))
        : []
      const [{ waiting }] = (await db
        .select({ waiting: sql<number>`count(*)::int` })
        .from(familyLetters)
        .where(
          and(
            eq(familyLetters.councilId, ctx.councilId),
            eq(familyLetters.familyId, familyId),
            eq(familyLetters.status, 'to_send'),
          ),
        )) as [{ waiting: number }]
      return {
        holdingTeam: team ?? null,
        lead: lead ? { personId: lead.personId, name: n.get(lead.personId) ?? '' } : null,
        coWorkers: current
          .filter((a) => a.role === 'co_worker')
          .map((a) => ({ personId: a.personId, name: n.get(a.personId) ?? '' })),
        lettersWaiting: waiting,
      }
    },

    async board(ctx: Ctx, actor: Actor, teamId: string) {
      const team = await myTeam(db, actor, teamId)
      const now = new Date()
      const today = londonDateOf(now)
      const dayStart = startOfLondonDay(today)
      const dayEnd = startOfLondonDay(addCalendarDays(today, 1))
      const members = await practitioners(db, ctx.councilId, teamId)
      const memberIds = members.map((m) => m.personId)
      const [allocRows, offerRows, heldRows, duty, visitRows] = await Promise.all([
        memberIds.length
          ? db
              .select({
                personId: allocations.personId,
                role: allocations.role,
                familyId: allocations.familyId,
                childCount: countChildren(allocations.familyId),
              })
              .from(allocations)
              .innerJoin(
                families,
                and(eq(families.id, allocations.familyId), eq(families.councilId, allocations.councilId)),
              )
              .where(
                and(
                  eq(allocations.councilId, ctx.councilId),
                  inArray(allocations.personId, memberIds),
                  isNull(allocations.endedAt),
                ),
              )
          : Promise.resolve([]),
        db
          .select({
            offerId: offers.id,
            familyId: offers.familyId,
            familyName: families.name,
            postcode: families.postcode,
            childCount: countChildren(offers.familyId),
            offeredAt: offers.offeredAt,
            decision: referrals.decision,
            reasons: referrals.decisionReasons,
            openCase: offers.openCase,
          })
          .from(offers)
          .innerJoin(families, and(eq(families.id, offers.familyId), eq(families.councilId, offers.councilId)))
          .innerJoin(referrals, and(eq(referrals.id, offers.referralId), eq(referrals.councilId, offers.councilId)))
          .where(and(eq(offers.councilId, ctx.councilId), eq(offers.teamId, teamId), eq(offers.status, 'waiting')))
          .orderBy(asc(offers.offeredAt)),
        db
          .select({
            familyId: allocations.familyId,
            personId: allocations.personId,
            role: allocations.role,
            startedAt: allocations.startedAt,
            familyName: families.name,
            postcode: families.postcode,
            stage: families.conversationStage,
            childCount: countChildren(allocations.familyId),
          })
          .from(allocations)
          .innerJoin(
            families,
            and(eq(families.id, allocations.familyId), eq(families.councilId, allocations.councilId)),
          )
          .where(
            and(eq(allocations.councilId, ctx.councilId), eq(allocations.teamId, teamId), isNull(allocations.endedAt)),
          )
          .orderBy(asc(families.name)),
        db
          .select()
          .from(dutyRota)
          .where(and(eq(dutyRota.councilId, ctx.councilId), eq(dutyRota.teamId, teamId), eq(dutyRota.day, today))),
        db
          .select({ familyId: visits.familyId, startsAt: visits.startsAt, attendeeIds: visits.attendeeIds })
          .from(visits)
          .where(
            and(
              eq(visits.councilId, ctx.councilId),
              eq(visits.teamId, teamId),
              eq(visits.status, 'booked'),
              gte(visits.startsAt, dayStart),
            ),
          )
          .orderBy(asc(visits.startsAt)),
      ])
      const nameOf = new Map(members.map((m) => [m.personId, m.name]))
      const extraNames = await names(
        db,
        ctx.councilId,
        heldRows.map((h) => h.personId).filter((id) => !nameOf.has(id)),
      )
      for (const [k, v] of extraNames) nameOf.set(k, v)
      const heldByFamily = new Map<string, (typeof heldRows)[number][]>()
      for (const h of heldRows) heldByFamily.set(h.familyId, [...(heldByFamily.get(h.familyId) ?? []), h])
      return {
        teamId,
        teamName: team.name,
        teamCap: team.caseloadCap,
        today,
        dutyPersonId: duty[0]?.personId ?? null,
        offers: offerRows.map((o) => ({
          ...o,
          offeredAt: o.offeredAt.toISOString(),
          waitingMinutes: Math.max(0, Math.round((now.getTime() - o.offeredAt.getTime()) / 60_000)),
        })),
        members: members.map((m) => {
          const mine = allocRows.filter((a) => a.personId === m.personId)
          const leads = mine.filter((a) => a.role === 'lead')
          return {
            personId: m.personId,
            name: m.name,
            cap: effectiveCap(m.cap, team.caseloadCap),
            leadChildren: leads.reduce((s, a) => s + a.childCount, 0),
            leadFamilies: leads.length,
            coWorkerFamilies: mine.length - leads.length,
            visitsToday: visitRows.filter((v) => v.startsAt < dayEnd && v.attendeeIds.includes(m.personId)).length,
            onDutyToday: duty[0]?.personId === m.personId,
          }
        }),
        held: [...heldByFamily.values()]
          .filter((rows) => rows.some((r) => r.role === 'lead'))
          .map((rows) => {
            const lead = rows.find((r) => r.role === 'lead')!
            return {
              familyId: lead.familyId,
              familyName: lead.familyName,
              postcode: lead.postcode,
              childCount: lead.childCount,
              lead: { personId: lead.personId, name: nameOf.get(lead.personId) ?? '' },
              coWorkers: rows
                .filter((r) => r.role === 'co_worker')
                .map((r) => ({ personId: r.personId, name: nameOf.get(r.personId) ?? '' })),
              conversationStage: lead.stage,
              nextVisitAt:
                visitRows.find((v) => v.familyId === lead.familyId && v.startsAt >= now)?.startsAt.toISOString() ??
                null,
              heldSince: lead.startedAt.toISOString(),
            }
          }),
      }
    },

    async decisions(actor: Actor, teamId: string) {
      await myTeam(db, actor, teamId)
      const rows = await db
        .select({ d: teamDecisions, recordedByName: people.name })
        .from(teamDecisions)
        .innerJoin(people, and(eq(people.id, teamDecisions.recordedBy), eq(people.councilId, teamDecisions.councilId)))
        .where(and(eq(teamDecisions.councilId, actor.councilId), eq(teamDecisions.teamId, teamId)))
        .orderBy(desc(teamDecisions.decidedAt))
        .limit(200)
      const n = await names(db, actor.councilId, [...new Set(rows.flatMap((r) => r.d.presentIds))])
      return rows.map(({ d, recordedByName }) => ({
        id: d.id,
        kind: d.kind,
        summary: d.summary,
        present: d.presentIds.map((id) => n.get(id) ?? ''),
        recordedByName,
        decidedAt: d.decidedAt.toISOString(),
      }))
    },

    async recordDecision(ctx: Ctx, actor: Actor, teamId: string, input: { summary: string; presentIds: string[] }) {
      await myTeam(db, actor, teamId)
      await db.transaction(async (tx) => {
        await assertPresentInTeam(tx, ctx.councilId, teamId, input.presentIds)
        await logDecision(tx, {
          councilId: ctx.councilId,
          teamId,
          kind: 'other',
          summary: input.summary,
          presentIds: input.presentIds,
          recordedBy: actor.personId,
        })
        await writeAudit(tx, { ...ctx, action: 'team_decision.create', recordType: 'team', recordId: teamId })
      })
    },

    /** The team raises or lowers one person's cap, with a recorded decision. */
    async setCap(
      ctx: Ctx,
      actor: Actor,
      teamId: string,
      personId: string,
      input: { cap: number; reason: string; presentIds: string[] },
    ) {
      await myTeam(db, actor, teamId)
      await db.transaction(async (tx) => {
        const [m] = await tx
          .update(memberships)
          .set({ caseloadCap: input.cap })
          .where(
            and(
              eq(memberships.councilId, ctx.councilId),
              eq(memberships.teamId, teamId),
              eq(memberships.personId, personId),
            ),
          )
          .returning()
        if (!m) throw notFound('team member')
        await assertPresentInTeam(tx, ctx.councilId, teamId, input.presentIds)
        const n = await names(tx, ctx.councilId, [personId])
        await logDecision(tx, {
          councilId: ctx.councilId,
          teamId,
          kind: 'cap',
          summary: `${n.get(personId)}’s cap is now ${input.cap} children as lead. Why: ${input.reason}`,
          presentIds: input.presentIds,
          recordedBy: actor.personId,
          details: { personId, cap: input.cap },
        })
        await writeAudit(tx, {
          ...ctx,
          action: 'cap.set',
          recordType: 'membership',
          recordId: m.id,
          details: { personId, cap: input.cap },
        })
      })
    },

    async rota(actor: Actor, teamId: string, from: string, days = 14) {
      await myTeam(db, actor, teamId)
      const to = addCalendarDays(from, days)
      const rows = await db
        .select({ day: dutyRota.day, personId: dutyRota.personId, name: people.name })
        .from(dutyRota)
        .innerJoin(people, and(eq(people.id, dutyRota.personId), eq(people.councilId, dutyRota.councilId)))
        .where(
          and(
            eq(dutyRota.councilId, actor.councilId),
            eq(dutyRota.teamId, teamId),
            gte(dutyRota.day, from),
            lt(dutyRota.day, to),
          ),
        )
      return Array.from({ length: days }, (_, i) => {
        const day = addCalendarDays(from, i)
        const r = rows.find((x) => x.day === day)
        return { day, personId: r?.personId ?? null, name: r?.name ?? null }
      })
    },

    async setDuty(ctx: Ctx, actor: Actor, teamId: string, day: string, personId: string) {
      await myTeam(db, actor, teamId)
      await db.transaction(async (tx) => {
        const team_ = await practitioners(tx, ctx.councilId, teamId)
        const person = team_.find((p) => p.personId === personId)
        if (!person) throw invalid('body.personId', 'choose a practitioner in this team')
        await tx
          .insert(dutyRota)
          .values({ councilId: ctx.councilId, teamId, day, personId })
          .onConflictDoUpdate({ target: [dutyRota.councilId, dutyRota.teamId, dutyRota.day], set: { personId } })
        await logDecision(tx, {
          councilId: ctx.councilId,
          teamId,
          kind: 'rota',
          summary: `${person.name} is on duty on ${day}.`,
          presentIds: [],
          recordedBy: actor.personId,
          details: { day, personId },
        })
        await writeAudit(tx, {
          ...ctx,
          action: 'rota.set',
          recordType: 'team',
          recordId: teamId,
          details: { day, personId },
        })
      })
    },
  }
}

async function assertPresentInTeam(tx: Tx, councilId: string, teamId: string, presentIds: string[]) {
  if (!presentIds.length) return
  const rows = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.councilId, councilId),
        eq(memberships.teamId, teamId),
        inArray(memberships.personId, presentIds),
      ),
    )
  const found = new Set(rows.map((r) => r.personId))
  const i = presentIds.findIndex((id) => !found.has(id))
  if (i >= 0) throw invalid(`body.presentIds.${i}`, 'this person is not in the team')
}
