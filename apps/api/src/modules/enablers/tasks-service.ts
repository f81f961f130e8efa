import type { Ctx } from '../../kernel/context'
import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import {
  adminTasks,
  allocations,
  councils,
  createTask,
  familyLetters,
  families,
  people,
  referrals,
  teams,
  visits,
  writeAudit,
  type AdminTask,
  type Db,
} from '@hearth/db'
import { DEFAULT_CLAIM_MINUTES, londonDateOf, TASK_TYPES, type TaskType } from '@hearth/domain'
import { AppError, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { renderLetter, type LetterData } from './letters'

export function taskService(db: Db, claimMinutes = DEFAULT_CLAIM_MINUTES) {
  async function views(councilId: string, rows: AdminTask[]) {
    const personIds = [
      ...new Set(rows.flatMap((r) => [r.claimedBy, r.requestedBy, r.completedBy]).filter(Boolean)),
    ] as string[]
    const familyIds = [...new Set(rows.map((r) => r.familyId).filter(Boolean))] as string[]
    const teamIds = [...new Set(rows.map((r) => r.teamId).filter(Boolean))] as string[]
    const [ps, fs, ts] = await Promise.all([
      personIds.length
        ? db
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(and(eq(people.councilId, councilId), inArray(people.id, personIds)))
        : [],
      familyIds.length
        ? db
            .select({ id: families.id, name: families.name })
            .from(families)
            .where(and(eq(families.councilId, councilId), inArray(families.id, familyIds)))
        : [],
      teamIds.length
        ? db
            .select({ id: teams.id, name: teams.name })
            .from(teams)
            .where(and(eq(teams.councilId, councilId), inArray(teams.id, teamIds)))
        : [],
    ])
    const n = new Map([...ps, ...fs, ...ts].map((x) => [x.id, x.name]))
    const now = Date.now()
    return rows.map((r) => {
      const claimLive = r.status === 'claimed' && r.claimExpiresAt && r.claimExpiresAt.getTime() > now
      const status = r.status === 'claimed' && !claimLive ? ('open' as const) : r.status
      return {
        id: r.id,
        taskType: r.taskType,
        label: TASK_TYPES[r.taskType as TaskType]?.label ?? r.taskType,
        hasLetter: TASK_TYPES[r.taskType as TaskType]?.letter ?? false,
        status,
        details: r.details,
        familyId: r.familyId,
        familyName: r.familyId ? (n.get(r.familyId) ?? null) : null,
        teamName: r.teamId ? (n.get(r.teamId) ?? null) : null,
        requestedByName: r.requestedBy ? (n.get(r.requestedBy) ?? null) : null,
        claimedById: claimLive ? r.claimedBy : null,
        claimedByName: claimLive && r.claimedBy ? (n.get(r.claimedBy) ?? null) : null,
        dueAt: r.dueAt.toISOString(),
        overdue: status !== 'done' && status !== 'cancelled' && r.dueAt.getTime() < now,
        completedAt: r.completedAt?.toISOString() ?? null,
        completedByName: r.completedBy ? (n.get(r.completedBy) ?? null) : null,
        outcome: r.outcome,
        reference: r.reference,
        minutesSaved: r.minutesSaved,
      }
    })
  }

  async function load(councilId: string, id: string) {
    const [t] = await db
      .select()
      .from(adminTasks)
      .where(and(eq(adminTasks.councilId, councilId), eq(adminTasks.id, id)))
    if (!t) throw notFound('task')
    return t
  }

  async function letterData(councilId: string, t: AdminTask): Promise<LetterData> {
    const [council] = await db.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId))
    const [family] = t.familyId
      ? await db
          .select()
          .from(families)
          .where(and(eq(families.councilId, councilId), eq(families.id, t.familyId)))
      : []
    if (!family) throw notFound('family for this letter')
    const [visit] = t.visitId
      ? await db
          .select()
          .from(visits)
          .where(and(eq(visits.councilId, councilId), eq(visits.id, t.visitId)))
      : []
    const [referral] = t.referralId
      ? await db
          .select()
          .from(referrals)
          .where(and(eq(referrals.councilId, councilId), eq(referrals.id, t.referralId)))
      : []
    let workers: LetterData['workers'] = null
    if (t.taskType === 'workers_letter') {
      const current = await db
        .select()
        .from(allocations)
        .where(
          and(eq(allocations.councilId, councilId), eq(allocations.familyId, family.id), isNull(allocations.endedAt)),
        )
      const names = current.length
        ? await db
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(
              and(
                eq(people.councilId, councilId),
                inArray(
                  people.id,
                  current.map((a) => a.personId),
                ),
              ),
            )
        : []
      const nameOf = (id: string) => names.find((x) => x.id === id)?.name ?? ''
      const lead = current.find((a) => a.role === 'lead')
      const [team] = lead
        ? await db
            .select({ name: teams.name })
            .from(teams)
            .where(and(eq(teams.councilId, lead.councilId), eq(teams.id, lead.teamId)))
        : []
      workers = {
        lead: lead ? nameOf(lead.personId) : '',
        coWorkers: current.filter((a) => a.role === 'co_worker').map((a) => nameOf(a.personId)),
        team: team?.name ?? '',
      }
    }
    return {
      councilName: council!.name.replace(/ \(demo\)$/, ''),
      family,
      visit: visit
        ? { kind: visit.kind, startsAt: visit.startsAt, place: visit.place, interpreterNeeded: visit.interpreterNeeded }
        : null,
      workers,
      referral: referral
        ? { reference: referral.reference, referrerName: referral.referrerName, receivedAt: referral.receivedAt }
        : null,
    }
  }

  return {
    views,

    /** The enablers' queue: due first; "open" includes claims that lapsed. */
    async queue(ctx: Ctx, q: { status: 'open' | 'mine' | 'done'; type?: string; teamId?: string }, actor: Actor) {
      const conds = [eq(adminTasks.councilId, ctx.councilId)]
      if (q.status === 'open')
        conds.push(
          or(
            eq(adminTasks.status, 'open'),
            and(eq(adminTasks.status, 'claimed'), lt(adminTasks.claimExpiresAt, new Date())),
          )!,
        )
      if (q.status === 'mine')
        conds.push(
          eq(adminTasks.status, 'claimed'),
          eq(adminTasks.claimedBy, actor.personId),
          gte(adminTasks.claimExpiresAt, new Date()),
        )
      if (q.status === 'done') conds.push(eq(adminTasks.status, 'done'))
      if (q.type) conds.push(eq(adminTasks.taskType, q.type))
      if (q.teamId) conds.push(eq(adminTasks.teamId, q.teamId))
      const rows = await db
        .select()
        .from(adminTasks)
        .where(and(...conds))
        .orderBy(q.status === 'done' ? desc(adminTasks.completedAt) : asc(adminTasks.dueAt))
        .limit(500)
      return views(ctx.councilId, rows)
    },

    /** One enabler at a time: the claim is a single conditional UPDATE, and lapses after `claimMinutes`. */
    async claim(ctx: Ctx, id: string) {
      const now = new Date()
      const [t] = await db
        .update(adminTasks)
        .set({
          status: 'claimed',
          claimedBy: ctx.actorPersonId,
          claimedAt: now,
          claimExpiresAt: new Date(now.getTime() + claimMinutes * 60_000),
        })
        .where(
          and(
            eq(adminTasks.councilId, ctx.councilId),
            eq(adminTasks.id, id),
            or(
              eq(adminTasks.status, 'open'),
              and(eq(adminTasks.status, 'claimed'), lt(adminTasks.claimExpiresAt, now)),
            ),
          ),
        )
        .returning()
      if (!t) {
        const current = await load(ctx.councilId, id)
        const [v] = await views(ctx.councilId, [current])
        throw new AppError(
          'conflict',
          v!.status === 'done'
            ? 'This task is already done.'
            : `${v!.claimedByName ?? 'Another enabler'} is already doing this task.`,
        )
      }
      await writeAudit(db, {
        ...ctx,
        action: 'task.claim',
        recordType: 'admin_task',
        recordId: id,
        familyId: t.familyId,
      })
      return (await views(ctx.councilId, [t]))[0]!
    },

    async release(ctx: Ctx, id: string) {
      const [t] = await db
        .update(adminTasks)
        .set({ status: 'open', claimedBy: null, claimedAt: null, claimExpiresAt: null })
        .where(
          and(
            eq(adminTasks.councilId, ctx.councilId),
            eq(adminTasks.id, id),
            eq(adminTasks.status, 'claimed'),
            eq(adminTasks.claimedBy, ctx.actorPersonId!),
          ),
        )
        .returning()
      if (!t) {
        await load(ctx.councilId, id) // another council's or no such task: "not found"
        throw new AppError('conflict', 'Only the enabler doing this task can hand it back.')
      }
      await writeAudit(db, {
        ...ctx,
        action: 'task.release',
        recordType: 'admin_task',
        recordId: id,
        familyId: t.familyId,
      })
      return (await views(ctx.councilId, [t]))[0]!
    },

    /** Done, by the enabler holding it, with what was done; a letter is kept as sent. */
    async complete(ctx: Ctx, id: string, input: { outcome: string; reference?: string | null }) {
      const t = await load(ctx.councilId, id)
      if (
        t.status !== 'claimed' ||
        t.claimedBy !== ctx.actorPersonId ||
        !t.claimExpiresAt ||
        t.claimExpiresAt < new Date()
      ) {
        throw new AppError(
          'conflict',
          t.status === 'done'
            ? 'This task is already done.'
            : 'Take the task first: only the enabler doing it can mark it done.',
        )
      }
      const artefact = TASK_TYPES[t.taskType as TaskType]?.letter
        ? await renderLetter(t.taskType as TaskType, await letterData(ctx.councilId, t))
        : null
      const done = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(adminTasks)
          .set({
            status: 'done',
            completedBy: ctx.actorPersonId,
            completedAt: new Date(),
            outcome: input.outcome,
            reference: input.reference ?? null,
            artefact,
          })
          .where(
            and(
              eq(adminTasks.councilId, ctx.councilId),
              eq(adminTasks.id, id),
              eq(adminTasks.status, 'claimed'),
              eq(adminTasks.claimedBy, ctx.actorPersonId!),
            ),
          )
          .returning()
        if (!row) throw new AppError('conflict', 'This task changed meanwhile. Reload and try again.')
        if (t.taskType === 'workers_letter' && t.sourceKey.startsWith('letter:')) {
          await tx
            .update(familyLetters)
            .set({ status: 'sent' })
            .where(
              and(
                eq(familyLetters.councilId, ctx.councilId),
                eq(familyLetters.id, t.sourceKey.slice('letter:'.length)),
              ),
            )
        }
        await writeAudit(tx, {
          ...ctx,
          action: 'task.complete',
          recordType: 'admin_task',
          recordId: id,
          familyId: t.familyId,
          details: { letter: !!artefact },
        })
        return row
      })
      return { task: (await views(ctx.councilId, [done]))[0]!, teamId: done.teamId }
    },

    async letter(ctx: Ctx, id: string): Promise<Buffer> {
      const t = await load(ctx.councilId, id)
      if (!TASK_TYPES[t.taskType as TaskType]?.letter) throw notFound('letter for this task')
      return t.artefact ?? renderLetter(t.taskType as TaskType, await letterData(ctx.councilId, t))
    },

    /** One click from a family's page: the practitioner's own words go straight to the queue. */
    async ask(ctx: Ctx, actor: Actor, familyId: string, request: string) {
      const [lead] = await db
        .select({ teamId: allocations.teamId })
        .from(allocations)
        .where(
          and(
            eq(allocations.councilId, ctx.councilId),
            eq(allocations.familyId, familyId),
            isNull(allocations.endedAt),
            eq(allocations.role, 'lead'),
          ),
        )
      const teamId = lead?.teamId ?? actor.teams.find((t) => t.kind === 'family_facing')?.id ?? null
      const row = await db.transaction(async (tx) => {
        const id = await createTask(tx, {
          councilId: ctx.councilId,
          sourceKey: `ask:${randomUUID()}`,
          taskType: 'ask_enabler',
          teamId,
          familyId,
          requestedBy: actor.personId,
          details: request,
        })
        await writeAudit(tx, { ...ctx, action: 'task.ask', recordType: 'admin_task', recordId: id, familyId })
        const [r] = await tx
          .select()
          .from(adminTasks)
          .where(and(eq(adminTasks.councilId, ctx.councilId), eq(adminTasks.id, id!)))
        return r!
      })
      return (await views(ctx.councilId, [row]))[0]!
    },

    async forFamily(ctx: Ctx, familyId: string) {
      const rows = await db
        .select()
        .from(adminTasks)
        .where(and(eq(adminTasks.councilId, ctx.councilId), eq(adminTasks.familyId, familyId)))
        .orderBy(desc(adminTasks.createdAt))
        .limit(100)
      return views(ctx.councilId, rows)
    },

    async requestedBy(ctx: Ctx, personId: string) {
      const rows = await db
        .select()
        .from(adminTasks)
        .where(
          and(
            eq(adminTasks.councilId, ctx.councilId),
            eq(adminTasks.requestedBy, personId),
            or(sql`${adminTasks.status} <> 'done'`, gte(adminTasks.completedAt, new Date(Date.now() - 7 * 86_400_000))),
          ),
        )
        .orderBy(asc(adminTasks.dueAt))
        .limit(100)
      return views(ctx.councilId, rows)
    },

    /**
     * Figures for insight and strategy: volumes and time to complete by type, open and overdue,
     * and practitioner minutes saved by team and week (Monday-starting, England).
     */
    async stats(councilId: string, weeks: number) {
      const since = new Date(Date.now() - weeks * 7 * 86_400_000)
      const byType = (
        (await db.execute(sql`select task_type,
          count(*) filter (where created_at >= ${since})::int as created,
          count(*) filter (where status = 'done' and completed_at >= ${since})::int as done,
          count(*) filter (where status in ('open', 'claimed'))::int as open,
          count(*) filter (where status in ('open', 'claimed') and due_at < now())::int as overdue,
          percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at) / 60) filter (where status = 'done' and completed_at >= ${since}) as median_minutes
        from ${adminTasks} where council_id = ${councilId} group by task_type order by task_type`)) as unknown as {
          rows: {
            task_type: string
            created: number
            done: number
            open: number
            overdue: number
            median_minutes: number | null
          }[]
        }
      ).rows
      const saved = (
        (await db.execute(sql`select t.id as team_id, t.name as team_name,
          to_char(date_trunc('week', a.completed_at at time zone 'Europe/London'), 'YYYY-MM-DD') as week,
          sum(a.minutes_saved)::int as minutes, count(*)::int as tasks
        from ${adminTasks} a join ${teams} t on t.id = a.team_id and t.council_id = a.council_id
        where a.council_id = ${councilId} and a.status = 'done' and a.completed_at >= ${since}
        group by t.id, t.name, week order by week desc, t.name`)) as unknown as {
          rows: { team_id: string; team_name: string; week: string; minutes: number; tasks: number }[]
        }
      ).rows
      return {
        since: londonDateOf(since),
        byType: byType.map((r) => ({
          taskType: r.task_type,
          label: TASK_TYPES[r.task_type as TaskType]?.label ?? r.task_type,
          created: r.created,
          done: r.done,
          open: r.open,
          overdue: r.overdue,
          medianMinutesToComplete: r.median_minutes === null ? null : Math.round(Number(r.median_minutes)),
        })),
        savedByTeamWeek: saved.map((r) => ({
          teamId: r.team_id,
          teamName: r.team_name,
          week: r.week,
          minutes: r.minutes,
          tasks: r.tasks,
        })),
      }
    },
  }
}
