import type { JobPayload } from '@hearth/jobs'
import type { HandlerSet, JobContext } from '../../job-context'
import { taskRules } from './task-rules'

/**
 * Turns an action into the admin work it brings, by the rule of the capability whose action it
 * was (`jobs/<capability>/*.tasks.ts`). Safe to run again: each task's source key is unique, so a
 * retry or a duplicate delivery finds the tasks already there and adds none.
 */
export async function handleAdminTasks(ctx: JobContext, p: JobPayload<'admin.tasks'>): Promise<void> {
  const rule = (await taskRules())[p.trigger]
  const created = await ctx.db.transaction(async (tx) => (await rule(tx, p)).filter((x): x is string => !!x))
  if (created.length)
    await ctx.publish({ type: 'tasks.changed', councilId: p.councilId, teamIds: [], taskIds: created })
}

export const handlers: HandlerSet = { 'admin.tasks': { run: handleAdminTasks } }
