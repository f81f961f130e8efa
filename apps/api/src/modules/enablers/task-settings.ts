import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import { writeAudit } from '@hearth/db/audit'
import { taskTypeSettings } from '@hearth/db/schema/enablers'
import type { TaskSettingInput } from '@hearth/contracts/enablers'
import { TASK_TYPE_LIST, TASK_TYPES, type TaskType } from '@hearth/domain/admin-tasks'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'

/** Due times and minutes saved for each task type: the council's own where set, else Hearth's. */
export async function listTaskSettings(deps: Deps, caller: Caller) {
  const own = await deps.db.select().from(taskTypeSettings).where(eq(taskTypeSettings.councilId, caller.councilId))
  return TASK_TYPE_LIST.map((t) => {
    const o = own.find((x) => x.taskType === t)
    return {
      taskType: t,
      label: TASK_TYPES[t].label,
      dueHours: o?.dueHours ?? TASK_TYPES[t].dueHours,
      minutesSaved: o?.minutesSaved ?? TASK_TYPES[t].minutesSaved,
      councilOwn: !!o,
    }
  })
}

/** The council's own due time and minutes saved for a task type (new tasks only), audited. */
export async function setTaskSetting(
  deps: Deps,
  caller: Caller,
  taskType: TaskType,
  input: z.infer<typeof TaskSettingInput>,
) {
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(taskTypeSettings)
      .values({ councilId: caller.councilId, taskType, ...input })
      .onConflictDoUpdate({ target: [taskTypeSettings.councilId, taskTypeSettings.taskType], set: input })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'task_setting.set',
      recordType: 'task_type',
      recordId: taskType,
      details: input,
    })
  })
  return { taskType, label: TASK_TYPES[taskType].label, ...input, councilOwn: true }
}
