import type { Deps } from '../../kernel/context'
import { sql } from 'drizzle-orm'
import { adminTasks } from '@hearth/db/schema/enablers'
import { teams } from '@hearth/db/schema/organisation'
import { TASK_TYPES, type TaskType } from '@hearth/domain/admin-tasks'
import { londonDateOf } from '@hearth/domain/working-days'
import type { Caller } from '../../kernel/caller'

/**
 * Figures for insight and strategy: volumes and time to complete by type, open and overdue,
 * and practitioner minutes saved by team and week (Monday-starting, England).
 */
export async function getTaskStats(deps: Deps, caller: Caller, weeks: number) {
  const { db } = deps
  const { councilId } = caller.audit
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
}
