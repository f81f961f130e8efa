import { dirname } from 'node:path'
import type { Tx } from '@hearth/db/client'
import { JOBS, type JobPayload } from '@hearth/jobs'
import { modulesIn } from '@hearth/discovery'

export type TaskPayload = JobPayload<'admin.tasks'>
export type TaskTrigger = TaskPayload['trigger']
/** The admin tasks one kind of action brings: the ids of tasks made (null when one already existed). */
export type TaskRule = (tx: Tx, p: TaskPayload) => Promise<(string | null)[]>
/** What a `jobs/<capability>/*.tasks.ts` file exports as `taskRules`. */
export type TaskRuleSet = { [T in TaskTrigger]?: TaskRule }

const RULE_FILE = /\.tasks\.(ts|js)$/
const TRIGGERS = JOBS['admin.tasks'].payload.shape.trigger.options

let loaded: Promise<Record<TaskTrigger, TaskRule>> | null = null

/**
 * Each capability owns the rules for the admin work its actions create, in
 * `jobs/<capability>/*.tasks.ts`; found here once. Every trigger has exactly one rule.
 */
export function taskRules(dir = dirname(import.meta.dirname)): Promise<Record<TaskTrigger, TaskRule>> {
  loaded ??= (async () => {
    const found: Partial<Record<TaskTrigger, TaskRule>> = {}
    for (const [file, m] of await modulesIn(dir, RULE_FILE, 'taskRules')) {
      const mod = m as { taskRules?: TaskRuleSet }
      for (const [trigger, rule] of Object.entries(mod.taskRules ?? {}) as [TaskTrigger, TaskRule][]) {
        if (found[trigger]) throw new Error(`admin task trigger ${trigger} has two rules (the second in ${file})`)
        found[trigger] = rule
      }
    }
    const missing = TRIGGERS.filter((t) => !found[t])
    if (missing.length) throw new Error(`admin task triggers without a rule: ${missing.join(', ')}`)
    return found as Record<TaskTrigger, TaskRule>
  })()
  return loaded
}
