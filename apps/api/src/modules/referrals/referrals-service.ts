import type { Ctx } from '../../kernel/context'
import { createHash } from 'node:crypto'
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import {
  children,
  families,
  newLaChildId,
  nextReference,
  offers,
  patches,
  people,
  referralChildren,
  referrals,
  routeReferral,
  teams,
  writeAudit,
  type AuditEntry,
  type Db,
  type Referral,
  type Tx,
} from '@hearth/db'
import type { DecisionInput, ReferralInput } from '@hearth/contracts'
import {
  clockState,
  decisionNeedsPrimaryNeed,
  isProfessionalSource,
  type ReferralSource,
  decisionNeedsTeam,
  findCandidates,
  findPatchForPostcode,
  REFERRAL_DECISION_WORKING_DAYS,
  workingDayDeadline,
  type HolidaySet,
  type KnownChild,
  type MatchQuery,
} from '@hearth/domain'
import { enqueueInTx } from '@hearth/jobs'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { councilHolidays } from '../calendar/calendar-service'

function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (
    let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0;
    e && i < 3;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === '23505' && (!constraint || e.constraint === constraint)) return true
  }
  return false
}

export function referralService(db: Db) {
  function clockOf(r: Referral, holidays: HolidaySet, now = new Date()) {
    let state: 'on_track' | 'due_soon' | 'overdue' | 'met' | 'missed'
    if (r.decidedAt) state = r.decidedAt.getTime() < r.dueAt.getTime() ? 'met' : 'missed'
    else state = clockState(now, r.dueDate, r.dueAt, holidays)
    return { dueDate: r.dueDate, dueAt: r.dueAt.toISOString(), state }
  }

  async function summaries(councilId: string, rows: Referral[]) {
    if (rows.length === 0) return []
    const holidays = await councilHolidays(db, councilId)
    const ids = rows.map((r) => r.id)
    const famRows = await db
      .select({ id: families.id, name: families.name, postcode: families.postcode })
      .from(families)
      .where(and(eq(families.councilId, councilId), inArray(families.id, [...new Set(rows.map((r) => r.familyId))])))
    const kids = await db
      .select({ referralId: referralChildren.referralId, firstName: children.firstName, lastName: children.lastName })
      .from(referralChildren)
      .innerJoin(
        children,
        and(eq(children.id, referralChildren.childId), eq(children.councilId, referralChildren.councilId)),
      )
      .where(and(eq(referralChildren.councilId, councilId), inArray(referralChildren.referralId, ids)))
    const teamIds = [...new Set(rows.flatMap((r) => [r.routedTeamId, r.openCaseTeamId]).filter(Boolean))] as string[]
    const teamRows = teamIds.length
      ? await db
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(and(eq(teams.councilId, councilId), inArray(teams.id, teamIds)))
      : []
    const famById = new Map(famRows.map((f) => [f.id, f]))
    const teamName = (id: string | null) => (id ? (teamRows.find((t) => t.id === id)?.name ?? null) : null)
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      receivedAt: r.receivedAt.toISOString(),
      source: r.source,
      familyId: r.familyId,
      familyName: famById.get(r.familyId)?.name ?? '',
      postcode: famById.get(r.familyId)?.postcode ?? '',
      childNames: kids.filter((k) => k.referralId === r.id).map((k) => `${k.firstName} ${k.lastName}`),
      status: r.status,
      decision: r.decision,
      clock: clockOf(r, holidays),
      routingStatus: r.routingStatus,
      routingNote: r.routingNote,
      routedTeamName: teamName(r.routedTeamId),
      openCase: !!r.openCaseTeamId,
      openCaseTeamName: teamName(r.openCaseTeamId),
    }))
  }

  async function loadReferral(ex: Db | Tx, councilId: string, id: string) {
    const [r] = await ex
      .select()
      .from(referrals)
      .where(and(eq(referrals.councilId, councilId), eq(referrals.id, id)))
    if (!r) throw notFound('referral')
    return r
  }

  async function openTeamOf(ex: Db | Tx, councilId: string, familyId: string): Promise<string | null> {
    const [open] = await ex
      .select({ teamId: offers.teamId })
      .from(offers)
      .where(
        and(
          eq(offers.councilId, councilId),
          eq(offers.familyId, familyId),
          inArray(offers.status, ['waiting', 'held']),
        ),
      )
      .limit(1)
    return open?.teamId ?? null
  }

  return {
    /**
     * Records a referral: the family (new or known), the children (new or linked), the decision
     * clock, all in one transaction. With an Idempotency-Key, sending the same request again
     * returns the first referral; the same key with a different request is refused.
     */
    async intake(
      ctx: Ctx,
      input: ReferralInput,
      idempotencyKey: string | null,
    ): Promise<{ referral: Referral; replayed: boolean }> {
      const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex')
      const replay = async () => {
        if (!idempotencyKey) return null
        const [existing] = await db
          .select()
          .from(referrals)
          .where(and(eq(referrals.councilId, ctx.councilId), eq(referrals.idempotencyKey, idempotencyKey)))
        if (!existing) return null
        if (existing.requestHash !== requestHash) {
          throw new AppError('conflict', 'This Idempotency-Key was already used for a different referral.', [
            { field: 'headers.idempotency-key', message: 'already used for a different request' },
          ])
        }
        return { referral: existing, replayed: true }
      }
      const earlier = await replay()
      if (earlier) return earlier

      const holidays = await councilHolidays(db, ctx.councilId)
      try {
        const referral = await db.transaction(async (tx) => {
          // The family: a known one (checked to be this council's), or a new record.
          let familyId: string
          let createdFamily = false
          if ('existingFamilyId' in input.family) {
            const [fam] = await tx
              .select({ id: families.id })
              .from(families)
              .where(and(eq(families.councilId, ctx.councilId), eq(families.id, input.family.existingFamilyId)))
            if (!fam) throw invalid('body.family.existingFamilyId', 'there is no such family in this council')
            familyId = fam.id
          } else {
            const f = input.family
            const patchList = await tx
              .select({ id: patches.id, postcodeAreas: patches.postcodeAreas })
              .from(patches)
              .where(eq(patches.councilId, ctx.councilId))
            const [fam] = await tx
              .insert(families)
              .values({
                councilId: ctx.councilId,
                reference: await nextReference(tx, 'family'),
                name: f.name,
                addressLine1: f.addressLine1,
                addressLine2: f.addressLine2 ?? null,
                town: f.town,
                postcode: f.postcode,
                language: f.language,
                interpreterNeeded: f.interpreterNeeded,
                patchId: findPatchForPostcode(f.postcode, patchList)?.id ?? null,
              })
              .returning({ id: families.id })
            familyId = fam!.id
            createdFamily = true
          }

          const openTeam = await openTeamOf(tx, ctx.councilId, familyId)
          const { dueDate, dueAt } = workingDayDeadline(
            new Date(input.receivedAt),
            REFERRAL_DECISION_WORKING_DAYS,
            holidays,
          )
          const [ref] = await tx
            .insert(referrals)
            .values({
              councilId: ctx.councilId,
              reference: await nextReference(tx, 'referral'),
              receivedAt: new Date(input.receivedAt),
              receivedBy: ctx.actorPersonId!,
              source: input.source,
              referrerName: input.referrerName ?? null,
              referrerOrganisation: input.referrerOrganisation ?? null,
              referrerContact: input.referrerContact ?? null,
              worries: input.worries,
              familyKnowledge: input.familyKnowledge ?? null,
              familyConsent: input.familyConsent,
              familyId,
              dueDate,
              dueAt,
              openCaseTeamId: openTeam,
              idempotencyKey,
              requestHash: idempotencyKey ? requestHash : null,
            })
            .returning()

          const audit: AuditEntry[] = [
            {
              ...ctx,
              action: 'referral.create',
              recordType: 'referral',
              recordId: ref!.id,
              familyId,
              details: { createdFamily, declinedMatches: input.declinedMatches },
            },
          ]
          if (createdFamily)
            audit.push({
              ...ctx,
              action: 'family.create',
              recordType: 'family',
              recordId: familyId,
              familyId,
              details: { via: 'referral' },
            })
          const seen = new Set<string>()
          for (const [i, c] of input.children.entries()) {
            let childId: string
            let linked: boolean
            if ('existingChildId' in c) {
              const [known] = await tx
                .select()
                .from(children)
                .where(and(eq(children.councilId, ctx.councilId), eq(children.id, c.existingChildId)))
              if (!known) throw invalid(`body.children.${i}.existingChildId`, 'there is no such child in this council')
              if (known.familyId !== familyId)
                throw invalid(
                  `body.children.${i}.existingChildId`,
                  'this child belongs to another family record: link that family instead',
                )
              childId = known.id
              linked = true
            } else {
              const [row] = await tx
                .insert(children)
                .values({
                  councilId: ctx.councilId,
                  familyId,
                  laChildId: newLaChildId(),
                  firstName: c.firstName,
                  lastName: c.lastName,
                  dateOfBirth: c.dateOfBirth ?? null,
                  expectedDateOfBirth: c.expectedDateOfBirth ?? null,
                  sex: c.sex,
                  ethnicity: c.ethnicity,
                  nhsNumber: c.nhsNumber ?? null,
                })
                .returning({ id: children.id })
              childId = row!.id
              linked = false
            }
            if (seen.has(childId)) throw invalid(`body.children.${i}`, 'this child is listed twice')
            seen.add(childId)
            await tx.insert(referralChildren).values({ councilId: ctx.councilId, referralId: ref!.id, childId, linked })
            audit.push({
              ...ctx,
              action: linked ? 'child.link' : 'child.create',
              recordType: 'child',
              recordId: childId,
              familyId,
              childId,
              details: { referralId: ref!.id },
            })
          }
          await writeAudit(tx, audit)
          if (openTeam)
            await enqueueInTx(tx, ctx.councilId, 'referral.open_case_alert', {
              councilId: ctx.councilId,
              referralId: ref!.id,
              teamId: openTeam,
            })
          // A professional referrer is thanked and told it arrived: work for the enablers.
          if (isProfessionalSource(input.source as ReferralSource))
            await enqueueInTx(tx, ctx.councilId, 'admin.tasks', {
              councilId: ctx.councilId,
              trigger: 'referral.received',
              subjectId: ref!.id,
            })
          return ref!
        })
        return { referral, replayed: false }
      } catch (err) {
        // A concurrent request with the same key committed first: answer with its referral.
        if (idempotencyKey && isUniqueViolation(err, 'referrals_council_idempotency_uq')) {
          const first = await replay()
          if (first) return first
        }
        throw err
      }
    },

    async list(ctx: Ctx, view: 'awaiting' | 'unroutable' | 'recent') {
      const where =
        view === 'awaiting'
          ? and(eq(referrals.councilId, ctx.councilId), eq(referrals.status, 'awaiting_decision'))
          : view === 'unroutable'
            ? and(eq(referrals.councilId, ctx.councilId), eq(referrals.routingStatus, 'unroutable'))
            : and(eq(referrals.councilId, ctx.councilId), eq(referrals.status, 'decided'))
      const order = view === 'recent' ? [desc(referrals.decidedAt)] : [asc(referrals.dueAt), asc(referrals.receivedAt)]
      const rows = await db
        .select()
        .from(referrals)
        .where(where)
        .orderBy(...order)
        .limit(view === 'recent' ? 50 : 500)
      return summaries(ctx.councilId, rows)
    },

    async get(ctx: Ctx, id: string) {
      const r = await loadReferral(db, ctx.councilId, id)
      const [summary] = await summaries(ctx.councilId, [r])
      const kids = await db
        .select({
          id: children.id,
          firstName: children.firstName,
          lastName: children.lastName,
          dateOfBirth: children.dateOfBirth,
          expectedDateOfBirth: children.expectedDateOfBirth,
          linked: referralChildren.linked,
        })
        .from(referralChildren)
        .innerJoin(
          children,
          and(eq(children.id, referralChildren.childId), eq(children.councilId, referralChildren.councilId)),
        )
        .where(and(eq(referralChildren.councilId, ctx.councilId), eq(referralChildren.referralId, id)))
      const [decider] = r.decidedBy
        ? await db
            .select({ name: people.name })
            .from(people)
            .where(and(eq(people.councilId, ctx.councilId), eq(people.id, r.decidedBy)))
        : []
      return {
        ...summary!,
        referrerName: r.referrerName,
        referrerOrganisation: r.referrerOrganisation,
        referrerContact: r.referrerContact,
        worries: r.worries,
        familyKnowledge: r.familyKnowledge,
        familyConsent: r.familyConsent,
        decisionReasons: r.decisionReasons,
        primaryNeedCode: r.primaryNeedCode,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        decidedByName: decider?.name ?? null,
        routedAt: r.routedAt?.toISOString() ?? null,
        children: kids,
        timings: {
          receivedToDecidedMinutes: r.decidedAt
            ? Math.round((r.decidedAt.getTime() - r.receivedAt.getTime()) / 60_000)
            : null,
          decidedToBoardSeconds:
            r.decidedAt && r.routedAt ? Math.round((r.routedAt.getTime() - r.decidedAt.getTime()) / 100) / 10 : null,
        },
      }
    },

    /** Decides once: a second decision (or two officers at the same moment) is refused. */
    async decide(ctx: Ctx, id: string, input: DecisionInput) {
      const decision = input.decision as Parameters<typeof decisionNeedsTeam>[0]
      if (decisionNeedsPrimaryNeed(decision) && !input.primaryNeedCode)
        throw invalid('body.primaryNeedCode', 'choose the primary need (N0 … N9) when the decision is to assess')
      const needsTeam = decisionNeedsTeam(decision)
      await db.transaction(async (tx) => {
        const [r] = await tx
          .update(referrals)
          .set({
            status: 'decided',
            decision,
            decisionReasons: input.reasons,
            primaryNeedCode: input.primaryNeedCode ?? null,
            decidedAt: new Date(),
            decidedBy: ctx.actorPersonId,
            routingStatus: needsTeam ? 'queued' : 'not_needed',
          })
          .where(
            and(
              eq(referrals.councilId, ctx.councilId),
              eq(referrals.id, id),
              eq(referrals.status, 'awaiting_decision'),
            ),
          )
          .returning()
        if (!r) {
          await loadReferral(tx, ctx.councilId, id) // 404 when it does not exist
          throw new AppError('conflict', 'This referral has already been decided.')
        }
        await writeAudit(tx, {
          ...ctx,
          action: 'referral.decide',
          recordType: 'referral',
          recordId: id,
          familyId: r.familyId,
          details: {
            decision,
            primaryNeedCode: input.primaryNeedCode ?? null,
            onTime: r.decidedAt!.getTime() < r.dueAt.getTime(),
          },
        })
        if (needsTeam)
          await enqueueInTx(tx, ctx.councilId, 'referral.route', { councilId: ctx.councilId, referralId: id })
      })
      return this.get(ctx, id)
    },

    /** The front door sends a referral that could not be routed to a team it chooses. */
    async routeTo(ctx: Ctx, id: string, teamId: string) {
      const [team] = await db
        .select()
        .from(teams)
        .where(and(eq(teams.councilId, ctx.councilId), eq(teams.id, teamId)))
      if (team?.kind !== 'family_facing') throw invalid('body.teamId', 'choose a family-facing team of this council')
      const r = await loadReferral(db, ctx.councilId, id)
      if (r.routingStatus !== 'unroutable')
        throw new AppError(
          'conflict',
          r.routingStatus === 'routed'
            ? 'This referral is already on a team’s board.'
            : 'Only a referral that could not be routed is sent by hand.',
        )
      const outcome = await db.transaction(async (tx) => {
        const o = await routeReferral(tx, ctx.councilId, id, { teamId, actorPersonId: ctx.actorPersonId })
        await writeAudit(tx, {
          ...ctx,
          action: 'referral.route_manual',
          recordType: 'referral',
          recordId: id,
          familyId: r.familyId,
          details: { teamId },
        })
        return o
      })
      return outcome
    },

    async matches(ctx: Ctx, q: MatchQuery) {
      const letters = [q.firstName, q.lastName].filter(Boolean).map((s) => s!.trim().slice(0, 1).toLowerCase())
      if (!letters.length && !q.dateOfBirth && !q.postcode) return []
      // Pre-filter in SQL (same first letter of either name, same date of birth, or same postcode), score in the domain.
      const conditions = []
      if (letters.length) {
        conditions.push(
          sql`lower(left(${children.firstName}, 1)) in ${letters}`,
          sql`lower(left(${children.lastName}, 1)) in ${letters}`,
        )
      }
      if (q.dateOfBirth)
        conditions.push(eq(children.dateOfBirth, q.dateOfBirth), eq(children.expectedDateOfBirth, q.dateOfBirth))
      if (q.postcode) conditions.push(eq(families.postcode, q.postcode))
      const rows = await db
        .select({
          childId: children.id,
          familyId: families.id,
          firstName: children.firstName,
          lastName: children.lastName,
          dateOfBirth: children.dateOfBirth,
          expectedDateOfBirth: children.expectedDateOfBirth,
          postcode: families.postcode,
          familyName: families.name,
          familyReference: families.reference,
        })
        .from(children)
        .innerJoin(families, and(eq(families.id, children.familyId), eq(families.councilId, children.councilId)))
        .where(and(eq(children.councilId, ctx.councilId), or(...conditions)))
        .limit(5000)
      const candidates = findCandidates(q, rows as KnownChild[])
      const byId = new Map(rows.map((r) => [r.childId, r]))
      const openTeams = candidates.length
        ? await db
            .select({ familyId: offers.familyId, teamName: teams.name })
            .from(offers)
            .innerJoin(teams, and(eq(teams.id, offers.teamId), eq(teams.councilId, offers.councilId)))
            .where(
              and(
                eq(offers.councilId, ctx.councilId),
                inArray(
                  offers.familyId,
                  candidates.map((c) => c.familyId),
                ),
                inArray(offers.status, ['waiting', 'held']),
              ),
            )
        : []
      return candidates.map((c) => {
        const r = byId.get(c.childId)!
        return {
          childId: c.childId,
          familyId: c.familyId,
          firstName: r.firstName,
          lastName: r.lastName,
          dateOfBirth: r.dateOfBirth ?? r.expectedDateOfBirth,
          familyName: r.familyName,
          familyReference: r.familyReference,
          postcode: r.postcode,
          openToTeam: openTeams.find((o) => o.familyId === c.familyId)?.teamName ?? null,
          score: c.score,
          reasons: c.reasons,
        }
      })
    },

    /** What is waiting on a team's board (the team-board issue builds claiming on top). */
    async teamOffers(ctx: Ctx, teamId: string) {
      const rows = await db
        .select({
          id: offers.id,
          familyId: offers.familyId,
          familyName: families.name,
          postcode: families.postcode,
          referralId: offers.referralId,
          referralReference: referrals.reference,
          decision: referrals.decision,
          decisionReasons: referrals.decisionReasons,
          openCase: offers.openCase,
          offeredAt: offers.offeredAt,
          childCount: sql<number>`(select count(*)::int from ${children} c where c.council_id = ${offers.councilId} and c.family_id = ${offers.familyId})`,
        })
        .from(offers)
        .innerJoin(families, and(eq(families.id, offers.familyId), eq(families.councilId, offers.councilId)))
        .innerJoin(referrals, and(eq(referrals.id, offers.referralId), eq(referrals.councilId, offers.councilId)))
        .where(and(eq(offers.councilId, ctx.councilId), eq(offers.teamId, teamId), eq(offers.status, 'waiting')))
        .orderBy(asc(offers.offeredAt))
      return rows.map((r) => ({ ...r, offeredAt: r.offeredAt.toISOString() }))
    },
  }
}
